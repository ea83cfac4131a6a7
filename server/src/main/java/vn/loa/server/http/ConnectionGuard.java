package vn.loa.server.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.impl.ConnectionBase;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps idle and half-sent connections from exhausting the server (issue 22): a client address may hold at most
 * {@code perAddress} connections, and a connection that has not sent a whole request head within the header timeout is
 * closed. Vert.x's own idle timeout closes connections that go quiet later.
 *
 * <p>Runs on the event loops; thread-safe.
 */
public final class ConnectionGuard {

    private final Vertx vertx;
    private final int perAddress;
    private final long headerTimeoutMs;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();
    /** Connections still waiting for their first request head, by the client's address and port. */
    private final Map<String, HttpConnection> unserved = new ConcurrentHashMap<>();

    /** @param perAddress connections one client address may hold; 0 for no cap */
    public ConnectionGuard(Vertx vertx, int perAddress, Duration headerTimeout) {
        this.vertx = vertx;
        this.perAddress = perAddress;
        this.headerTimeoutMs = headerTimeout.toMillis();
    }

    /** Guards {@code server}: counts its connections and marks those whose request heads arrive. */
    public HttpServer guard(HttpServer server, Handler<HttpServerRequest> requests,
            Handler<ServerWebSocketHandshake> webSockets) {
        return server.connectionHandler(this::opened)
                .requestHandler(request -> {
                    served(request.remoteAddress());
                    requests.handle(request);
                })
                .webSocketHandshakeHandler(handshake -> {
                    served(handshake.remoteAddress());
                    webSockets.handle(handshake);
                });
    }

    private void opened(HttpConnection connection) {
        String address = host(connection.remoteAddress());
        int count = open.merge(address, 1, Integer::sum);
        String key = String.valueOf(connection.remoteAddress());
        whenClosed(connection, () -> {
            unserved.remove(key);
            open.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
        });
        if (perAddress > 0 && count > perAddress) {
            connection.close();
            return;
        }
        unserved.put(key, connection);
        vertx.setTimer(headerTimeoutMs, t -> {
            HttpConnection late = unserved.remove(key);
            if (late != null) {
                late.close();
            }
        });
    }

    /**
     * Runs {@code closed} once the connection's socket is closed. A connection upgraded to a WebSocket (an agent's
     * control channel, a player, the UI's live events) never calls its HTTP close handler: Vert.x hands the socket to
     * the WebSocket, so counting by that handler let every closed control channel hold its place for ever, and an
     * address whose agents had reconnected {@code perAddress} times in all was shut out. The socket's own close is
     * the one event every kind of connection has; Vert.x exposes it only on its connection base class.
     */
    private static void whenClosed(HttpConnection connection, Runnable closed) {
        if (connection instanceof ConnectionBase base) {
            base.channel().closeFuture().addListener(f -> closed.run());
        } else {
            connection.closeHandler(v -> closed.run());
        }
    }

    private void served(SocketAddress remote) {
        unserved.remove(String.valueOf(remote));
    }

    private static String host(SocketAddress remote) {
        return remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
    }
}
