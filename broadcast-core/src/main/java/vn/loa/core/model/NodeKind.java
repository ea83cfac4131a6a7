package vn.loa.core.model;

/**
 * How a node is reached: through Loa's control channel (an agent), as a statically configured RTP receiver, or as a
 * box that pulls its zone's HTTP stream itself ({@code stream}: the many 4G speakers that play a URL).
 */
public enum NodeKind {
    AGENT, RTP, STREAM;

    /** The spelling the published API uses ({@code "agent"}, {@code "rtp"}). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
