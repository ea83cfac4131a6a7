package vn.loa.bench.fanout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.List;

/**
 * Some of the benchmark's simulated nodes, served by one thread and one selector: counts each node's RTP packets,
 * sequence gaps and how late each packet arrives on the node's 20 ms grid.
 *
 * <p>A node's grid is its RTP timestamps turned into time; its origin is the earliest arrival seen relative to that
 * grid, so the error is how much later than the best-case transit a packet came. The counters are guarded by the
 * slice's lock, which only the command thread contends for.
 */
final class ReceiverSlice implements Runnable {

    private final List<DatagramChannel> channels;
    private final long clockRate;
    private final long[] received;
    private final long[] total;
    private final long[] gaps;
    private final long[] lastSequence;
    private final long[] firstTimestamp;
    private final long[] earliest;
    private final LatencyHistogram lateness = new LatencyHistogram();

    ReceiverSlice(List<DatagramChannel> channels, int clockRate) {
        this.channels = channels;
        this.clockRate = clockRate;
        int n = channels.size();
        received = new long[n];
        total = new long[n];
        gaps = new long[n];
        lastSequence = new long[n];
        firstTimestamp = new long[n];
        earliest = new long[n];
        java.util.Arrays.fill(lastSequence, -1);
        java.util.Arrays.fill(earliest, Long.MAX_VALUE);
    }

    @Override
    public void run() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < channels.size(); i++) {
                channels.get(i).configureBlocking(false);
                channels.get(i).register(selector, SelectionKey.OP_READ, i);
            }
            while (true) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    buffer.clear();
                    // One datagram per ready socket: each node gets one per 20 ms, so a second read would mostly
                    // be a wasted system call; the level-triggered selector reports the socket again if needed.
                    if (((DatagramChannel) key.channel()).receive(buffer) != null && isRtp(buffer)) {
                        onPacket((Integer) key.attachment(), buffer, System.nanoTime());
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * True for RTP, false for RTCP (RFC 5761's test on the second byte): the fan-out sends sender reports to each
     * node's port + 1, which may be another simulated node's port.
     */
    private static boolean isRtp(ByteBuffer packet) {
        int type = packet.get(1) & 0xFF;
        return packet.position() >= 12 && (type < 192 || type > 223);
    }

    private synchronized void onPacket(int node, ByteBuffer packet, long arrival) {
        long sequence = packet.getShort(2) & 0xFFFF;
        long timestamp = packet.getInt(4) & 0xFFFF_FFFFL;
        if (lastSequence[node] < 0) {
            firstTimestamp[node] = timestamp;
        } else {
            long step = (sequence - lastSequence[node]) & 0xFFFF;
            gaps[node] += step > 1 && step < 0x8000 ? step - 1 : 0;
        }
        lastSequence[node] = sequence;
        long mediaNanos = ((timestamp - firstTimestamp[node]) & 0xFFFF_FFFFL) * 1_000_000_000L / clockRate;
        long offset = arrival - mediaNanos;
        earliest[node] = Math.min(earliest[node], offset);
        received[node]++;
        total[node]++;
        lateness.record(offset - earliest[node]);
    }

    synchronized void startWindow() {
        java.util.Arrays.fill(received, 0);
        lateness.clear();
    }

    /**
     * One line of figures over all slices: packets in the window and since the start, sequence gaps since the
     * start, nodes that never heard a packet, lateness percentiles in the window.
     */
    static String report(List<ReceiverSlice> slices) {
        long packets = 0;
        long sinceStart = 0;
        long lost = 0;
        long silent = 0;
        long fewest = Long.MAX_VALUE;
        LatencyHistogram all = new LatencyHistogram();
        for (ReceiverSlice slice : slices) {
            synchronized (slice) {
                for (int i = 0; i < slice.received.length; i++) {
                    packets += slice.received[i];
                    sinceStart += slice.total[i];
                    lost += slice.gaps[i];
                    silent += slice.total[i] == 0 ? 1 : 0;
                    fewest = Math.min(fewest, slice.received[i]);
                }
                all.addAll(slice.lateness);
            }
        }
        return String.format(java.util.Locale.ROOT,
                "received %d total %d gaps %d silent %d fewest %d p50 %.3f p99 %.3f max %.3f", packets, sinceStart,
                lost, silent,
                fewest, all.percentileMs(0.50), all.percentileMs(0.99), all.maxMs());
    }
}
