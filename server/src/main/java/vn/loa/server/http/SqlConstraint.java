package vn.loa.server.http;

import java.sql.SQLException;

/**
 * Maps a database constraint violation to a 4xx. Services check before they write, but two requests racing for the
 * same id both pass the check; the database's own constraint then decides, and the loser gets a 409, not a 500.
 */
final class SqlConstraint {

    private SqlConstraint() {
    }

    /** The 4xx for a constraint violation somewhere in {@code failure}'s causes, or null if there is none. */
    static ApiError classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                // SQLSTATE classes are standard: H2 and PostgreSQL report the same codes.
                switch (sql.getSQLState()) {
                    case "23505":
                        return ApiError.conflict("duplicate_id", "Mã này đã được dùng. Hãy chọn mã khác.");
                    case "23503":
                        return ApiError.conflict("in_use", "Dữ liệu này vẫn đang được dùng (còn khu vực con, loa, bảng tin, "
                                + "người dùng hoặc tin gắn với nó). Hãy chuyển hoặc xóa chúng trước.");
                    case "22001":
                        return ApiError.badRequest("too_long", "Một giá trị quá dài (ví dụ cây khu vực quá sâu).");
                    default:
                        return null;
                }
            }
        }
        return null;
    }
}
