package vn.loa.bench.fanout;

import java.util.function.LongSupplier;
import vn.loa.core.media.ZoneOutput;
import vn.loa.wire.rtp.RtpPacket;

/**
 * A zone output that measures its fan-out: how long after the tick's 20 ms deadline each round of packets to all of
 * the zone's nodes had finished leaving (the send-time error), then passes the packet on. When the fan-out spreads a
 * round over the packet time, each batch of nodes has its own phase, and the error is measured per batch.
 *
 * <p>Called by the transmitter's pacing thread only; the histogram is read once that thread has been stopped or
 * under this object's lock.
 */
final class TimedOutput implements ZoneOutput {

    private final ZoneOutput fanOut;
    private final LongSupplier deadline;
    private final int nodes;
    private final LatencyHistogram sendError = new LatencyHistogram();
    private volatile long rtpDatagrams;
    private volatile boolean measuring;
    private final boolean spread;
    private volatile long pacingLate;

    /**
     * @param deadline the current tick's deadline on {@link System#nanoTime()}'s line, read on the pacing thread
     */
    TimedOutput(ZoneOutput fanOut, int nodes, LongSupplier deadline, boolean spread) {
        this.spread = spread;
        this.fanOut = fanOut;
        this.nodes = nodes;
        this.deadline = deadline;
    }

    @Override
    public void send(RtpPacket packet) {
        long due = deadline.getAsLong();
        long start = System.nanoTime();
        fanOut.send(packet);
        long done = System.nanoTime();
        rtpDatagrams += nodes; // only the pacing thread writes
        if (spread) {
            pacingLate = start - due; // each batch adds its own lateness to this when it leaves
        } else if (measuring) {
            synchronized (this) {
                sendError.record(done - due);
            }
        }
    }

    /**
     * A batch of a spread round left {@code lateNanos} after its planned phase: its send-time error is that plus how
     * late the pacing thread handed the round over. Called on the fan-out's sending threads.
     */
    void batchSent(long lateNanos) {
        if (measuring) {
            synchronized (this) {
                sendError.record(pacingLate + lateNanos);
            }
        }
    }

    @Override
    public void sendControl(byte[] rtcp) {
        fanOut.sendControl(rtcp);
    }

    /** RTP datagrams sent since the start: one per node per packet (RTCP not counted). */
    long rtpDatagrams() {
        return rtpDatagrams;
    }

    synchronized void startWindow() {
        sendError.clear();
        measuring = true;
    }

    /** Stops measuring and returns the send-time errors of the window. */
    synchronized LatencyHistogram stopWindow() {
        measuring = false;
        LatencyHistogram copy = new LatencyHistogram();
        copy.addAll(sendError);
        return copy;
    }
}
