package vn.loa.server.access;

import java.util.Locale;

/** Why a sign-in session ended; the next request with its token is told so in Vietnamese. */
public enum SessionEnd {
    LOGOUT("Bạn đã đăng xuất. Hãy đăng nhập lại."),
    DISABLED("Tài khoản đã bị khóa. Hãy liên hệ quản trị viên."),
    ROLE_CHANGED("Vai trò của tài khoản vừa được thay đổi. Hãy đăng nhập lại."),
    UNIT_CHANGED("Đơn vị của tài khoản vừa được thay đổi. Hãy đăng nhập lại."),
    PASSWORD_CHANGED("Mật khẩu vừa được đổi. Hãy đăng nhập lại bằng mật khẩu mới."),
    ENDED_BY_ADMIN("Quản trị viên đã kết thúc phiên đăng nhập này. Hãy đăng nhập lại."),
    IDLE("Phiên đăng nhập đã hết hạn vì lâu không sử dụng. Hãy đăng nhập lại."),
    CODE_FAILURES("Nhập sai mã xác thực quá nhiều lần. Hãy đăng nhập lại.");

    private final String message;

    SessionEnd(String message) {
        this.message = message;
    }

    /** What the user is told when they use a token of a session that ended this way. */
    public String message() {
        return message;
    }

    /** The spelling of the database and the audit log ({@code "role_changed"}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reason stored in the database; an unknown spelling (a newer server's) reads as an admin's end. */
    public static SessionEnd fromWire(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            return ENDED_BY_ADMIN;
        }
    }
}
