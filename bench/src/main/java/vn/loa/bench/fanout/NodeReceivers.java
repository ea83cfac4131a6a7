package vn.loa.bench.fanout;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.util.ReferenceCountUtil;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The loudspeaker side of the fan-out benchmark, run as its own process so the sender's process pays only for
 * sending. The nodes listen each on its own loopback address ({@link NodeAddresses}), spread over a few RTP ports;
 * the process reads them all through one socket per port bound to every address, tells them apart by each datagram's
 * destination ({@code IP_RECVORIGDSTADDR}) and drains each socket every millisecond.
 * A socket per node, woken for each datagram, would cost a wake-up per packet on both sides of loopback, a cost a
 * real network puts on the speakers, not on the server; see {@code docs/adr/0005-fan-out-and-pacing.md}.
 *
 * <p>Arguments: node count, RTP clock rate, receiving threads. Prints {@code port P sockets K} once bound (node i
 * listens on port P + 2 (i mod K); RTCP is absorbed on the port above each), then answers commands on standard input,
 * one a line: {@code measure} (start the window), {@code report}
 * (one line of figures for the window so far), {@code quit}.
 */
public final class NodeReceivers {

    /** Sockets per receiving thread: each has its own kernel queue, so one late read does not overflow the rest. */
    private static final int SOCKETS_PER_THREAD = 4;
    /** The largest datagram read whole. */
    private static final int DATAGRAM = 2048;
    /**
     * The sockets are read after a pause, draining each queue, rather than woken for every datagram: a wake-up per
     * packet costs both sides of loopback (the sender's system call does the waking), a cost that in the field falls
     * on the speakers. Arrival lateness therefore includes up to this much waiting in the queue.
     */
    private static final long READ_EVERY_MICROS = 1_000;

    private NodeReceivers() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = Integer.parseInt(args[0]);
        int clockRate = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, EpollIoHandler.newFactory());
        List<ReceiverSlice> slices = new ArrayList<>();
        List<EventLoop> loops = new ArrayList<>();
        group.forEach(loop -> {
            loops.add((EventLoop) loop);
            slices.add(new ReceiverSlice(nodes, clockRate));
        });
        int port = bind(loops, slices);
        loops.forEach(NodeReceivers::pace);
        System.out.println("port " + port + " sockets " + threads * SOCKETS_PER_THREAD);
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in));
        for (String line; (line = commands.readLine()) != null && !line.equals("quit"); ) {
            if (line.equals("measure")) {
                slices.forEach(ReceiverSlice::startWindow);
                System.out.println("measuring");
            } else if (line.equals("report")) {
                System.out.println(ReceiverSlice.report(slices));
            }
            System.out.flush();
        }
        System.exit(0);
    }

    /**
     * Binds the RTP sockets on even ports from a free base (base, base + 2, ...) and an RTCP sink on each port above;
     * returns the base. One port per socket, not one port shared through {@code SO_REUSEPORT}: the kernel spread
     * datagrams from one sender over a shared port's sockets by their source only, so one zone's whole stream fell
     * on one socket (measured: 2,000 of 2,000 datagrams to 2,000 addresses on one of eight sockets).
     */
    private static int bind(List<EventLoop> loops, List<ReceiverSlice> slices) {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; ; attempt++) {
            List<Channel> opened = new ArrayList<>();
            // Below Linux's ephemeral range (32768+), so no outgoing socket takes one of them meanwhile.
            int base = 20_000 + 2 * random.nextInt(5_000);
            try {
                int k = 0;
                for (int t = 0; t < loops.size(); t++) {
                    for (int s = 0; s < SOCKETS_PER_THREAD; s++, k++) {
                        opened.add(open(loops.get(t), slices.get(t), base + 2 * k, true));
                        opened.add(open(loops.get(t), new Absorber(), base + 2 * k + 1, false));
                    }
                }
                return base;
            } catch (RuntimeException e) {
                opened.forEach(Channel::close);
                if (attempt == 20) {
                    throw e;
                }
            }
        }
    }

    private static Channel open(EventLoop loop, ChannelHandler handler, int port, boolean rtp) {
        Bootstrap bootstrap = new Bootstrap().group(loop)
                .channelFactory(() -> new EpollDatagramChannel(SocketProtocolFamily.INET))
                .option(ChannelOption.SO_RCVBUF, 4 << 20)
                .option(EpollChannelOption.IP_RECVORIGDSTADDR, rtp)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(DATAGRAM).maxMessagesPerRead(1024))
                .handler(handler);
        return bootstrap.bind(new InetSocketAddress(port)).syncUninterruptibly().channel();
    }

    /**
     * Keeps {@code loop} pausing {@link #READ_EVERY_MICROS} between its turns: with a task always queued, the loop
     * polls its sockets without blocking, drains what arrived during the pause, then pauses again, so no datagram
     * has to wake it.
     */
    private static void pace(EventLoop loop) {
        // Scheduled, not executed: the loop runs every queued task before it polls again, so a task that queues
        // itself would starve the sockets; a timer due at once is taken up on the loop's next turn, after its poll.
        loop.schedule(() -> {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(READ_EVERY_MICROS));
            pace(loop);
        }, 1, TimeUnit.NANOSECONDS);
    }

    /** Takes the sender reports that reach each node's RTCP port, so loopback answers them with no ICMP error. */
    @ChannelHandler.Sharable
    private static final class Absorber extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }
    }
}
