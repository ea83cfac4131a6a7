package vn.loa.node.path;

import io.vertx.core.Vertx;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import vn.loa.wire.control.ControlMessage.ReturnPath;
import vn.loa.wire.control.Keepalive;
import vn.loa.wire.control.KeepaliveCodec;
import vn.loa.wire.control.MalformedControlMessage;
import vn.loa.wire.rtp.RtcpReceiverReport;

/**
 * Keeps the node's RTP path open through its NAT: signed keepalives from the RTP socket to the server's port of its
 * stream, as the welcome asks, and the server's answers read back; when UDP stops getting through (or comes back) it
 * says so, so the control channel can ask for the stream another way.
 *
 * <p>Runs on the agent's one event loop: the timer, the answers and {@link #start} all arrive there; synchronised all
 * the same, since the receiver's socket and the channel may be given other contexts.
 */
public final class ReturnPathKeeper {

    private static final System.Logger LOG = System.getLogger(ReturnPathKeeper.class.getName());
    /** Checked four times a second, so a keepalive unanswered in time is retried promptly. */
    private static final long TICK_MILLIS = 250;

    /** Sends one datagram from the node's RTP socket. */
    @FunctionalInterface
    public interface Sender {
        void send(byte[] datagram, String host, int port);
    }

    private final Vertx vertx;
    private final String nodeId;
    private final Sender udp;
    private final Consumer<UdpPathProbe.Route> routeChanged;
    private final Supplier<RtcpReceiverReport> reports;
    private final Duration answerWithin;
    private final int missesToGiveUp;
    private long timer = -1;
    private UdpPathProbe probe;
    private byte[] key;
    private String host;
    private int port;
    private volatile UdpPathProbe.Route route = UdpPathProbe.Route.UDP;
    private volatile long lastRoundTripMillis = -1;
    private volatile long answers;

    /**
     * @param answerWithin how long a keepalive may wait for its answer before it counts as lost
     * @param missesToGiveUp lost keepalives in a row after which the stream is asked over the channel
     * @param reports what the node heard of its stream, sent with each keepalive (null when nothing yet)
     */
    public ReturnPathKeeper(Vertx vertx, String nodeId, Sender udp, Consumer<UdpPathProbe.Route> routeChanged,
            Duration answerWithin, int missesToGiveUp, Supplier<RtcpReceiverReport> reports) {
        this.reports = reports;
        this.vertx = vertx;
        this.nodeId = nodeId;
        this.udp = udp;
        this.routeChanged = routeChanged;
        this.answerWithin = answerWithin;
        this.missesToGiveUp = missesToGiveUp;
    }

    /** A new session's welcome: keepalives to its port with its key, from a fresh start on UDP. */
    public synchronized void start(ReturnPath path, String serverHost) {
        stop();
        try {
            key = Base64.getDecoder().decode(path.key());
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "khóa keepalive không hợp lệ / bad keepalive key from the server");
            return;
        }
        host = path.host() != null ? path.host() : serverHost;
        port = path.port();
        probe = new UdpPathProbe(Duration.ofSeconds(path.seconds()), answerWithin, missesToGiveUp);
        LOG.log(Level.INFO, "giữ đường RTP / keeping the RTP path open: keepalives to {0}:{1} every {2} s", host,
                Integer.toString(port), Integer.toString(path.seconds()));
        route = UdpPathProbe.Route.UDP;
        tick();
        timer = vertx.setPeriodic(TICK_MILLIS, t -> tick());
    }

    /** The server's answer to a keepalive arrived on the RTP socket. */
    public synchronized void answered(byte[] datagram) {
        if (probe == null) {
            return;
        }
        Keepalive answer;
        try {
            answer = KeepaliveCodec.decode(datagram, id -> id.equals(nodeId) ? Optional.of(key) : Optional.empty());
        } catch (MalformedControlMessage e) {
            return; // not from our server: ignored, as any stray datagram
        }
        if (!answer.answer()) {
            return;
        }
        answers++;
        lastRoundTripMillis = Math.max(0, System.currentTimeMillis() - answer.sentAtMillis());
        probe.answered(answer.counter(), System.nanoTime());
        follow();
    }

    /** Stops the keepalives (the channel closed; the next welcome starts them again). */
    public synchronized void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        probe = null;
    }

    /** How the stream should reach the node now. */
    public UdpPathProbe.Route route() {
        return route;
    }

    /** The round trip of the last answered keepalive, in milliseconds, or -1 before one. */
    public long lastRoundTripMillis() {
        return lastRoundTripMillis;
    }

    public long answers() {
        return answers;
    }

    private synchronized void tick() {
        if (probe == null) {
            return;
        }
        long counter = probe.tick(System.nanoTime());
        if (counter > 0) {
            // The receiver report rides in the same signed compound packet (ADR 0026): one datagram, one signature.
            udp.send(KeepaliveCodec.encode(new Keepalive(false, nodeId, counter, System.currentTimeMillis(),
                    reports.get()), key), host, port);
        }
        follow();
    }

    private void follow() {
        UdpPathProbe.Route now = probe.route();
        if (now != route) {
            route = now;
            LOG.log(now == UdpPathProbe.Route.CHANNEL ? Level.WARNING : Level.INFO, now == UdpPathProbe.Route.CHANNEL
                    ? "UDP không tới được máy chủ; nhận âm thanh qua kênh điều khiển / UDP does not get through; "
                            + "taking the audio over the control channel"
                    : "UDP thông trở lại / UDP works again; taking the audio over UDP");
            routeChanged.accept(now);
        }
    }
}
