package vn.loa.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-address cap counts open connections, not connections ever made: an agent whose control channel (a
 * WebSocket) closed and reconnected a thousand times from one 4G address must still be let in.
 */
class ConnectionGuardTest {

    private static final int CAP = 3;

    private Vertx vertx;
    private HttpServer server;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        ConnectionGuard guard = new ConnectionGuard(vertx, CAP, Duration.ofSeconds(30));
        server = guard.guard(vertx.createHttpServer(), request -> request.response().end("ok"),
                handshake -> handshake.accept()).listen(0, "127.0.0.1").await();
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    @Test
    void closedWebSocketsGiveTheirPlaceBack() {
        WebSocketClient sockets = vertx.createWebSocketClient();
        for (int i = 0; i < CAP * 3; i++) {
            WebSocket ws = sockets.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
                    .setPort(server.actualPort()).setURI("/control")).await();
            ws.close().await();
        }
        assertThat(get()).as("an HTTP request after %d closed WebSockets from the same address", CAP * 3)
                .isEqualTo(200);
    }

    @Test
    void anAddressOverTheCapIsStillRefused() {
        WebSocketClient sockets = vertx.createWebSocketClient();
        for (int i = 0; i < CAP; i++) {
            sockets.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.actualPort())
                    .setURI("/control")).await();
        }
        assertThat(sockets.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.actualPort())
                .setURI("/control")).toCompletionStage().toCompletableFuture()).failsWithin(Duration.ofSeconds(10));
    }

    private int get() {
        HttpClient client = vertx.createHttpClient();
        HttpClientResponse response = client.request(HttpMethod.GET, server.actualPort(), "127.0.0.1", "/health")
                .compose(r -> r.send()).await();
        return response.statusCode();
    }
}
