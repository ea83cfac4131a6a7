package vn.loa.server.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * Answers a request whose address does not decode ({@code %ZZ}, a lone {@code %}) with the API's JSON 400 before the
 * router sees it. Vert.x would answer a bad path with a bare "Bad Request" and, worse, decode a bad query only when a
 * handler first reads the parameters, where the failure surfaces as a 500.
 */
public final class MalformedAddress implements Handler<HttpServerRequest> {

    private final Handler<HttpServerRequest> next;

    public MalformedAddress(Handler<HttpServerRequest> next) {
        this.next = next;
    }

    @Override
    public void handle(HttpServerRequest request) {
        if (decodes(request.uri())) {
            next.handle(request);
            return;
        }
        request.response().setStatusCode(400)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(new JsonObject().put("error", "malformed_url")
                        .put("message", "Địa chỉ yêu cầu bị mã hoá sai: sau dấu % phải là hai chữ số thập lục phân"
                                + " (ví dụ %20). Sửa địa chỉ rồi gửi lại.").encode());
    }

    /** Whether the path and every query parameter decode the way the router will decode them. */
    static boolean decodes(String uri) {
        if (uri == null) {
            return false;
        }
        if (uri.indexOf('%') < 0) {
            return true; // nothing escaped, nothing to get wrong: most requests skip the second parse
        }
        try {
            QueryStringDecoder decoded = new QueryStringDecoder(uri);
            decoded.path();
            decoded.parameters();
            return true;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
