package vn.loa.core.media;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import vn.loa.core.rtp.RtpPacket;
import vn.loa.core.rtp.RtpPacketCodec;

/**
 * Sends each packet of one zone stream to every destination: the unicast address of each node, or the zone's
 * multicast group. The packet is encoded once however many nodes there are.
 *
 * <p>{@link #accept} is called by the one pacing thread and returns once the round has been handed to the kernel;
 * destinations may be added and removed from any thread. A failed send to one node is counted and does not stop the
 * others.
 *
 * <p>The nodes are spread over shards, one per core, each a socket on its own sending thread: on Linux an epoll
 * socket, which hands a round to the kernel in batches of up to 1,024 datagrams per {@code sendmmsg} call; elsewhere
 * a NIO socket, alone. The shards share one local port ({@code SO_REUSEPORT}), so every node sees the stream come
 * from the one address. Why: see {@code docs/adr/0005-fan-out-and-pacing.md}.
 */
public final class UdpFanOut implements Consumer<RtpPacket>, ZoneOutput, AutoCloseable {

    /** How long the pacing thread waits for a round before it moves on; a bound against a wedged thread, not a timing. */
    private static final long ROUND_LIMIT_MILLIS = 1_000;

    private final List<Shard> shards;
    private final LongAdder attempted = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder failures = new LongAdder();

    private UdpFanOut(List<Shard> shards) {
        this.shards = shards;
    }

    /**
     * Opens the sending sockets on one ephemeral IPv4 port.
     *
     * @param multicastTtl how many router hops multicast may cross (1 keeps it on the commune's own network)
     */
    public static UdpFanOut open(int multicastTtl) {
        List<Shard> shards = new ArrayList<>();
        UdpFanOut fanOut = new UdpFanOut(shards);
        int port = 0;
        for (int i = 0; i < SendingThreads.SHARDS; i++) {
            Channel channel = SendingThreads.bind(i, port, multicastTtl, fanOut.new FailureCounter());
            port = ((InetSocketAddress) channel.localAddress()).getPort();
            shards.add(new Shard(channel));
        }
        return fanOut;
    }

    /** Adds a node; it goes to the shard with the fewest, and always leaves from that shard, so it hears packets in order. */
    public void add(InetSocketAddress destination) {
        synchronized (shards) {
            shards.stream().min((a, b) -> Integer.compare(a.destinations.size(), b.destinations.size()))
                    .orElseThrow().destinations.add(destination);
        }
    }

    public void remove(InetSocketAddress destination) {
        synchronized (shards) {
            shards.forEach(s -> s.destinations.remove(destination));
        }
    }

    /** The local port packets leave from, as receivers see it. */
    public int localPort() {
        return ((InetSocketAddress) shards.get(0).channel.localAddress()).getPort();
    }

    @Override
    public void accept(RtpPacket packet) {
        ByteBuf encoded = PooledByteBufAllocator.DEFAULT.directBuffer(packet.encodedLength());
        encoded.writeBytes(RtpPacketCodec.encode(packet));
        sendToAll(encoded, UnaryOperator.identity());
    }

    @Override
    public void send(RtpPacket packet) {
        accept(packet);
    }

    /** Sends raw bytes (an RTCP compound packet) to every destination's next port up, the RTCP port. */
    @Override
    public void sendControl(byte[] rtcp) {
        ByteBuf encoded = PooledByteBufAllocator.DEFAULT.directBuffer(rtcp.length).writeBytes(rtcp);
        sendToAll(encoded, d -> new InetSocketAddress(d.getAddress(), d.getPort() + 1));
    }

    /** Hands {@code datagram} to every shard's thread and waits until each has passed its round to the kernel. */
    private void sendToAll(ByteBuf datagram, UnaryOperator<InetSocketAddress> port) {
        CountDownLatch done = new CountDownLatch(shards.size());
        try {
            for (Shard shard : shards) {
                ByteBuf copy = datagram.retainedDuplicate();
                Runnable round = () -> {
                    try {
                        send(shard, copy, port);
                    } finally {
                        done.countDown();
                    }
                };
                if (shard.loop.inEventLoop()) {
                    round.run();
                } else {
                    shard.loop.execute(round);
                }
            }
        } finally {
            datagram.release();
        }
        try {
            done.await(ROUND_LIMIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** On the shard's thread: queues one datagram per node, then one flush writes them all (sendmmsg on epoll). */
    private void send(Shard shard, ByteBuf datagram, UnaryOperator<InetSocketAddress> port) {
        try {
            int length = datagram.readableBytes();
            int count = 0;
            for (InetSocketAddress destination : shard.destinations) {
                shard.channel.write(new DatagramPacket(datagram.retainedDuplicate(), port.apply(destination)),
                        shard.channel.voidPromise());
                count++;
            }
            shard.channel.flush();
            attempted.add(count);
            bytes.add((long) count * length);
        } finally {
            datagram.release();
        }
    }

    /** Datagrams handed to the kernel without an error. */
    public long datagramsSent() {
        return attempted.sum() - failures.sum();
    }

    public long bytesSent() {
        return bytes.sum();
    }

    public long sendFailures() {
        return failures.sum();
    }

    @Override
    public void close() {
        for (Shard shard : shards) {
            shard.channel.close().syncUninterruptibly();
        }
    }

    /** One socket of the fan-out, bound to its sending thread, and the nodes it serves. */
    private static final class Shard {
        private final Channel channel;
        private final EventLoop loop;
        private final List<InetSocketAddress> destinations = new CopyOnWriteArrayList<>();

        private Shard(Channel channel) {
            this.channel = channel;
            this.loop = channel.eventLoop();
        }
    }

    /** Counts a failed send: an unreachable node must not silence the rest of the zone. */
    @ChannelHandler.Sharable
    private final class FailureCounter extends ChannelInboundHandlerAdapter {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            failures.increment();
        }
    }

    /** The sending threads all fan-outs of the process share: one per core, at the pacing thread's priority. */
    private static final class SendingThreads {
        private static final boolean EPOLL = Epoll.isAvailable();
        /** One shard per thread; a NIO socket cannot share its port, so without epoll there is one. */
        static final int SHARDS = EPOLL ? Runtime.getRuntime().availableProcessors() : 1;
        private static final List<EventLoop> LOOPS = loops();

        /** Binds shard {@code shard}'s socket on its own thread, to {@code port} (0: any). */
        static Channel bind(int shard, int port, int multicastTtl, ChannelHandler handler) {
            Bootstrap bootstrap = new Bootstrap().group(LOOPS.get(shard))
                    .channelFactory(() -> EPOLL ? new EpollDatagramChannel(SocketProtocolFamily.INET)
                            : new NioDatagramChannel(SocketProtocolFamily.INET))
                    .option(ChannelOption.IP_MULTICAST_TTL, multicastTtl)
                    // Room for a round of packets to a few thousand nodes without blocking.
                    .option(ChannelOption.SO_SNDBUF, 4 << 20)
                    .handler(handler);
            if (EPOLL) {
                bootstrap.option(EpollChannelOption.SO_REUSEPORT, true);
            }
            return bootstrap.bind(new InetSocketAddress(port)).syncUninterruptibly().channel();
        }

        private static List<EventLoop> loops() {
            EventLoopGroup group = new MultiThreadIoEventLoopGroup(SHARDS,
                    new DefaultThreadFactory("loa-fan-out", true, Thread.MAX_PRIORITY),
                    EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
            List<EventLoop> loops = new ArrayList<>();
            group.forEach(executor -> loops.add((EventLoop) executor));
            return List.copyOf(loops);
        }
    }
}
