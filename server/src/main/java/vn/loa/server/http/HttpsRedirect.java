package vn.loa.server.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.util.concurrent.TimeUnit;

/**
 * The plain-HTTP port of a server that speaks HTTPS (http.redirect.port): every request, {@code /health} too, is
 * answered {@code 308 Permanent Redirect} to the same path and query on {@code https://<the host asked for>:<TLS port>},
 * so a bookmark or a typed address without {@code https://} still reaches Loa. 308 rather than 301 keeps a POST a POST.
 * Nothing is served in plain text: a monitor that polls {@code /health} here follows the redirect.
 */
public final class HttpsRedirect {

    private HttpsRedirect() {
    }

    /** Listens on {@code host:port}, redirecting to {@code tlsPort}. */
    public static Future<HttpServer> listen(Vertx vertx, String host, int port, int tlsPort, int idleSeconds) {
        return vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port).setHttp2ClearTextEnabled(false)
                        .setIdleTimeout(idleSeconds).setIdleTimeoutUnit(TimeUnit.SECONDS))
                .requestHandler(request -> redirect(request, host, tlsPort)).listen();
    }

    private static void redirect(HttpServerRequest request, String listenHost, int tlsPort) {
        HostAndPort asked = request.authority();
        String host = asked != null && !asked.host().isEmpty() ? asked.host()
                : "0.0.0.0".equals(listenHost) ? "localhost" : listenHost;
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        String location = "https://" + host + (tlsPort == 443 ? "" : ":" + tlsPort) + request.uri();
        request.response().setStatusCode(308).putHeader("Location", location)
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .end("Loa dùng HTTPS / Loa speaks HTTPS: " + location + "\n");
    }
}
