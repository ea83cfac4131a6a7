package vn.loa.server.http;

import vn.loa.server.refusal.Refusal;

/**
 * A refusal that names its HTTP status itself: thrown by routes and the web layer, never by services (they throw a
 * {@link Refusal}, whose kind {@link RefusalStatus} maps to a status).
 *
 * <p>{@link ErrorResponder} turns it into {@code {"error","message"}}.
 */
public final class ApiError extends Refusal {

    private final int status;

    public ApiError(int status, String code, String message) {
        this(status, code, message, null);
    }

    /** A refusal that names the request field at fault ({@code title}, {@code schedule.at}), so a form can show it there. */
    public ApiError(int status, String code, String message, String field) {
        this(status, code, message, null, field);
    }

    private ApiError(int status, String code, String message, String english, String field) {
        super(RefusalStatus.kindOf(status), code, message, english, field);
        this.status = status;
    }

    /** The HTTP form of a service's refusal. */
    public static ApiError of(Refusal refusal) {
        if (refusal instanceof ApiError api) {
            return api;
        }
        return new ApiError(RefusalStatus.of(refusal.kind()), refusal.code(), refusal.getMessage(), refusal.english(),
                refusal.field());
    }

    public int status() {
        return status;
    }

    public static ApiError badRequest(String code, String message) {
        return new ApiError(400, code, message);
    }

    public static ApiError notFound(String what, String id) {
        return new ApiError(404, "not_found", "Không tìm thấy " + what + " '" + id + "'. Kiểm tra lại mã hoặc quyền truy cập.");
    }

    public static ApiError conflict(String code, String message) {
        return new ApiError(409, code, message);
    }

    public static ApiError forbidden(String message) {
        return new ApiError(403, "forbidden", message);
    }

    public static ApiError unauthorized() {
        return new ApiError(401, "unauthorized", "Bạn cần đăng nhập (thiếu hoặc hết hạn mã đăng nhập).");
    }
}
