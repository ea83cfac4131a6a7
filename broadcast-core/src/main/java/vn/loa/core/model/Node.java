package vn.loa.core.model;

/**
 * A loudspeaker node: Loa's own agent on a speaker box, or any standard RTP receiver (IP speaker, VLC, GStreamer).
 *
 * @param address {@code host:port} where a plain {@link NodeKind#RTP} receiver listens; null for agents
 * @param codec   the codec the node wants (PCMU, PCMA, OPUS, G722); null means the zone's default
 */
public record Node(String id, String name, String zone, NodeKind kind, String address, String codec) {
}
