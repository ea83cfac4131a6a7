package vn.loa.server.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A 4G-like downlink in user space, standing in for {@code tc netem}, which this machine's kernel lacks: a UDP
 * relay that forwards what a node sends to the server at once, and delays each datagram the server sends back by a
 * random 0 to {@code jitter} ms (so packets 20 ms apart overtake one another), dropping a share at random.
 *
 * <p>Symmetric, like a NAT: each node address gets its own upstream socket, and what the server sends to that socket
 * goes back to that node. Run in a {@link FieldNetwork} namespace as its own process:
 * {@code JitterRelay LISTEN_HOST LISTEN_PORT SERVER_HOST SERVER_PORT JITTER_MS LOSS_PERCENT SEED}; it prints
 * {@code relaying} once it listens and a line of counts every 5 s.
 */
public final class JitterRelay {

    private final DatagramSocket downstream;
    private final InetSocketAddress server;
    private final int jitterMillis;
    private final double loss;
    private final Random random;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    private final Map<InetSocketAddress, DatagramSocket> upstream = new ConcurrentHashMap<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    private JitterRelay(InetSocketAddress listen, InetSocketAddress server, int jitterMillis, double loss, long seed)
            throws SocketException {
        this.downstream = new DatagramSocket(listen);
        this.server = server;
        this.jitterMillis = jitterMillis;
        this.loss = loss;
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        JitterRelay relay = new JitterRelay(new InetSocketAddress(args[0], Integer.parseInt(args[1])),
                new InetSocketAddress(args[2], Integer.parseInt(args[3])), Integer.parseInt(args[4]),
                Double.parseDouble(args[5]) / 100, Long.parseLong(args[6]));
        relay.later.scheduleAtFixedRate(() -> System.out.println("delivered " + relay.delivered + ", dropped "
                + relay.dropped), 5, 5, TimeUnit.SECONDS);
        System.out.println("relaying " + args[0] + ":" + args[1] + " -> " + args[2] + ":" + args[3]);
        relay.fromNodes();
    }

    /** Node to server: at once, from the node's own upstream socket. */
    private void fromNodes() throws IOException {
        byte[] buffer = new byte[2048];
        while (true) {
            DatagramPacket in = new DatagramPacket(buffer, buffer.length);
            downstream.receive(in);
            InetSocketAddress node = (InetSocketAddress) in.getSocketAddress();
            DatagramSocket up = upstream.computeIfAbsent(node, this::openUpstream);
            up.send(new DatagramPacket(in.getData(), in.getOffset(), in.getLength(), server));
        }
    }

    private DatagramSocket openUpstream(InetSocketAddress node) {
        try {
            DatagramSocket up = new DatagramSocket();
            Thread reader = new Thread(() -> toNode(up, node), "relay-" + node);
            reader.setDaemon(true);
            reader.start();
            return up;
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Server to node: each datagram dropped at random or sent after its own random delay. */
    private void toNode(DatagramSocket up, InetSocketAddress node) {
        byte[] buffer = new byte[2048];
        while (true) {
            DatagramPacket in = new DatagramPacket(buffer, buffer.length);
            try {
                up.receive(in);
            } catch (IOException e) {
                return;
            }
            byte[] copy = java.util.Arrays.copyOfRange(in.getData(), in.getOffset(), in.getOffset() + in.getLength());
            double draw;
            long delayMicros;
            synchronized (random) {
                draw = random.nextDouble();
                delayMicros = (long) (random.nextDouble() * jitterMillis * 1000);
            }
            if (draw < loss) {
                dropped.incrementAndGet();
                continue;
            }
            later.schedule(() -> {
                try {
                    downstream.send(new DatagramPacket(copy, copy.length, node));
                    delivered.incrementAndGet();
                } catch (IOException e) {
                    dropped.incrementAndGet();
                }
            }, delayMicros, TimeUnit.MICROSECONDS);
        }
    }
}
