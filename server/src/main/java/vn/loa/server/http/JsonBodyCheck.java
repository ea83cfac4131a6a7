package vn.loa.server.http;

import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a JSON request whose body does not parse, before validation, so the client hears "this is not JSON" rather
 * than a schema complaint. Runs after the body handler.
 */
final class JsonBodyCheck implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")
                && ctx.body() != null && ctx.body().length() > 0) {
            try {
                Json.decodeValue(ctx.body().buffer());
            } catch (DecodeException e) {
                ctx.fail(ApiError.badRequest("malformed_json",
                        "Nội dung gửi lên không phải JSON hợp lệ. Kiểm tra dấu ngoặc, dấu phẩy và dấu nháy."));
                return;
            }
        }
        ctx.next();
    }
}
