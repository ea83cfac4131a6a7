package vn.loa.wire.control;

import vn.loa.wire.rtp.RtcpReceiverReport;

/**
 * One keepalive of a node agent's RTP path, or the server's answer to it. The agent sends one from its RTP socket to
 * the server's RTP port of its stream every few seconds: the datagram opens (and keeps open) the path through the
 * agent's NAT, the server sends the stream back to the address and port it came from (symmetric RTP), and the answer
 * tells the agent that UDP works both ways. Both are signed with the session's keepalive key ({@link KeepaliveCodec}).
 *
 * @param answer {@code false} for the agent's keepalive, {@code true} for the server's answer to it
 * @param nodeId the node whose path this is
 * @param counter the agent's count of keepalives this session, rising: a replayed or older one is ignored
 * @param sentAtMillis when the agent sent it, by the agent's clock; echoed in the answer for the round trip
 * @param report what the agent heard of its stream (an RTCP receiver report in the same signed compound packet), or
 *        null: none in answers, nor from an agent that has heard nothing yet
 */
public record Keepalive(boolean answer, String nodeId, long counter, long sentAtMillis, RtcpReceiverReport report) {

    public Keepalive(boolean answer, String nodeId, long counter, long sentAtMillis) {
        this(answer, nodeId, counter, sentAtMillis, null);
    }

    /** The answer to this keepalive. */
    public Keepalive answered() {
        return new Keepalive(true, nodeId, counter, sentAtMillis);
    }
}
