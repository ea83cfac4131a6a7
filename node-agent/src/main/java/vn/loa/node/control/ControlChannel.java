package vn.loa.node.control;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ThreadLocalRandom;
import vn.loa.wire.control.ControlCodec;
import vn.loa.wire.control.ControlMessage;
import vn.loa.wire.control.ControlMessage.Hello;
import vn.loa.wire.control.ControlMessage.Played;
import vn.loa.wire.control.ControlMessage.Refused;
import vn.loa.wire.control.ControlMessage.Welcome;
import vn.loa.wire.control.MalformedControlMessage;

/**
 * The node's end of the control channel: a WebSocket to the server that says hello, sends heartbeats, passes the
 * server's commands to a {@link ControlHandler}, and comes back with backoff whenever the server is unreachable,
 * refuses the node or drops it.
 *
 * <p>All state lives on one Vert.x event loop (the context the channel was made on); {@link #start}, {@link #report},
 * {@link #close} and {@link #state} are safe from any thread. A WebSocket ping goes with every heartbeat: a 4G link
 * that dies without a TCP reset is noticed when three heartbeats in a row bring no pong, not minutes later.
 */
public final class ControlChannel {

    private static final System.Logger LOG = System.getLogger(ControlChannel.class.getName());
    /** Reports kept while offline; a day of announcements fits, a week-long outage keeps the newest. */
    private static final int OUTBOX_LIMIT = 64;
    private static final int MISSED_PONGS = 3;
    /** Up to this long before the next server of a cluster is tried. */
    private static final long QUICK_MOVE_MILLIS = 400;
    private static final Duration CLUSTER_HELLO_WAIT = Duration.ofSeconds(3);
    /** The longest wait between rounds while members send the node on: a takeover is under way, not an outage. */
    private static final long BOUNCED_RETRY_MILLIS = 1_000;
    /** How long after the first send-on of an outage rounds stay that short; then the backoff grows as usual. */
    private static final long BOUNCED_FOR_NANOS = Duration.ofSeconds(30).toNanos();

    private final Vertx vertx;
    private final Context context;
    private final WebSocketClient client;
    private final ChannelSettings settings;
    private final int rtpPort;
    private final ControlHandler handler;
    private final Backoff backoff;
    private final ArrayDeque<Played> outbox = new ArrayDeque<>();
    private volatile ChannelState state = ChannelState.STOPPED;
    private volatile long welcomes;
    private volatile long refusals;
    // Event loop only.
    private WebSocket socket;
    private long helloTimer = -1;
    private long heartbeatTimer = -1;
    private long retryTimer = -1;
    private boolean refused;
    private boolean closing;
    private boolean outageLogged;
    private long onlineSince;
    private long lastPong;
    private long heartbeatMillis;
    /** Which of the settings' servers the channel uses or tries now, and how many it tried since the last welcome. */
    private volatile int current;
    private int triedThisRound;
    /** The server sent this node to another: not a failure, so the backoff does not grow (a takeover is under way). */
    private boolean sentOn;
    /** The owner a member named when it sent the node on: tried next, if it is one of the settings' servers. */
    private int ownerNamed = -1;
    /**
     * When a member first sent the node on, or left its hello unanswered, since its last welcome (nanoTime), or 0:
     * the members live and one will take the node, so rounds stay short a while.
     */
    private long bouncedSince;

    /** @param rtpPort the UDP port the node listens on for RTP, announced in every hello */
    public ControlChannel(Vertx vertx, ChannelSettings settings, int rtpPort, ControlHandler handler) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.settings = settings;
        this.rtpPort = rtpPort;
        this.handler = handler;
        this.backoff = new Backoff(settings.firstRetry(), settings.maxRetry(), ThreadLocalRandom.current());
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setConnectTimeout((int) helloWait(settings).toMillis())
                .setMaxMessageSize(4 * ControlCodec.MAX_FRAME)); // characters to UTF-8 bytes, with room
    }

    /** Opens the channel; it then keeps itself open until {@link #close}. */
    public void start() {
        context.runOnContext(v -> connect());
    }

    /** Sends an announcement report now, or as soon as the server has welcomed the node again. */
    public void report(Played played) {
        context.runOnContext(v -> {
            if (state == ChannelState.ONLINE) {
                socket.writeTextMessage(ControlCodec.encode(played));
            } else {
                if (outbox.size() == OUTBOX_LIMIT) {
                    outbox.poll();
                }
                outbox.add(played);
            }
        });
    }

    /** Sends a message to the server now if the channel is open; dropped otherwise (the next welcome starts over). */
    public void send(ControlMessage message) {
        context.runOnContext(v -> {
            if (state == ChannelState.ONLINE && socket != null) {
                socket.writeTextMessage(ControlCodec.encode(message));
            }
        });
    }

    /** The host the channel connects to: where keepalives go unless the server names another. */
    public String serverHost() {
        return server().host();
    }

    /** The server the channel is connected to, or tries now: one of a cluster's members in turn (ADR 0038). */
    public ServerAddress server() {
        return settings.servers().get(current);
    }

    public ChannelState state() {
        return state;
    }

    /** How many times the server has welcomed this node since start. */
    public long welcomes() {
        return welcomes;
    }

    /** How many times the server has refused this node since start. */
    public long refusals() {
        return refusals;
    }

    /** Closes the channel for good. */
    public Future<Void> close() {
        Promise<Void> closed = Promise.promise();
        context.runOnContext(v -> {
            closing = true;
            cancelTimers();
            vertx.cancelTimer(retryTimer);
            state = ChannelState.STOPPED;
            Future<Void> socketClosed = socket == null ? Future.succeededFuture() : socket.close();
            socketClosed.eventually(() -> client.close()).onComplete(r -> closed.complete());
        });
        return closed.future();
    }

    private void connect() {
        if (closing) {
            return;
        }
        state = ChannelState.CONNECTING;
        refused = false;
        ClientWebSocket ws = client.webSocket();
        ws.textMessageHandler(text -> onFrame(ws, text));
        ws.binaryMessageHandler(frame -> {
            if (state == ChannelState.ONLINE) {
                handler.media(frame.getBytes());
            }
        });
        ws.pongHandler(b -> lastPong = System.nanoTime());
        ws.exceptionHandler(e -> LOG.log(Level.DEBUG, "control channel: " + e));
        ws.closeHandler(v -> onClosed(ws));
        ServerAddress server = server();
        long timeout = helloWait(settings).toMillis();
        ws.connect(new WebSocketConnectOptions().setHost(server.host()).setPort(server.port()).setSsl(server.tls())
                .setURI(server.path()).setConnectTimeout(timeout).setTimeout(timeout)).onComplete(done -> {
                    if (done.failed()) {
                        unreachable(done.cause());
                    } else if (closing) {
                        ws.close();
                    } else {
                        greet(ws);
                    }
                });
    }

    private void greet(WebSocket ws) {
        socket = ws;
        state = ChannelState.GREETING;
        ws.writeTextMessage(ControlCodec.encode(new Hello(settings.nodeId(), settings.token(), settings.codecs(),
                rtpPort, settings.agentVersion())));
        helloTimer = vertx.setTimer(helloWait(settings).toMillis(), t -> {
            LOG.log(Level.WARNING, "máy chủ không trả lời lời chào / the server did not answer hello; closing");
            if (settings.servers().size() > 1 && bouncedSince == 0) {
                bouncedSince = System.nanoTime(); // a member that took the socket lives, busy with a takeover, say
            }
            ws.close();
        });
    }

    private void onFrame(WebSocket ws, String text) {
        ControlMessage message;
        try {
            message = ControlCodec.decode(text);
        } catch (MalformedControlMessage e) {
            // A newer server may send types this agent does not know yet: skip them, keep the channel.
            LOG.log(Level.WARNING, "bỏ bản tin không hiểu / ignored a message: " + e.getMessage());
            return;
        }
        if (message instanceof Welcome welcome) {
            welcomed(ws, welcome);
        } else if (message instanceof Refused refusal) {
            refused = true;
            refusals++;
            LOG.log(Level.ERROR, "Máy chủ từ chối loa ''{0}'': {1}. Kiểm tra mã loa (--id) và mã bí mật (--token) đã "
                    + "đăng ký trên máy chủ. / The server refused node ''{0}'': {1}. Check the node id and token "
                    + "registered on the server; retrying slowly.", settings.nodeId(), refusal.reason());
            ws.close();
        } else if (message instanceof ControlMessage.Elsewhere elsewhere) {
            LOG.log(Level.INFO, "{0} gửi sang máy chủ khác / sends this node to another server: {1}", server(),
                    elsewhere.reason());
            sentOn = true;
            if (bouncedSince == 0) {
                bouncedSince = System.nanoTime();
            }
            ownerNamed = indexOf(elsewhere.owner());
            ws.close();
        } else if (state == ChannelState.ONLINE) {
            handler.command(message);
        }
    }

    private void welcomed(WebSocket ws, Welcome welcome) {
        vertx.cancelTimer(helloTimer);
        // The handler takes the welcome (the stream's SRTP key) before the node counts as online, so whoever sees it
        // online can hand it a play at once (SrtpLateJoinTest did, and found no key to set the position on).
        handler.welcomed(welcome);
        state = ChannelState.ONLINE;
        welcomes++;
        onlineSince = System.nanoTime();
        lastPong = onlineSince;
        triedThisRound = 0;
        bouncedSince = 0;
        outageLogged = false;
        heartbeatMillis = Math.max(1, welcome.heartbeatSeconds()) * 1000L;
        LOG.log(Level.INFO, "đã kết nối máy chủ / connected to {0} (heartbeat {1} s, codec {2})", server(),
                heartbeatMillis / 1000, welcome.codec());
        while (!outbox.isEmpty()) {
            ws.writeTextMessage(ControlCodec.encode(outbox.poll()));
        }
        beat(ws);
        heartbeatTimer = vertx.setPeriodic(heartbeatMillis, t -> beat(ws));
    }

    private void beat(WebSocket ws) {
        if (System.nanoTime() - lastPong > MISSED_PONGS * heartbeatMillis * 1_000_000L) {
            LOG.log(Level.WARNING, "máy chủ im lặng / the server went silent ({0} heartbeats without a pong); "
                    + "reconnecting", MISSED_PONGS);
            ws.close();
            return;
        }
        ws.writePing(Buffer.buffer("loa"));
        try {
            ws.writeTextMessage(ControlCodec.encode(handler.heartbeat()));
        } catch (RuntimeException e) {
            // Said loudly: a heartbeat that cannot be made leaves the server to close the channel after 30 s.
            LOG.log(Level.WARNING, "không gửi được nhịp tim / cannot send a heartbeat: " + e, e);
        }
    }

    private void onClosed(WebSocket ws) {
        if (ws != socket) {
            return; // a socket this channel already gave up on
        }
        boolean wasOnline = state == ChannelState.ONLINE;
        socket = null;
        cancelTimers();
        if (wasOnline) {
            handler.disconnected();
        }
        if (closing) {
            return;
        }
        Duration wait;
        if (refused) {
            wait = backoff.slow();
        } else {
            if (wasOnline && System.nanoTime() - onlineSince >= settings.stableAfter().toNanos()) {
                backoff.reset();
            }
            wait = sentOn && ownerNamed >= 0 ? toOwner() : moveOn();
        }
        sentOn = false;
        ownerNamed = -1;
        LOG.log(Level.WARNING, refused
                ? "bị từ chối; thử lại sau / refused; retrying in {0} ms"
                : "mất kết nối máy chủ / lost the server; thử lại sau / retrying in {0} ms",
                Long.toString(wait.toMillis()));
        retryLater(wait);
    }

    /**
     * How long to wait for a connection and a welcome: with a cluster's other members to try, a member that does not
     * answer within {@link #CLUSTER_HELLO_WAIT} is left for the next (and tried again on the next round).
     */
    private static Duration helloWait(ChannelSettings settings) {
        return settings.others().isEmpty() || settings.helloTimeout().compareTo(CLUSTER_HELLO_WAIT) < 0
                ? settings.helloTimeout() : CLUSTER_HELLO_WAIT;
    }

    /**
     * After a server was lost or missed: the next server of a cluster after a short pause, so an agent is back within
     * seconds of a member's death; once every server was tried since the last welcome, the backoff's wait (at most a
     * second while members send the node on).
     */
    private Duration moveOn() {
        int count = settings.servers().size();
        if (count > 1) {
            current = (current + 1) % count;
            if (++triedThisRound < count) {
                return jittered(QUICK_MOVE_MILLIS);
            }
            triedThisRound = 0;
        }
        // Members that answer "not mine" are alive and one takes the zone within seconds: a dead network's growing
        // backoff would keep the node away for long after (ClusterIT's agents missed a notice that way, ADR 0049).
        if (bouncedSince != 0 && System.nanoTime() - bouncedSince < BOUNCED_FOR_NANOS) {
            return jittered(Math.min(BOUNCED_RETRY_MILLIS, settings.firstRetry().toMillis()));
        }
        return backoff.next();
    }

    /** To the owner a member named, after a short pause; it counts in the round, so two stale members cannot loop. */
    private Duration toOwner() {
        current = ownerNamed;
        if (++triedThisRound < settings.servers().size()) {
            return jittered(QUICK_MOVE_MILLIS / 4);
        }
        triedThisRound = 0;
        return jittered(Math.min(BOUNCED_RETRY_MILLIS, settings.firstRetry().toMillis()));
    }

    /** Which of the settings' servers is the member at web address {@code owner} (host and port), or -1. */
    private int indexOf(String owner) {
        try {
            ServerAddress named = owner.isEmpty() ? null : ServerAddress.parse(owner);
            for (int i = 0; named != null && i < settings.servers().size(); i++) {
                ServerAddress server = settings.servers().get(i);
                if (i != current && server.host().equalsIgnoreCase(named.host()) && server.port() == named.port()) {
                    return i;
                }
            }
        } catch (IllegalArgumentException e) {
            LOG.log(Level.DEBUG, "not an address: " + owner);
        }
        return -1; // none, or not one this node was given (behind a proxy, say): its own list, in turn
    }

    /** Between half and all of {@code millis}, so that a zone's agents do not knock together. */
    private static Duration jittered(long millis) {
        return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(Math.max(1, millis / 2 + 1)));
    }

    private void unreachable(Throwable cause) {
        Duration wait = moveOn();
        String why = cause instanceof UpgradeRejectedException rejected
                ? "HTTP " + rejected.getStatus() + " at " + server() + " (is --server right?)"
                : String.valueOf(cause.getMessage());
        // One line per outage at WARNING, then quieter: a node may wait out a long outage.
        LOG.log(outageLogged ? Level.DEBUG : Level.WARNING,
                "không kết nối được máy chủ / cannot reach the server: {0}; thử lại sau / retrying in {1} ms", why,
                Long.toString(wait.toMillis()));
        outageLogged = true;
        retryLater(wait);
    }

    private void retryLater(Duration wait) {
        if (closing) {
            return;
        }
        state = ChannelState.WAITING;
        retryTimer = vertx.setTimer(Math.max(1, wait.toMillis()), t -> connect());
    }

    private void cancelTimers() {
        vertx.cancelTimer(helloTimer);
        vertx.cancelTimer(heartbeatTimer);
        helloTimer = -1;
        heartbeatTimer = -1;
    }
}
