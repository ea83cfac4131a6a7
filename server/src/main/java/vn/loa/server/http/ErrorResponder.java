package vn.loa.server.http;

import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.refusal.Refusal;

/**
 * The one failure handler of the API: turns every failure into {@code {"error","message"}} with the right status.
 *
 * <p>Anything a client can send ends as a 4xx here. A 500 means a bug in Loa; it is logged with its stack trace and the
 * client sees only a short message, never the trace.
 */
public final class ErrorResponder implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponder.class);

    private final ServerPaths paths;

    /** @param paths hides the server's folders in messages built from exceptions (a parser's, a plugin's) */
    public ErrorResponder(ServerPaths paths) {
        this.paths = paths;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ApiError error = MirrorRequest.of(ctx).orElseGet(() -> classify(ctx.failure(), ctx.statusCode()));
        if (error.status() >= 500) {
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
        }
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        if (error.status() == 401 && !ctx.response().headers().contains("WWW-Authenticate")) {
            // A route that takes HTTP Basic (a stream box's) has said so; the API's own scheme otherwise.
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        }
        ctx.response()
                .setStatusCode(error.status())
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(body(error, english(ctx), paths).encode());
    }

    /** A client that asks for English first gets the English message where one is written. */
    private static boolean english(RoutingContext ctx) {
        String accept = ctx.request().getHeader("Accept-Language");
        return accept != null && accept.trim().toLowerCase(java.util.Locale.ROOT).startsWith("en");
    }

    private static JsonObject body(ApiError error, boolean english, ServerPaths paths) {
        String message = english && error.english() != null ? error.english() : error.getMessage();
        JsonObject body = new JsonObject().put("error", error.code()).put("message", paths.hide(message));
        if (error.field() != null) {
            body.put("field", error.field());
        }
        return body;
    }

    static ApiError classify(Throwable failure, int status) {
        // The OpenAPI router wraps validation errors in a 400 HttpException; the cause says what was wrong.
        if (failure instanceof HttpException http && http.getCause() != null) {
            failure = http.getCause();
        }
        if (failure instanceof Refusal refusal) {
            return ApiError.of(refusal);
        }
        if (failure instanceof SchemaValidationException schema) {
            return new ApiError(400, "invalid_request",
                    "Dữ liệu gửi lên không hợp lệ: " + schemaReason(schema) + ". Sửa lại rồi gửi lại.",
                    SchemaField.of(schema));
        }
        if (failure instanceof ValidatorException validator) {
            return ApiError.badRequest("invalid_request",
                    "Yêu cầu không hợp lệ (" + validator.getMessage() + "). Sửa lại rồi gửi lại.");
        }
        if (failure instanceof DecodeException || failure instanceof IllegalArgumentException && status == 400) {
            return ApiError.badRequest("malformed_json", "Nội dung gửi lên không phải JSON hợp lệ.");
        }
        if (failure instanceof HttpException http) {
            return byStatus(http.getStatusCode());
        }
        ApiError constraint = SqlConstraint.classify(failure);
        if (constraint != null) {
            return constraint;
        }
        if (vn.loa.server.db.DatabaseAway.isOutOfDisk(failure)) {
            return new ApiError(507, "insufficient_storage", "Máy chủ hết dung lượng đĩa: thao tác chưa được lưu. "
                    + "Loa vẫn phát các bản tin đã có. Kỹ thuật viên hãy giải phóng dung lượng trên ổ của thư mục dữ "
                    + "liệu; máy chủ tự hoạt động lại, không cần khởi động lại. / The disk is full; nothing was saved.");
        }
        if (vn.loa.server.db.DatabaseAway.is(failure)) {
            return new ApiError(503, "database_unavailable", "Cơ sở dữ liệu tạm thời không phản hồi: thao tác chưa "
                    + "được lưu. Hãy thử lại sau ít phút; nếu vẫn lỗi, hãy báo kỹ thuật viên. / The database is "
                    + "unavailable; nothing was saved. Try again shortly.");
        }
        if (failure == null || status != 500 && status != -1) {
            return byStatus(status);
        }
        return new ApiError(500, "internal", "Lỗi máy chủ; thao tác chưa được thực hiện. Hãy báo kỹ thuật viên.");
    }

    private static String schemaReason(SchemaValidationException e) {
        String location = e.getOutputUnit() == null ? null : e.getOutputUnit().getInstanceLocation();
        String reason = e.getMessage();
        return location == null || location.isEmpty() ? reason : reason + " (tại " + location + ")";
    }

    private static ApiError byStatus(int status) {
        return switch (status) {
            case 400 -> ApiError.badRequest("bad_request", "Yêu cầu không hợp lệ.");
            case 401 -> ApiError.unauthorized();
            case 403 -> ApiError.forbidden("Bạn không có quyền thực hiện thao tác này.");
            case 404 -> new ApiError(404, "not_found", "Không có địa chỉ này trong API.");
            case 405 -> new ApiError(405, "method_not_allowed", "Phương thức HTTP này không được hỗ trợ ở địa chỉ này.");
            case 413 -> new ApiError(413, "body_too_large", "Nội dung gửi lên quá lớn.");
            case 415 -> new ApiError(415, "unsupported_media_type", "Kiểu nội dung không được hỗ trợ; hãy gửi JSON.");
            default -> status >= 400 && status < 500
                    ? new ApiError(status, "bad_request", "Yêu cầu không hợp lệ.")
                    : new ApiError(500, "internal", "Lỗi máy chủ; thao tác chưa được thực hiện. Hãy báo kỹ thuật viên.");
        };
    }
}
