package vn.loa.core.model;

/**
 * A loudspeaker node: Loa's own agent on a speaker box, or any standard RTP receiver (IP speaker, VLC, GStreamer).
 *
 * @param address {@code host:port} where a plain {@link NodeKind#RTP} receiver listens; null for agents
 * @param codec   the codec the node wants (PCMU, PCMA, OPUS, G722); null means the zone's default
 * @param lat     where it stands, degrees north (WGS 84), for the map; null when not surveyed
 * @param lon     where it stands, degrees east (WGS 84); null when not surveyed
 * @param onHours the hours it may play anything but an emergency ({@code 05:00-21:00}, station time); null: always
 */
public record Node(String id, String name, String zone, NodeKind kind, String address, String codec, Double lat,
        Double lon, String onHours) {

    /** A node with no place and no on-hours. */
    public Node(String id, String name, String zone, NodeKind kind, String address, String codec) {
        this(id, name, zone, kind, address, codec, null, null, null);
    }
}
