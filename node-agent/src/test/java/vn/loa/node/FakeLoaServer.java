package vn.loa.node;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import vn.loa.wire.control.ControlCodec;
import vn.loa.wire.control.ControlMessage;
import vn.loa.wire.control.ControlMessage.Hello;
import vn.loa.wire.control.ControlMessage.Refused;

/**
 * A stand-in for Loa's server in tests: a Vert.x WebSocket endpoint at the control path that answers each hello as
 * the test says (welcome or refused), records every message, and sends commands to the connected agent.
 */
public final class FakeLoaServer implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final BlockingQueue<ControlMessage> received = new LinkedBlockingQueue<>();
    private final List<Hello> hellos = new CopyOnWriteArrayList<>();
    private volatile Function<Hello, ControlMessage> greeter;
    private volatile ServerWebSocket agent;
    private volatile HttpServer server;
    private volatile int port;

    public FakeLoaServer(Function<Hello, ControlMessage> greeter) {
        this.greeter = greeter;
    }

    /** Listens on {@code port} (0 for any free one); call again after {@link #stop} to come back on the same port. */
    public FakeLoaServer start(int wanted) {
        // Coming back on the same port can race the kernel's release of the old socket: retry for a few seconds.
        long deadline = System.currentTimeMillis() + 5_000;
        while (true) {
            HttpServer http = vertx.createHttpServer().webSocketHandler(this::accept);
            try {
                server = join(http.listen(wanted, "127.0.0.1").toCompletionStage().toCompletableFuture());
                port = server.actualPort();
                return this;
            } catch (IllegalStateException e) {
                if (wanted == 0 || System.currentTimeMillis() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Stops listening and drops the agent's connection, as a crashed server would. */
    public void stop() {
        ServerWebSocket current = agent;
        agent = null;
        if (current != null) {
            join(current.close().toCompletionStage().toCompletableFuture());
        }
        join(server.close().toCompletionStage().toCompletableFuture());
    }

    public void answerWith(Function<Hello, ControlMessage> newGreeter) {
        this.greeter = newGreeter;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public BlockingQueue<ControlMessage> received() {
        return received;
    }

    public List<Hello> hellos() {
        return hellos;
    }

    public boolean connected() {
        return agent != null;
    }

    public void send(ControlMessage message) {
        sendRaw(ControlCodec.encode(message));
    }

    public void sendRaw(String frame) {
        ServerWebSocket current = agent;
        if (current == null) {
            throw new IllegalStateException("no agent connected");
        }
        current.writeTextMessage(frame);
    }

    @Override
    public void close() {
        join(vertx.close().toCompletionStage().toCompletableFuture());
    }

    private void accept(ServerWebSocket socket) {
        if (!"/api/v1/nodes/control".equals(socket.path())) {
            socket.close((short) 1008, "wrong path " + socket.path());
            return;
        }
        socket.textMessageHandler(frame -> {
            ControlMessage message = ControlCodec.decode(frame);
            if (message instanceof Hello hello) {
                hellos.add(hello);
                ControlMessage answer = greeter.apply(hello);
                socket.writeTextMessage(ControlCodec.encode(answer));
                if (answer instanceof Refused) {
                    socket.close((short) 1008, "refused");
                    return;
                }
                agent = socket;
            }
            received.add(message);
        });
        socket.closeHandler(v -> {
            if (agent == socket) {
                agent = null;
            }
        });
    }

    private static <T> T join(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
