package vn.loa.server.http;

/**
 * A request Loa refuses, with the HTTP status, a stable English code and a message in Vietnamese that says what to do.
 *
 * <p>Thrown from services and routes; {@link ErrorResponder} turns it into {@code {"error","message"}}.
 */
public final class ApiError extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    public ApiError(int status, String code, String message) {
        this(status, code, message, null);
    }

    /** A refusal that names the request field at fault ({@code title}, {@code schedule.at}), so a form can show it there. */
    public ApiError(int status, String code, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
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
