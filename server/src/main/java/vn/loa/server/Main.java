package vn.loa.server;

import java.time.Clock;
import vn.loa.server.config.ConfigException;
import vn.loa.server.config.ConfigLoader;
import vn.loa.server.config.LoaConfig;

/** {@code ./loa server}: reads the configuration, starts the server and prints where to find it. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        LoaConfig config;
        try {
            config = ConfigLoader.load(System.getenv());
        } catch (ConfigException e) {
            System.err.println("Cấu hình sai / bad configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        LoaServer server = new LoaServer(config, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "loa-shutdown"));
        int port;
        try {
            port = server.start();
        } catch (ConfigException e) {
            // Settings only checkable at start: the HTTPS certificate and key (expired, not matching).
            System.err.println("Cấu hình sai / bad configuration: " + e.getMessage());
            System.exit(2);
            return;
        } catch (vn.loa.server.db.DatabaseUpgradeException e) {
            System.err.println(e.getMessage());
            System.err.println("Chi tiết / details: " + e.getCause());
            System.exit(3);
            return;
        } catch (RuntimeException e) {
            // Half started, its threads would keep the process alive without an answer: end it, so the service
            // manager (Restart=on-failure) and the technician see the failure.
            e.printStackTrace();
            System.err.println("Loa không khởi động được / Loa could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println("Loa đang chạy / Loa is running: http://localhost:" + port + "/");
        System.out.println("Dữ liệu / data: " + config.dataDir() + (config.isPostgres() ? " (PostgreSQL)" : " (H2)"));
        server.generatedAdminPassword().ifPresent(p -> {
            System.out.println("Tài khoản quản trị / admin account: admin");
            System.out.println("Mật khẩu (chỉ hiện một lần) / password (shown once): " + p);
        });
    }
}
