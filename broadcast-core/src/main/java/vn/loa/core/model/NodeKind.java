package vn.loa.core.model;

/** How a node is reached: through Loa's control channel, or as a statically configured RTP receiver. */
public enum NodeKind {
    AGENT, RTP;

    /** The spelling the published API uses ({@code "agent"}, {@code "rtp"}). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
