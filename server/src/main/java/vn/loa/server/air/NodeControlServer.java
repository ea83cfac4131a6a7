package vn.loa.server.air;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.wire.control.ControlCodec;
import vn.loa.wire.control.ControlMessage;
import vn.loa.wire.control.MalformedControlMessage;
import vn.loa.core.media.StreamCodec;
import vn.loa.core.model.Node;
import vn.loa.server.config.RtpSettings;
import vn.loa.server.http.Blocking;

/**
 * The server end of the node control channel ({@code /api/v1/nodes/control}): checks an agent's hello against its
 * registered token, keeps the session while it lives, and passes heartbeats and play reports on.
 *
 * <p>A connection that sends no valid hello within {@link #HELLO_TIMEOUT_MS}, a wrong token, or a malformed frame is
 * answered with {@code refused} (where it can be) and closed; nothing an agent sends reaches a stack trace.
 */
public final class NodeControlServer implements Handler<ServerWebSocketHandshake> {

    public static final String PATH = "/api/v1/nodes/control";
    static final long HELLO_TIMEOUT_MS = 10_000;
    /** Heartbeat intervals without one after which the server closes an agent's channel. */
    static final int SILENT_BEATS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(NodeControlServer.class);

    /** Looks up a registered agent by its id and token; empty when they do not match. */
    public interface AgentDirectory {
        Optional<Node> find(String nodeId, String token);
    }

    /** The stream an agent will receive: its SRTP key (SDES inline, or null for plain RTP) and its UDP port. */
    public interface StreamKeys {
        String keyFor(Node node);

        int portFor(Node node);
    }

    /** What to do with an agent's report on an announcement. */
    public interface PlayReports {
        void reported(String nodeId, ControlMessage.Played played);
    }

    private final Vertx vertx;
    private final Blocking blocking;
    private final AgentDirectory agents;
    private final NodeSessions sessions;
    private final PlayReports reports;
    private final StreamKeys keys;
    private final RtpSettings rtp;
    private final Clock clock;
    /** Whether this server may take agents of a zone: all alone; in a cluster, those of the zones it holds. */
    private volatile AirShare serves = AirShare.ALONE;

    public NodeControlServer(Vertx vertx, Blocking blocking, AgentDirectory agents, NodeSessions sessions,
            PlayReports reports, StreamKeys keys, RtpSettings rtp, Clock clock) {
        this.vertx = vertx;
        this.blocking = blocking;
        this.agents = agents;
        this.sessions = sessions;
        this.reports = reports;
        this.keys = keys;
        this.rtp = rtp;
        this.clock = clock;
    }

    @Override
    public void handle(ServerWebSocketHandshake handshake) {
        if (!PATH.equals(handshake.path())) {
            handshake.reject(404);
            return;
        }
        handshake.accept().onSuccess(this::greet);
    }

    private void greet(ServerWebSocket socket) {
        long timer = vertx.setTimer(HELLO_TIMEOUT_MS, t -> refuse(socket, "không nhận được lời chào (hello) / no hello"));
        socket.textMessageHandler(frame -> {
            vertx.cancelTimer(timer);
            socket.textMessageHandler(null);
            ControlMessage first;
            try {
                first = ControlCodec.decode(frame);
            } catch (MalformedControlMessage e) {
                refuse(socket, "bản tin không hợp lệ / malformed: " + e.getMessage());
                return;
            }
            if (!(first instanceof ControlMessage.Hello hello)) {
                refuse(socket, "bản tin đầu tiên phải là hello / the first message must be hello");
                return;
            }
            // An agent of a zone held elsewhere costs one lookup here, and learns where the zone's owner is.
            blocking.run(() -> agents.find(hello.nodeId(), hello.token()).map(node -> serves.holds(node.zone())
                    ? new Admission(node, keys.keyFor(node), keys.portFor(node), null)
                    : new Admission(node, null, 0, serves.ownerOf(node.zone())))).onComplete(found -> {
                        if (found.failed() || found.result().isEmpty()) {
                            refuse(socket, "mã loa hoặc mã bí mật không đúng / unknown node id or token");
                            return;
                        }
                        Admission admission = found.result().get();
                        if (admission.owner() != null || !serves.holds(admission.node().zone())) {
                            sendOn(socket, admission.owner() == null ? "" : admission.owner());
                            return;
                        }
                        admit(socket, hello, admission);
                    });
        });
        socket.binaryMessageHandler(b -> refuse(socket, "chỉ nhận bản tin văn bản / text frames only"));
        socket.exceptionHandler(e -> socket.close());
    }

    /** A registered agent and the key of the stream it will receive; or, held elsewhere, where ({@code owner}). */
    private record Admission(Node node, String srtpKey, int rtpPort, String owner) {
    }

    private void admit(ServerWebSocket socket, ControlMessage.Hello hello, Admission admission) {
        if (socket.isClosed()) {
            return; // the agent gave up waiting for its welcome (a slow database); it says hello again
        }
        Node node = admission.node();
        String host = socket.remoteAddress().hostAddress();
        StreamCodec codec = ZoneStreams.codecOf(node);
        NodeSession session = new NodeSession(node.id(), node.zone(), codec,
                new InetSocketAddress(host, hello.rtpPort()), socket, clock.instant(), rtp.keepalive());
        // The keepalive key is the session's own: it proves a keepalive came from this agent, without its token.
        ControlMessage.ReturnPath returnPath = new ControlMessage.ReturnPath(rtp.publicHost(), admission.rtpPort(),
                (int) rtp.keepalive().toSeconds(), Base64.getEncoder().encodeToString(session.keepaliveKey()));
        socket.writeTextMessage(ControlCodec.encode(new ControlMessage.Welcome((int) rtp.heartbeat().toSeconds(), codec.name(),
                admission.srtpKey(), returnPath)));
        sessions.add(session);
        LOG.info("node {} connected from {} (RTP port {})", hello.nodeId(), host, hello.rtpPort());
        // An agent whose heartbeats stop is closed, so it reconnects and its status is never an old one shown as now.
        long[] lastBeat = {System.nanoTime()};
        long beat = rtp.heartbeat().toMillis();
        long watch = vertx.setPeriodic(beat, t -> {
            if (System.nanoTime() - lastBeat[0] > SILENT_BEATS * beat * 1_000_000L) {
                LOG.warn("node {} sent no heartbeat for {} s; closing its channel so that it reconnects",
                        hello.nodeId(), SILENT_BEATS * beat / 1000);
                socket.close((short) 1001, "no heartbeat");
            }
        });
        socket.textMessageHandler(frame -> {
            try {
                ControlMessage message = ControlCodec.decode(frame);
                if (message instanceof ControlMessage.Heartbeat heartbeat) {
                    lastBeat[0] = System.nanoTime();
                    sessions.heard(session, heartbeat, clock.instant());
                } else if (message instanceof ControlMessage.MediaPath path) {
                    LOG.info("node {} takes its audio over {}", session.nodeId(), path.path());
                    sessions.mediaPath(session, path.overChannel());
                } else if (message instanceof ControlMessage.Played played) {
                    blocking.run(() -> {
                        reports.reported(session.nodeId(), played);
                        return null;
                    });
                }
            } catch (MalformedControlMessage e) {
                refuse(socket, "bản tin không hợp lệ / malformed: " + e.getMessage());
            }
        });
        socket.closeHandler(v -> {
            vertx.cancelTimer(watch);
            sessions.remove(session);
            LOG.info("node {} disconnected", hello.nodeId());
        });
    }

    /**
     * Takes only agents of the zones {@code share} holds; the others are sent on to the zone's owner, or to any other
     * member while none holds it (ADR 0038, 0049).
     */
    void serveOnly(AirShare share) {
        this.serves = share;
    }

    /** The message that sends an agent to another member of the cluster: this one does not own its zone now. */
    static ControlMessage.Elsewhere elsewhere() {
        return elsewhere("");
    }

    /** The same, naming the member that owns the zone ({@code owner}, a web address; empty: not known). */
    static ControlMessage.Elsewhere elsewhere(String owner) {
        return new ControlMessage.Elsewhere("máy chủ này không phát khu vực của loa lúc này / "
                + "this server does not own the node's zone now", owner);
    }

    private static void sendOn(ServerWebSocket socket, String owner) {
        if (!socket.isClosed()) {
            socket.writeTextMessage(ControlCodec.encode(elsewhere(owner)))
                    .onComplete(r -> socket.close((short) 1000, "elsewhere"));
        }
    }

    private static void refuse(ServerWebSocket socket, String reason) {
        if (!socket.isClosed()) {
            socket.writeTextMessage(ControlCodec.encode(new ControlMessage.Refused(reason)))
                    .onComplete(r -> socket.close((short) 1008, "refused"));
        }
    }
}
