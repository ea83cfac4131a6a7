package vn.loa.server.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes JSON answers, and routes a failed future to the {@link ErrorResponder}. */
public final class Replies {

    private Replies() {
    }

    public static void json(RoutingContext ctx, int status, Object body) {
        String encoded = body instanceof JsonObject o ? o.encode() : ((JsonArray) body).encode();
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(encoded);
    }

    /** Answers with {@code status} and the future's JSON, or fails the request with the future's error. */
    public static <T> void reply(RoutingContext ctx, int status, Future<T> result) {
        result.onSuccess(body -> json(ctx, status, body)).onFailure(ctx::fail);
    }
}
