package vn.loa.server.backup;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import vn.loa.server.config.ConfigException;
import vn.loa.server.config.ConfigLoader;
import vn.loa.server.config.LoaConfig;
import vn.loa.server.doctor.RunningLoa;

/**
 * {@code loa backup FILE} (while the server runs or not) and {@code loa restore FILE} (into an empty data folder,
 * with the server stopped). Exit 0 when done, 1 when refused or failed (nothing overwritten), 2 for bad settings,
 * 64 for a bad command line.
 */
public final class BackupCommand {

    private BackupCommand() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.exit(run(args, System.getenv(), out, Clock.systemUTC()));
    }

    /** Runs the command with these settings ({@code LOA_*} variables); the exit status. Benchmarks call it in-process. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, Clock clock) {
        if (args.length != 2 || !(args[0].equals("backup") || args[0].equals("restore"))) {
            out.println("Dùng / usage: loa backup FILE | loa restore FILE");
            return 64;
        }
        LoaConfig config;
        try {
            config = ConfigLoader.load(env);
        } catch (ConfigException e) {
            out.println("Cấu hình sai / bad configuration: " + e.getMessage());
            return 2;
        }
        DatabaseCopy database = DatabaseCopy.of(config);
        boolean running = new RunningLoa(config.httpPort(), config.security().tls()).running();
        Path file = Path.of(args[1]);
        long start = System.nanoTime();
        try {
            BackupManifest m;
            if (args[0].equals("backup")) {
                m = new Backup(config.dataDir(), database, running, LoaVersion.current(), clock).writeTo(file);
                out.printf("Đã sao lưu / backed up: %s (%d MB, Loa %s, %s%s, %d tệp / files) trong %.1f s%n", file,
                        Files.size(file) / (1024 * 1024), m.loaVersion(), m.database(),
                        m.online() ? ", khi đang chạy / online" : "", m.entries().size() - 1, seconds(start));
            } else {
                if (running) {
                    throw new BackupException("Loa đang chạy (server running): dừng trước, sudo systemctl stop loa");
                }
                m = new Restore(config.dataDir(), database, LoaVersion.current()).from(file);
                out.printf("Đã khôi phục / restored: %s vào %s (Loa %s, sao lưu lúc %s) trong %.1f s%n", file,
                        config.dataDir(), m.loaVersion(), m.createdAt(), seconds(start));
            }
            return 0;
        } catch (BackupException | java.io.IOException e) {
            out.println("Lỗi / error: " + e.getMessage());
            return 1;
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
