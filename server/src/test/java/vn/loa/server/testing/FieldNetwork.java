package vn.loa.server.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small field network built from Linux network namespaces, so RTP crosses what it crosses in a commune: the server
 * (this process, in the machine's own namespace) reaches a village LAN through a router, and a 4G speaker box through
 * the router and a carrier's NAT that masquerades it, with a random public port per mapping.
 *
 * <pre>
 *   server 10.77.0.1 ── router 10.77.0.2 ─┬─ 10.77.1.1 ── lan 10.77.1.2          (routed, no NAT)
 *                                         └─ 10.77.2.1 ── nat 10.77.2.2 │ 10.77.3.1 ── cpe 10.77.3.2   (MASQUERADE)
 * </pre>
 *
 * The machine's namespace has routes to the LAN and to the NAT's public side only: the box behind the NAT can be
 * reached only through the mappings its own datagrams open. Needs root, iproute2, iptables and conntrack; everything is
 * removed by {@link #close}, and a previous run's leftovers at {@link #build}. The names are fixed, so one network
 * exists at a time: {@link #build} waits for a lock file that another JVM's network holds until its {@link #close}.
 */
public final class FieldNetwork implements AutoCloseable {

    public static final String SERVER = "10.77.0.1";
    public static final String LAN = "loa-lan";
    public static final String LAN_HOST = "10.77.1.2";
    /** The router's side of the LAN: where a {@link JitterRelay} listens for the LAN's nodes. */
    public static final String LAN_GATEWAY = "10.77.1.1";
    /** The router's side towards the server: where the server sees a relay's datagrams come from. */
    public static final String ROUTER_UPLINK = "10.77.0.2";
    public static final String NAT = "loa-nat";
    public static final String NAT_PUBLIC = "10.77.2.2";
    public static final String CPE = "loa-cpe";
    public static final String CPE_HOST = "10.77.3.2";
    private static final String ROUTER = "loa-rt";
    private static final List<String> NAMESPACES = List.of(ROUTER, LAN, NAT, CPE);

    /** Held from {@link #build} to {@link #close}: the OS lets it go when a killed JVM dies. */
    private static final Path LOCK = Path.of(System.getProperty("java.io.tmpdir"), "loa-field-network.lock");

    private final FileLock lock;
    private boolean udpBlocked;
    private double downlinkLoss;

    private FieldNetwork(FileLock lock) {
        this.lock = lock;
    }

    /** Builds the namespaces, links, routes and the NAT, once no other JVM holds them. */
    public static FieldNetwork build() throws IOException, InterruptedException {
        FieldNetwork network = new FieldNetwork(lock());
        try {
            network.make();
        } catch (IOException | InterruptedException | RuntimeException e) {
            network.close(); // lets the next JVM build it
            throw e;
        }
        return network;
    }

    /** The lock file, once no other JVM holds it: 10 minutes at most, then an error naming the file. */
    private static FileLock lock() throws IOException {
        FileChannel file = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            return await().alias("the field network, held by another JVM (" + LOCK + ")").atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(250)).until(file::tryLock, java.util.Objects::nonNull);
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    private void make() throws IOException, InterruptedException {
        remove();
        for (String ns : NAMESPACES) {
            run("ip", "netns", "add", ns);
            run("ip", "-n", ns, "link", "set", "lo", "up");
        }
        link(null, "lfw0", SERVER, ROUTER, "lfw1", "10.77.0.2");
        link(ROUTER, "lfw2", "10.77.1.1", LAN, "lfw3", LAN_HOST);
        link(ROUTER, "lfw4", "10.77.2.1", NAT, "lfw5", NAT_PUBLIC);
        link(NAT, "lfw6", "10.77.3.1", CPE, "lfw7", CPE_HOST);
        run("ip", "route", "replace", "10.77.1.0/24", "via", "10.77.0.2");
        run("ip", "route", "replace", "10.77.2.0/24", "via", "10.77.0.2");
        in(ROUTER, "ip", "route", "add", "default", "via", SERVER);
        in(LAN, "ip", "route", "add", "default", "via", "10.77.1.1");
        in(NAT, "ip", "route", "add", "default", "via", "10.77.2.1");
        in(CPE, "ip", "route", "add", "default", "via", "10.77.3.1");
        for (String router : List.of(ROUTER, NAT)) {
            in(router, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
        }
        // A carrier's NAT: every mapping gets a random public port, as carrier-grade NATs hand them out.
        in(NAT, "iptables", "-t", "nat", "-A", "POSTROUTING", "-o", "lfw5", "-j", "MASQUERADE", "--random");
    }

    /** Forgets every mapping of the NAT, as a carrier's NAT restarting does: the box's next datagram gets a new port. */
    public void restartNat() throws IOException, InterruptedException {
        in(NAT, "conntrack", "-F");
    }

    /** How long the NAT keeps an idle UDP mapping (a carrier's is often about 30 s). */
    public void natUdpTimeout(int seconds) throws IOException, InterruptedException {
        in(NAT, "sysctl", "-q", "-w", "net.netfilter.nf_conntrack_udp_timeout=" + seconds);
        in(NAT, "sysctl", "-q", "-w", "net.netfilter.nf_conntrack_udp_timeout_stream=" + seconds);
    }

    /** Drops (or lets through again) every UDP datagram the NAT forwards, as a network that allows only TCP does. */
    public synchronized void blockUdp(boolean blocked) throws IOException, InterruptedException {
        if (blocked != udpBlocked) {
            in(NAT, "iptables", blocked ? "-I" : "-D", "FORWARD", "-p", "udp", "-j", "DROP");
            udpBlocked = blocked;
        }
    }

    /**
     * Drops this share of the packets the router forwards to the NAT (the 4G downlink), at random (iptables'
     * statistic match; this kernel has no {@code tc netem}, so no delay or jitter); 0 takes the loss off.
     */
    public synchronized void downlinkLoss(double share) throws IOException, InterruptedException {
        if (downlinkLoss > 0) {
            in(ROUTER, "iptables", "-D", "FORWARD", "-o", "lfw4", "-m", "statistic", "--mode", "random",
                    "--probability", String.valueOf(downlinkLoss), "-j", "DROP");
        }
        if (share > 0) {
            in(ROUTER, "iptables", "-A", "FORWARD", "-o", "lfw4", "-m", "statistic", "--mode", "random",
                    "--probability", String.valueOf(share), "-j", "DROP");
        }
        downlinkLoss = share;
    }

    /**
     * Lets the LAN reach the server's TCP {@code port} at {@link #LAN_GATEWAY} too (DNAT on the router): an agent
     * given that address as its server sends its keepalives, and so receives its stream, through a relay there.
     */
    public void serverAtGateway(int port) throws IOException, InterruptedException {
        in(ROUTER, "iptables", "-t", "nat", "-A", "PREROUTING", "-d", LAN_GATEWAY, "-p", "tcp", "--dport",
                String.valueOf(port), "-j", "DNAT", "--to-destination", SERVER + ":" + port);
    }

    /**
     * Starts a {@link JitterRelay} on the router for the server's UDP {@code port}: LAN nodes that send to
     * {@link #LAN_GATEWAY} at that port get what the server sends back 0 to {@code jitterMillis} ms late, in any order,
     * {@code lossPercent} of it dropped. netem's job, in user space.
     */
    public static Process jitterRelay(int port, int jitterMillis, double lossPercent, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return start(ROUTER, log, List.of(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                JitterRelay.class.getName(), LAN_GATEWAY, String.valueOf(port), SERVER, String.valueOf(port),
                String.valueOf(jitterMillis), String.valueOf(lossPercent), "24"));
    }

    /** Starts {@code command} inside namespace {@code ns}, its output to {@code log}. */
    public static Process start(String ns, Path log, List<String> command) throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(command);
        return new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until a program in namespace {@code ns} has bound UDP {@code port}, e.g. a receiver just started. */
    public static void awaitUdpBound(String ns, int port) {
        await().alias("UDP " + port + " bound in " + ns).atMost(Duration.ofSeconds(15))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    in(ns, "sh", "-c", "ss -Hlun 'sport = :" + port + "' | grep -q .");
                    return true;
                });
    }

    /** Runs a command inside namespace {@code ns} and fails on a non-zero exit. */
    public static void in(String ns, String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(List.of(command));
        run(full.toArray(String[]::new));
    }

    private static void link(String nsA, String ifA, String addressA, String nsB, String ifB, String addressB)
            throws IOException, InterruptedException {
        run("ip", "link", "add", ifA, "type", "veth", "peer", "name", ifB);
        if (nsA != null) {
            run("ip", "link", "set", ifA, "netns", nsA);
        }
        run("ip", "link", "set", ifB, "netns", nsB);
        up(nsA, ifA, addressA);
        up(nsB, ifB, addressB);
    }

    private static void up(String ns, String iface, String address) throws IOException, InterruptedException {
        if (ns == null) {
            run("ip", "addr", "add", address + "/24", "dev", iface);
            run("ip", "link", "set", iface, "up");
        } else {
            run("ip", "-n", ns, "addr", "add", address + "/24", "dev", iface);
            run("ip", "-n", ns, "link", "set", iface, "up");
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("loa-net-", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed: " + Files.readString(out));
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static void quietly(String... command) {
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            // nothing to remove
        }
    }

    /** Removes the namespaces (their links go with them) and the routes to them, and lets another JVM build them. */
    @Override
    public void close() {
        remove();
        try {
            lock.channel().close();
        } catch (IOException e) {
            // the lock goes with the channel, or with this JVM
        }
    }

    private static void remove() {
        quietly("ip", "route", "del", "10.77.1.0/24");
        quietly("ip", "route", "del", "10.77.2.0/24");
        quietly("ip", "link", "del", "lfw0");
        for (String ns : NAMESPACES) {
            quietly("ip", "netns", "del", ns);
        }
    }
}
