package vn.loa.node.rtp;

/**
 * What the node's RTP socket has heard since it opened: the figures a heartbeat carries, and what it threw away.
 *
 * @param received packets accepted from the stream sources, all sources together
 * @param lost packets the sources' sequence numbers say were sent but never came
 * @param jitterMs the current source's interarrival jitter (RFC 3550 §6.4.1), in milliseconds
 * @param malformed datagrams that were not RTP at all
 * @param foreign RTP packets dropped for an unknown payload type or from a second source while one was playing
 */
public record ReceptionReport(long received, long lost, double jitterMs, long malformed, long foreign) {

    public static final ReceptionReport NOTHING = new ReceptionReport(0, 0, 0, 0, 0);
}
