package vn.loa.wire.srtp;

/**
 * Where a protected zone stream stands in SRTP's packet index: its SSRC, how many times its sequence number has
 * wrapped (the rollover counter, RFC 3711 §3.3.1) and the sequence number of the last packet sent, or -1 before the
 * first. A node agent that joins the running stream needs them, with the key, to authenticate its first packet:
 * {@link SrtpReceiver#expect}.
 */
public record StreamRollover(long ssrc, int rolloverCounter, int sequence) {

    /**
     * The rollover counter of a packet with sequence number {@code seq} that comes near this position, as RFC 3711
     * §3.3.1 estimates it: a number far below the last one has wrapped past 65535, one far above is from before the
     * last wrap.
     */
    public int rolloverCounterOf(int seq) {
        if (sequence < 0) {
            return rolloverCounter;
        }
        if (sequence < 0x8000) {
            return seq - sequence > 0x8000 ? Math.max(0, rolloverCounter - 1) : rolloverCounter;
        }
        return sequence - 0x8000 > seq ? rolloverCounter + 1 : rolloverCounter;
    }
}
