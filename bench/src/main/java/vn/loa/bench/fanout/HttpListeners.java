package vn.loa.bench.fanout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * The listener side of the Icecast comparison, run as its own process: N HTTP clients of one stream on one selector,
 * each reading and discarding, counting its bytes.
 *
 * <p>Arguments: listener count, port, mount, and optionally the HTTP version ({@code 1.0}, the default, or {@code 1.1}
 * for a server that streams chunked). Connects a few at a time (Icecast 2.4 listens with a short backlog),
 * prints {@code connected K}, then answers {@code measure}, {@code report} and {@code quit} on standard input.
 */
public final class HttpListeners {

    private static final int CONNECTING_AT_ONCE = 200;

    private HttpListeners() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1]));
        String version = args.length > 3 ? args[3] : "1.0";
        byte[] request = ("GET " + args[2] + " HTTP/" + version + "\r\nHost: 127.0.0.1\r\nUser-Agent: loa-bench\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        long[] bytes = new long[count];
        boolean[] answered = new boolean[count];
        Selector selector = Selector.open();
        ByteBuffer sink = ByteBuffer.allocateDirect(64 * 1024);
        int opened = 0;
        int connected = 0;
        // Icecast accepts some 70 listeners a second here (a short listen backlog: SYNs beyond it wait for the client's
        // retransmission), so 10,000 take over two minutes to join.
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (connected < count && System.nanoTime() < deadline) {
            while (opened < count && opened - connected < CONNECTING_AT_ONCE) {
                SocketChannel channel = SocketChannel.open();
                channel.setOption(StandardSocketOptions.SO_RCVBUF, 64 * 1024);
                channel.connect(server);
                channel.write(ByteBuffer.wrap(request));
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ, opened++);
            }
            connected += drain(selector, sink, bytes, answered, 10);
        }
        // A refused listener (Icecast's client limit) is answered and closed: count those that got stream bytes.
        System.out.println("connected " + java.util.Arrays.stream(bytes).filter(b -> b > 0).count());
        System.out.flush();
        Thread reader = new Thread(() -> serve(selector, sink, bytes, answered), "listeners");
        reader.setDaemon(true);
        reader.start();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in));
        for (String line; (line = commands.readLine()) != null && !line.equals("quit"); ) {
            synchronized (bytes) {
                if (line.equals("measure")) {
                    java.util.Arrays.fill(bytes, 0);
                    System.out.println("measuring");
                } else if (line.equals("report")) {
                    long total = java.util.Arrays.stream(bytes).sum();
                    long fewest = java.util.Arrays.stream(bytes).min().orElse(0);
                    System.out.println("bytes " + total + " fewest " + fewest);
                }
            }
            System.out.flush();
        }
        System.exit(0);
    }

    private static void serve(Selector selector, ByteBuffer sink, long[] bytes, boolean[] answered) {
        while (true) {
            drain(selector, sink, bytes, answered, 0);
        }
    }

    /** Reads what is ready; returns how many listeners got their response's first bytes in this call. */
    private static int drain(Selector selector, ByteBuffer sink, long[] bytes, boolean[] answered, long timeoutMs) {
        int firstAnswers = 0;
        try {
            selector.select(timeoutMs);
            for (SelectionKey key : selector.selectedKeys()) {
                int listener = (Integer) key.attachment();
                sink.clear();
                int n = ((SocketChannel) key.channel()).read(sink);
                if (n < 0) {
                    firstAnswers += answered[listener] ? 0 : 1;
                    answered[listener] = true;
                    key.cancel();
                    key.channel().close();
                    continue;
                }
                if (!answered[listener] && n > 0) {
                    answered[listener] = true;
                    firstAnswers++;
                }
                synchronized (bytes) {
                    bytes[listener] += n;
                }
            }
            selector.selectedKeys().clear();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return firstAnswers;
    }
}
