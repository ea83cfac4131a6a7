package vn.loa.core.media;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.wire.rtp.RtpPacketCodec;

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

    /**
     * Where each round's one encoded copy lives: direct memory (the kernel reads it in place), unpooled (50 rounds a
     * second per zone), and without Netty's leak detector, which records a stack trace each time a sampled buffer is
     * handed to a node: measured at a quarter of the fan-out threads' Java time at 1,000 nodes. A round's buffer is
     * released by {@link #sendToAll} and by each shard once its writes have left.
     */
    private static final ByteBufAllocator BUFFERS = new UnpooledByteBufAllocator(true, true);

    /** How long the pacing thread waits for a round before it moves on; a bound against a wedged thread, not a timing. */
    private static final long ROUND_LIMIT_MILLIS = 1_000;

    /**
     * How the server spreads each zone's round: over three quarters of the 20 ms packet time, so a round has left
     * well before the next one starts even when the sending threads run late.
     */
    public static final Duration SERVER_SPREAD = Duration.ofMillis(15);

    private static final java.util.concurrent.atomic.AtomicLong OPENED = new java.util.concurrent.atomic.AtomicLong();

    /** The most nodes of one shard sent in one batch when a round is spread over the packet time. */
    static final int BATCH = 250;

    private final List<Shard> shards;
    private final long spreadNanos;
    /**
     * Where this fan-out's batches sit in the spread, as a fraction of a batch's slot: fan-outs (zones) opened one
     * after another take phases along the golden ratio, so small zones of one batch each do not all leave at once.
     */
    private final double phase;
    /** The spread round in flight: the next waits for it. Pacing thread only. */
    private volatile CountDownLatch lastRound = new CountDownLatch(0);
    private volatile LongConsumer batchLateness = late -> { };
    /** Whether a spread round's batch may still leave when its time comes (a cluster's fence, ADR 0038). */
    private volatile BooleanSupplier mayLeave = () -> true;
    private final LongAdder attempted = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private volatile BiConsumer<InetSocketAddress, byte[]> inbound = (sender, bytes) -> { };

    private UdpFanOut(List<Shard> shards, long spreadNanos) {
        this.shards = shards;
        this.spreadNanos = spreadNanos;
        this.phase = (OPENED.getAndIncrement() * 0.618_033_988_749_895) % 1.0;
    }

    /**
     * Opens the sending sockets on one ephemeral IPv4 port, unicast leaving with the system's usual TTL (64).
     *
     * @param multicastTtl how many router hops multicast may cross (1 keeps it on the commune's own network)
     */
    public static UdpFanOut open(int multicastTtl) {
        return open(new Ttl(Ttl.SYSTEM_DEFAULT, multicastTtl), Duration.ZERO);
    }

    /**
     * How many router hops a datagram may cross: unicast to a node (the field network has routers and 4G gateways
     * between the server and its speakers) and multicast to a zone's group (usually kept on the commune's own LAN).
     */
    public record Ttl(int unicast, int multicast) {
        /** Linux's default for unicast ({@code net.ipv4.ip_default_ttl}). */
        public static final int SYSTEM_DEFAULT = 64;

        public Ttl {
            if (unicast < 1 || unicast > 255 || multicast < 0 || multicast > 255) {
                throw new IllegalArgumentException("TTL out of range: unicast " + unicast + ", multicast " + multicast);
            }
        }
    }

    /**
     * Opens the sending sockets; with a non-zero {@code spread}, each round is sent in batches of at most
     * {@value #BATCH} nodes per shard, evenly spaced over {@code spread} (less than the packet time), instead of all
     * at once. Every node still hears a packet every packet time, each on its own fixed phase, so a zone of
     * thousands of nodes leaves as a steady flow rather than one burst that takes milliseconds to drain; the pacing
     * thread hands the round over and goes on at once. See {@code docs/adr/0005-fan-out-and-pacing.md}.
     */
    public static UdpFanOut open(Ttl ttl, Duration spread) {
        List<Shard> shards = new ArrayList<>();
        UdpFanOut fanOut = new UdpFanOut(shards, spread.toNanos());
        int port = 0;
        for (int i = 0; i < FanOutThreads.SHARDS; i++) {
            Channel channel = FanOutThreads.bind(i, port, ttl, new FanOutInbound(() -> fanOut.inbound, fanOut.failures));
            port = ((InetSocketAddress) channel.localAddress()).getPort();
            shards.add(new Shard(channel));
        }
        return fanOut;
    }

    /** Adds a node; it goes to the shard with the fewest, and always leaves from that shard, so it hears packets in order. */
    public void add(InetSocketAddress destination) {
        synchronized (shards) {
            Shard least = shards.stream().min((a, b) -> Integer.compare(a.destinations.size(), b.destinations.size()))
                    .orElseThrow();
            least.destinations.add(destination);
            least.snapshot = least.destinations.toArray(InetSocketAddress[]::new);
        }
    }

    public void remove(InetSocketAddress destination) {
        synchronized (shards) {
            for (Shard s : shards) {
                if (s.destinations.remove(destination)) {
                    s.snapshot = s.destinations.toArray(InetSocketAddress[]::new);
                }
            }
        }
    }

    /** The local port packets leave from, as receivers see it. */
    public int localPort() {
        return ((InetSocketAddress) shards.get(0).channel.localAddress()).getPort();
    }

    @Override
    public void accept(RtpPacket packet) {
        ByteBuf encoded = BUFFERS.directBuffer(packet.encodedLength());
        encoded.writeBytes(RtpPacketCodec.encode(packet));
        if (spreadNanos > 0) {
            spreadToAll(encoded);
        } else {
            sendToAll(encoded, UnaryOperator.identity());
        }
    }

    /**
     * Who hears, for each batch of a spread round, how long after its planned time it had left, in nanoseconds;
     * called on the sending threads. For measurements (the fan-out benchmark).
     */
    public void onBatchSent(LongConsumer listener) {
        this.batchLateness = listener;
    }

    /**
     * Lets a spread round's batches leave only while {@code mayLeave} says so, asked on the sending thread as each
     * batch's time comes: a round handed over just before the process froze is dropped when it wakes, not sent.
     */
    public void sendOnlyWhile(BooleanSupplier mayLeave) {
        this.mayLeave = mayLeave;
    }

    @Override
    public void send(RtpPacket packet) {
        accept(packet);
    }

    /** Sends raw bytes (an RTCP compound packet) to every destination's next port up, the RTCP port. */
    @Override
    public void sendControl(byte[] rtcp) {
        ByteBuf encoded = BUFFERS.directBuffer(rtcp.length).writeBytes(rtcp);
        sendToAll(encoded, d -> new InetSocketAddress(d.getAddress(), d.getPort() + 1));
    }

    /** Hands {@code datagram} to every shard's thread and waits until each has passed its round to the kernel. */
    private void sendToAll(ByteBuf datagram, UnaryOperator<InetSocketAddress> port) {
        CountDownLatch done = new CountDownLatch(shards.size());
        try {
            for (Shard shard : shards) {
                ByteBuf copy = ownCopy(datagram);
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

    /**
     * Starts a round on every shard: batch {@code b} of {@code n} leaves {@code (b + phase)/n} of the spread after
     * now. Each batch, on its shard's thread, plans the next one there: Netty orders timers set on the loop's own thread by
     * their deadlines and wakes for them, so every node hears its packets in order. (Timers set from the pacing
     * thread were seen to wait for the loop's next wake-up and overtake each other.)
     */
    private void spreadToAll(ByteBuf datagram) {
        // Back-pressure: a round starts only once the last one has left (at most 1 s), as in an unspread round, so
        // sending threads that cannot keep up slow the pacer down rather than let a queue of late rounds grow.
        try {
            lastRound.await(ROUND_LIMIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long start = System.nanoTime();
        CountDownLatch round = new CountDownLatch(shards.size());
        lastRound = round;
        try {
            for (Shard shard : shards) {
                InetSocketAddress[] nodes = shard.snapshot;
                if (nodes.length > 0) {
                    ByteBuf copy = ownCopy(datagram);
                    int batches = (nodes.length + BATCH - 1) / BATCH;
                    shard.loop.execute(() -> plan(shard, copy, nodes, 0, batches, start, round));
                } else {
                    round.countDown();
                }
            }
        } finally {
            datagram.release();
        }
    }

    /**
     * A shard's own copy of a round's datagram. Every node's write raises and lowers the buffer's reference count; on
     * one buffer shared by the shards, those atomic updates bounce its cache line between the sending threads' cores
     * (a duplicate shares its parent's count): measured as the fan-out threads' top Java frame at 10,000 nodes.
     * Copying the few hundred bytes once per shard and round keeps each count on its own core.
     */
    private static ByteBuf ownCopy(ByteBuf datagram) {
        return BUFFERS.directBuffer(datagram.readableBytes()).writeBytes(datagram, datagram.readerIndex(),
                datagram.readableBytes());
    }

    /** On the shard's thread: puts batch {@code b} of a spread round on the loop's timer queue, due or not. */
    private void plan(Shard shard, ByteBuf datagram, InetSocketAddress[] nodes, int b, int batches, long start,
            CountDownLatch round) {
        long due = start + (long) (spreadNanos * (b + phase) / batches);
        // Always through the timer queue, even when overdue: it runs timers in deadline order, so a late loop
        // cannot send a node tick n + 1 before tick n.
        shard.loop.schedule(() -> batch(shard, datagram, nodes, b, batches, start, due, round),
                due - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    /** On the shard's thread: sends batch {@code b} of a spread round, plans the next, or lets the round go. */
    private void batch(Shard shard, ByteBuf datagram, InetSocketAddress[] nodes, int b, int batches, long start,
            long due, CountDownLatch round) {
        try {
            if (mayLeave.getAsBoolean()) {
                sendRange(shard, datagram, nodes, b * nodes.length / batches, (b + 1) * nodes.length / batches);
            }
        } catch (RuntimeException e) {
            failures.increment(); // a batch that could not be queued must not stop the rest of the round
        }
        batchLateness.accept(System.nanoTime() - due);
        if (b + 1 < batches) {
            plan(shard, datagram, nodes, b + 1, batches, start, round);
        } else {
            datagram.release();
            round.countDown();
        }
    }

    /** On the shard's thread: one datagram to each of {@code nodes[from..to)}, then one flush (sendmmsg). */
    private void sendRange(Shard shard, ByteBuf datagram, InetSocketAddress[] nodes, int from, int to) {
        for (int i = from; i < to; i++) {
            shard.channel.write(new DatagramPacket(datagram.retain(), nodes[i]), shard.channel.voidPromise());
        }
        shard.channel.flush();
        attempted.add(to - from);
        bytes.add((long) (to - from) * datagram.readableBytes());
    }

    /** On the shard's thread: queues one datagram per node, then one flush writes them all (sendmmsg on epoll). */
    private void send(Shard shard, ByteBuf datagram, UnaryOperator<InetSocketAddress> port) {
        try {
            int length = datagram.readableBytes();
            int count = 0;
            for (InetSocketAddress destination : shard.destinations) {
                // One buffer for every node, only its count raised: the send reads it by address without moving its
                // reader index (sendmmsg on epoll, a position-independent NIO view elsewhere), so no duplicate view
                // per node is needed.
                shard.channel.write(new DatagramPacket(datagram.retain(), port.apply(destination)),
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

    /**
     * Who hears each datagram that arrives on the stream's port, with its sender: called on a sending thread, so it
     * must be quick (check and answer a keepalive, no I/O beyond a reply).
     */
    public void onDatagram(BiConsumer<InetSocketAddress, byte[]> listener) {
        this.inbound = listener;
    }

    /** Sends one datagram from the stream's port to one address: a keepalive's answer goes back the way it came. */
    public void sendOne(InetSocketAddress destination, byte[] datagram) {
        Shard shard = shards.get(0);
        shard.channel.writeAndFlush(new DatagramPacket(BUFFERS.directBuffer(datagram.length).writeBytes(datagram),
                destination), shard.channel.voidPromise());
    }

    /** Datagrams handed to the kernel without an error. */
    @Override
    public long datagramsSent() {
        return attempted.sum() - failures.sum();
    }

    public long bytesSent() {
        return bytes.sum();
    }

    @Override
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
        /** The destinations as an array, replaced on every change: what a spread round's batches index. */
        private volatile InetSocketAddress[] snapshot = new InetSocketAddress[0];

        private Shard(Channel channel) {
            this.channel = channel;
            this.loop = channel.eventLoop();
        }
    }
}
