package vn.loa.core.media;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.unix.IntegerUnixChannelOption;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The sending threads all {@link UdpFanOut}s of the process share, one per core at the pacing thread's priority, and
 * how each binds its socket (port sharing, TTLs, don't-fragment). Package-private: the fan-out's machinery.
 */
final class FanOutThreads {

    private static final boolean EPOLL = Epoll.isAvailable();
    /** One shard per thread; a NIO socket cannot share its port, so without epoll there is one. */
    static final int SHARDS = EPOLL ? Runtime.getRuntime().availableProcessors() : 1;
    private static final List<EventLoop> LOOPS = loops();
    /**
     * Linux's {@code IP_MTU_DISCOVER} set to {@code IP_PMTUDISC_DO}: datagrams leave with "don't fragment" set,
     * which an RTP packet of a few hundred bytes never needs, and then the kernel gives an unconnected socket's
     * datagrams IP id 0 instead of drawing one from its shared id table for every packet: a tenth of the
     * sending CPU at 10,000 nodes (measured with perf). Values from {@code <linux/in.h>}.
     */
    private static final IntegerUnixChannelOption PATH_MTU_DISCOVERY =
            new IntegerUnixChannelOption("IP_MTU_DISCOVER", 0 /* IPPROTO_IP */, 10 /* IP_MTU_DISCOVER */);
    private static final int PMTUDISC_DO = 2;

    /**
     * Linux's {@code IP_TTL} and {@code IP_MULTICAST_TTL}, set by number: Netty's epoll socket maps
     * {@link ChannelOption#IP_MULTICAST_TTL} onto {@code IP_TTL}, so a multicast TTL of 1 made every unicast
     * datagram die at the first router (seen on the wire, issue 24). Values from {@code <linux/in.h>}.
     */
    private static final IntegerUnixChannelOption UNICAST_TTL =
            new IntegerUnixChannelOption("IP_TTL", 0 /* IPPROTO_IP */, 2 /* IP_TTL */);
    private static final IntegerUnixChannelOption MULTICAST_TTL =
            new IntegerUnixChannelOption("IP_MULTICAST_TTL", 0 /* IPPROTO_IP */, 33 /* IP_MULTICAST_TTL */);

    /** Binds shard {@code shard}'s socket on its own thread, to {@code port} (0: any). */
    static Channel bind(int shard, int port, UdpFanOut.Ttl ttl, ChannelHandler handler) {
        Bootstrap bootstrap = new Bootstrap().group(LOOPS.get(shard))
                .channelFactory(() -> EPOLL ? new EpollDatagramChannel(SocketProtocolFamily.INET)
                        : new NioDatagramChannel(SocketProtocolFamily.INET))
                // Room for a round of packets to a few thousand nodes without blocking.
                .option(ChannelOption.SO_SNDBUF, 4 << 20)
                .handler(handler);
        if (EPOLL) {
            bootstrap.option(EpollChannelOption.SO_REUSEPORT, true).option(PATH_MTU_DISCOVERY, PMTUDISC_DO)
                    .option(UNICAST_TTL, ttl.unicast()).option(MULTICAST_TTL, ttl.multicast());
        } else {
            // NIO keeps the system's unicast TTL and sets the multicast one as the JDK defines it.
            bootstrap.option(ChannelOption.IP_MULTICAST_TTL, ttl.multicast());
        }
        return bootstrap.bind(new InetSocketAddress(port)).syncUninterruptibly().channel();
    }

    private FanOutThreads() {
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
