package vn.loa.server.refusal;

/**
 * A request Loa will not carry out: what kind of refusal, a stable English code, a message in Vietnamese that says what
 * to do (an English one where written), and the request field at fault.
 *
 * <p>Thrown by services; knows nothing of HTTP. The web layer turns the {@link Kind} into a status.
 */
public class Refusal extends RuntimeException {

    /** Why a request is refused, in the domain's terms; each kind maps to one HTTP status in the web layer. */
    public enum Kind {
        /** The request itself is wrong (a field missing or out of range). */
        INVALID,
        /** Nobody is signed in, or the credentials are wrong. */
        UNAUTHENTICATED,
        /** Signed in, but not allowed to do this (role, unit, policy). */
        FORBIDDEN,
        /** The thing named does not exist (or is not visible to the caller). */
        NOT_FOUND,
        /** The thing exists but its state does not allow this now. */
        CONFLICT,
        /** The content is bigger than Loa takes. */
        TOO_LARGE,
        /** The content is of a type Loa does not take. */
        UNSUPPORTED_TYPE,
        /** Well-formed but its content cannot be used (corrupt audio, an unreadable document). */
        UNUSABLE,
        /** Too many attempts; the caller must wait. */
        TOO_MANY,
        /** Something Loa relies on (another system, a device) failed. */
        DEPENDENCY_FAILED,
        /** Loa cannot do this right now (busy, database away); try again later. */
        UNAVAILABLE,
        /** The disk is full; nothing was saved. */
        NO_SPACE
    }

    private final Kind kind;
    private final String code;
    private final String english;
    private final String field;

    /**
     * @param message in Vietnamese, saying what to do
     * @param english the same in English, or null
     * @param field the request field at fault ({@code title}, {@code schedule.at}), or null
     */
    public Refusal(Kind kind, String code, String message, String english, String field) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.english = english;
        this.field = field;
    }

    public Refusal(Kind kind, String code, String message) {
        this(kind, code, message, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** A stable English code clients may switch on ({@code zone_unknown}, {@code not_found}). */
    public String code() {
        return code;
    }

    /** The message in English, or null where only the Vietnamese one is written. */
    public String english() {
        return english;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }

    public static Refusal invalid(String code, String message) {
        return new Refusal(Kind.INVALID, code, message);
    }

    public static Refusal invalid(String code, String message, String field) {
        return new Refusal(Kind.INVALID, code, message, null, field);
    }

    public static Refusal notFound(String what, String id) {
        return new Refusal(Kind.NOT_FOUND, "not_found",
                "Không tìm thấy " + what + " '" + id + "'. Kiểm tra lại mã hoặc quyền truy cập.",
                "No " + what + " '" + id + "' was found.", null);
    }

    public static Refusal conflict(String code, String message) {
        return new Refusal(Kind.CONFLICT, code, message);
    }

    public static Refusal forbidden(String message) {
        return new Refusal(Kind.FORBIDDEN, "forbidden", message);
    }

    public static Refusal unauthenticated() {
        return new Refusal(Kind.UNAUTHENTICATED, "unauthorized", "Bạn cần đăng nhập (thiếu hoặc hết hạn mã đăng nhập).",
                "Sign in first (the token is missing or expired).", null);
    }
}
