package vn.loa.bench.fanout;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import java.util.List;

/**
 * What the nodes of one receiving thread heard: each node's RTP packets, sequence gaps and how late each packet
 * arrived on the node's 20 ms grid. The node is the packet's destination address ({@link NodeAddresses}); each
 * node listens on one port, read by one socket of one thread, so a node's figures live in one slice.
 *
 * <p>A node's grid is its RTP timestamps turned into time; its origin is the earliest arrival seen relative to that
 * grid, so the error is how much later than the best-case transit a packet came. The counters are guarded by the
 * slice's lock, which only the command thread contends for.
 */
@ChannelHandler.Sharable
final class ReceiverSlice extends ChannelInboundHandlerAdapter {

    private final long clockRate;
    private final long[] received;
    private final long[] total;
    private final long[] gaps;
    /** Gaps since the window started: the warm-up, where both processes are still compiling, is left out. */
    private final long[] windowGaps;
    private final long[] lastSequence;
    private final long[] firstTimestamp;
    private final long[] earliest;
    private final LatencyHistogram lateness = new LatencyHistogram();
    private long strangers;

    ReceiverSlice(int nodes, int clockRate) {
        this.clockRate = clockRate;
        received = new long[nodes];
        total = new long[nodes];
        gaps = new long[nodes];
        windowGaps = new long[nodes];
        lastSequence = new long[nodes];
        firstTimestamp = new long[nodes];
        earliest = new long[nodes];
        java.util.Arrays.fill(lastSequence, -1);
        java.util.Arrays.fill(earliest, Long.MAX_VALUE);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        DatagramPacket datagram = (DatagramPacket) msg;
        try {
            int node = NodeAddresses.indexOf(datagram.recipient().getAddress());
            ByteBuf packet = datagram.content();
            if (node >= 0 && node < total.length && isRtp(packet)) {
                onPacket(node, packet, System.nanoTime());
            } else {
                synchronized (this) {
                    strangers++;
                }
            }
        } finally {
            datagram.release();
        }
    }

    /**
     * True for RTP, false for RTCP (RFC 5761's test on the second byte), in case a sender report reaches the RTP
     * port.
     */
    private static boolean isRtp(ByteBuf packet) {
        if (packet.readableBytes() < 12) {
            return false;
        }
        int type = packet.getUnsignedByte(packet.readerIndex() + 1);
        return type < 192 || type > 223;
    }

    private synchronized void onPacket(int node, ByteBuf packet, long arrival) {
        int at = packet.readerIndex();
        long sequence = packet.getUnsignedShort(at + 2);
        long timestamp = packet.getUnsignedInt(at + 4);
        if (lastSequence[node] < 0) {
            firstTimestamp[node] = timestamp;
        } else {
            long step = (sequence - lastSequence[node]) & 0xFFFF;
            long missing = step > 1 && step < 0x8000 ? step - 1 : 0;
            gaps[node] += missing;
            windowGaps[node] += missing;
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
        java.util.Arrays.fill(windowGaps, 0);
        lateness.clear();
    }

    /**
     * One line of figures over all slices: packets in the window and since the start, sequence gaps since the
     * start and since the window started, nodes that never heard a packet, the fewest packets a node heard in the
     * window, datagrams to no node,
     * lateness percentiles in the window.
     */
    static String report(List<ReceiverSlice> slices) {
        int nodes = slices.get(0).total.length;
        long[] window = new long[nodes];
        long[] sinceStart = new long[nodes];
        long lost = 0;
        long lostInWindow = 0;
        long strangers = 0;
        LatencyHistogram all = new LatencyHistogram();
        for (ReceiverSlice slice : slices) {
            synchronized (slice) {
                for (int i = 0; i < nodes; i++) {
                    window[i] += slice.received[i];
                    sinceStart[i] += slice.total[i];
                    lost += slice.gaps[i];
                    lostInWindow += slice.windowGaps[i];
                }
                strangers += slice.strangers;
                all.addAll(slice.lateness);
            }
        }
        long packets = 0;
        long total = 0;
        long silent = 0;
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < nodes; i++) {
            packets += window[i];
            total += sinceStart[i];
            silent += sinceStart[i] == 0 ? 1 : 0;
            fewest = Math.min(fewest, window[i]);
        }
        return String.format(java.util.Locale.ROOT,
                "received %d total %d gaps %d windowGaps %d silent %d fewest %d strangers %d "
                        + "p50 %.3f p99 %.3f max %.3f",
                packets, total, lost, lostInWindow, silent, fewest, strangers, all.percentileMs(0.50),
                all.percentileMs(0.99), all.maxMs());
    }
}
