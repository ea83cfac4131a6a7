package vn.loa.demo;

import java.time.Clock;
import vn.loa.server.LoaServer;
import vn.loa.server.config.ConfigLoader;
import vn.loa.server.config.LoaConfig;

/**
 * {@code ./loa demo}: the server on the embedded database with a sample commune, ready to try from a browser.
 *
 * <p>The sample is added once, at the first start of an empty data folder, through the server's own API.
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        LoaConfig config = ConfigLoader.load(System.getenv());
        LoaServer server = new LoaServer(config, Clock.systemUTC());
        DemoAgents agents = new DemoAgents();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agents.close();
            server.close();
        }, "loa-shutdown"));
        int port = server.start();
        String base = "http://localhost:" + port;
        String password = server.generatedAdminPassword().orElse(config.adminPassword());
        boolean seeded = false;
        if (server.generatedAdminPassword().isPresent() || !password.isBlank()) {
            // The sample commune is made through the API as the admin; a generated password is still to be changed by
            // the person who first signs in, so it is owed again once the seeding is done.
            boolean generated = server.generatedAdminPassword().isPresent();
            if (generated) {
                mustChange(server, false);
            }
            seeded = new DemoCommune(base, password, config.dataDir()).seedIfEmpty();
            if (generated) {
                mustChange(server, true);
            }
        }
        agents.startAll(config.dataDir(), base);
        System.out.println();
        System.out.println("Loa (bản chạy thử / demo) đang chạy tại: " + base + "/");
        System.out.println("  Sức khỏe / health:     " + base + "/health");
        System.out.println("  Mô tả API / API:       " + base + "/api/v1/openapi.yaml");
        System.out.println("  Dữ liệu / data:        " + config.dataDir());
        server.generatedAdminPassword().ifPresentOrElse(
                p -> System.out.println("  Đăng nhập / sign in:   admin / " + p + "   (mật khẩu chỉ hiện lần đầu / shown once)"),
                () -> System.out.println("  Đăng nhập / sign in:   admin / "
                        + (config.adminPassword().isBlank() ? "(mật khẩu đã in ở lần chạy đầu / printed at first start)"
                        : "$LOA_ADMIN_PASSWORD")));
        if (seeded) {
            System.out.println("  Xã mẫu / sample commune: Xã An Bình, 3 thôn, 3 loa, 1 bảng tin; cán bộ 'canbo' và lãnh đạo"
                    + " 'chutich' dùng mật khẩu " + DemoCommune.STAFF_PASSWORD);
        }
        java.nio.file.Path key = DemoCommune.playerKeyFile(config.dataDir());
        if (java.nio.file.Files.isRegularFile(key)) {
            System.out.println("  Bảng tin / board:      " + base + "/player/" + DemoCommune.BOARD + "?key="
                    + java.nio.file.Files.readString(key).strip());
        }
        System.out.println("  Loa thu âm / recording nodes: " + agents.count() + ", tệp WAV ở / WAV files in "
                + config.dataDir().resolve("nodes") + "/<loa>/");
        System.out.println("Nhấn Ctrl+C để dừng / press Ctrl+C to stop.");
    }

    private static void mustChange(LoaServer server, boolean must) {
        server.jdbi().useHandle(h -> new vn.loa.server.user.UserRepository().mustChangePassword(h, "admin", must));
    }
}
