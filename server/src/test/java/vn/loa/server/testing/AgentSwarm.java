package vn.loa.server.testing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import vn.loa.wire.control.ControlCodec;
import vn.loa.wire.control.ControlMessage;

/**
 * Many node agents in one JVM, for load: each speaks the agent's control protocol as the real one does (hello, then
 * a ping and a heartbeat every interval the welcome gives, at its own phase), and goes on to the next member of the
 * list when one sends it elsewhere, refuses it or closes its channel. No audio: the agents' zones stay idle. All share
 * one Vert.x and one WebSocket client, so ten thousand cost a few threads and about 100 MB.
 */
public final class AgentSwarm implements AutoCloseable {

    /** One simulated agent's node id and token. */
    public record Agent(String nodeId, String token) {
    }

    private static final ControlMessage.Heartbeat IDLE = new ControlMessage.Heartbeat("idle", 80, 0, 0, 0);

    private final Vertx vertx = Vertx.vertx();
    private final WebSocketClient client;
    private final List<Integer> ports;
    /** Hellos waiting for their answer: at most this many at once, as agents coming online over a few minutes. */
    private final Semaphore greeting;
    private final AtomicInteger online = new AtomicInteger();
    private final LongAdder heartbeats = new LongAdder();
    private final LongAdder sentOn = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private volatile boolean closing;

    /** @param ports the members' HTTP ports on 127.0.0.1, in the order an agent's server list names them */
    public AgentSwarm(List<Integer> ports, int greetingsAtOnce) {
        this.ports = List.copyOf(ports);
        this.greeting = new Semaphore(greetingsAtOnce);
        client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(100_000)
                .setConnectTimeout(10_000));
    }

    /** Starts {@code agent}, trying member {@code first} of the list first. */
    public void start(Agent agent, int first) {
        connect(agent, first);
    }

    private void connect(Agent agent, int member) {
        if (closing) {
            return;
        }
        greeting.acquireUninterruptibly();
        boolean[] released = {false};
        Runnable release = () -> {
            if (!released[0]) {
                released[0] = true;
                greeting.release();
            }
        };
        client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(ports.get(member))
                .setURI("/api/v1/nodes/control")).onComplete(done -> {
                    if (done.failed()) {
                        release.run();
                        retry(agent, member);
                        return;
                    }
                    WebSocket ws = done.result();
                    long[] timer = {-1};
                    boolean[] welcomed = {false};
                    ws.textMessageHandler(text -> {
                        ControlMessage message;
                        try {
                            message = ControlCodec.decode(text);
                        } catch (vn.loa.wire.control.MalformedControlMessage e) {
                            return; // as the agent: a newer server's message it does not know is skipped
                        }
                        if (message instanceof ControlMessage.Welcome welcome) {
                            release.run();
                            welcomed[0] = true;
                            online.incrementAndGet();
                            long every = Math.max(1, welcome.heartbeatSeconds()) * 1000L;
                            timer[0] = vertx.setTimer(1 + ThreadLocalRandom.current().nextLong(every), t -> {
                                beat(ws);
                                timer[0] = vertx.setPeriodic(every, p -> beat(ws));
                            });
                        } else if (message instanceof ControlMessage.Elsewhere) {
                            sentOn.increment();
                        }
                    });
                    ws.closeHandler(v -> {
                        release.run();
                        vertx.cancelTimer(timer[0]);
                        if (welcomed[0]) {
                            online.decrementAndGet();
                            dropped.increment();
                        }
                        retry(agent, member);
                    });
                    ws.exceptionHandler(e -> ws.close());
                    ws.writeTextMessage(ControlCodec.encode(new ControlMessage.Hello(agent.nodeId(), agent.token(),
                            List.of("PCMU"), 40000, "swarm")));
                });
    }

    private void retry(Agent agent, int member) {
        if (!closing) {
            // Off the event loop: the next connect may wait for a greeting slot.
            vertx.setTimer(250, t -> vertx.executeBlocking(() -> {
                connect(agent, (member + 1) % ports.size());
                return null;
            }));
        }
    }

    private void beat(WebSocket ws) {
        ws.writePing(Buffer.buffer("loa"));
        ws.writeTextMessage(ControlCodec.encode(IDLE));
        heartbeats.increment();
    }

    /** The agents welcomed and connected now. */
    public int online() {
        return online.get();
    }

    /** Heartbeats the agents have sent. */
    public long heartbeats() {
        return heartbeats.sum();
    }

    /** Times an agent was sent on to another member (its zone is held elsewhere). */
    public long sentOn() {
        return sentOn.sum();
    }

    /** Times a welcomed agent's channel closed (it then connects again). */
    public long dropped() {
        return dropped.sum();
    }

    @Override
    public void close() {
        closing = true;
        vertx.close().await();
    }
}
