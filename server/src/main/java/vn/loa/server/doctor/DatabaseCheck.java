package vn.loa.server.doctor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import vn.loa.server.config.LoaConfig;

/**
 * Whether the database answers: the H2 file in the data folder (opened read-only, never while a Loa holds it), or
 * the PostgreSQL server of {@code db.url}.
 */
final class DatabaseCheck implements Check {

    static final String SUBJECT = "Cơ sở dữ liệu (database)";

    private final String url;
    private final String user;
    private final String password;
    private final BooleanSupplier runningLoaSaysUp;

    DatabaseCheck(String url, String user, String password, BooleanSupplier runningLoaSaysUp) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.runningLoaSaysUp = runningLoaSaysUp;
    }

    @Override
    public Finding run() {
        if (runningLoaSaysUp.getAsBoolean()) {
            return Finding.ok(SUBJECT, "Loa đang chạy báo cơ sở dữ liệu hoạt động (UP in /health)");
        }
        return url.startsWith("jdbc:h2:") ? h2() : postgres();
    }

    private Finding h2() {
        String mvFile = LoaConfig.h2File(url).toString();
        String file = mvFile.substring(0, mvFile.length() - ".mv.db".length());
        if (!Files.exists(Path.of(mvFile))) {
            return Finding.ok(SUBJECT, "H2: chưa có, sẽ được tạo khi chạy lần đầu (made at first start): " + file
                    + ".mv.db");
        }
        // Read-only and without a trace file: a doctor run as root must leave no root-owned file for the service.
        String readOnly = "jdbc:h2:file:" + file + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r;TRACE_LEVEL_FILE=0";
        // The server opens H2 without db.user and db.password (they are PostgreSQL's), so does the doctor.
        try (Connection c = DriverManager.getConnection(readOnly, "", "")) {
            c.createStatement().execute("SELECT 1");
            return Finding.ok(SUBJECT, "H2: mở được " + file + ".mv.db");
        } catch (SQLException e) {
            if (e.getErrorCode() == 90020) {
                return Finding.fail(SUBJECT, "H2: tệp " + file + ".mv.db đang bị chương trình khác mở (locked) mà "
                        + "Loa không trả lời /health: dừng chương trình đó rồi chạy lại");
            }
            return Finding.fail(SUBJECT, "H2: không mở được " + file + ".mv.db: " + e.getMessage());
        }
    }

    private Finding postgres() {
        DriverManager.setLoginTimeout(5);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.createStatement().execute("SELECT 1");
            return Finding.ok(SUBJECT, "PostgreSQL: kết nối được " + withoutSecrets(url));
        } catch (SQLException e) {
            return Finding.fail(SUBJECT, "PostgreSQL: không kết nối được " + withoutSecrets(url) + " (unreachable): "
                    + e.getMessage() + ". Kiểm tra máy chủ PostgreSQL đang chạy, db.url, db.user và db.password");
        }
    }

    /** The URL without its query (which may carry a password). */
    private static String withoutSecrets(String jdbcUrl) {
        int q = jdbcUrl.indexOf('?');
        return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
    }
}
