package vn.loa.server.doctor;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.loa.server.config.ConfigException;
import vn.loa.server.config.ConfigLoader;
import vn.loa.server.config.LoaConfig;

/**
 * {@code loa doctor [--ntp HOST]}: checks what a broadcast depends on and explains each finding in Vietnamese (with
 * the English term in brackets). Exits 1 when something blocks a broadcast, 2 when the settings cannot be read,
 * 0 otherwise (warnings included).
 */
public final class Doctor {

    static final String DEFAULT_NTP = "pool.ntp.org";

    private Doctor() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.exit(run(args, System.getenv(), out));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out) {
        String ntp = DEFAULT_NTP;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--ntp") && i + 1 < args.length) {
                ntp = args[++i];
            } else {
                out.println("Dùng / usage: loa doctor [--ntp HOST]");
                return 64;
            }
        }
        out.println("Loa doctor: kiểm tra máy trước khi phát / checking this machine");
        LoaConfig config;
        try {
            config = ConfigLoader.load(env);
        } catch (ConfigException e) {
            print(out, Finding.fail("Cấu hình (settings)", env.getOrDefault("LOA_CONFIG", "loa.conf") + ": "
                    + e.getMessage()));
            return 2;
        }
        return report(checks(config, ntp, HostCommands.system(), NtpProbe.commonsNet(), Clock.systemUTC()), out);
    }

    /** Every check, in the order a technician fixes things. */
    static List<Check> checks(LoaConfig config, String ntpServer, HostCommands host, NtpProbe ntp, Clock clock) {
        RunningLoa loa = new RunningLoa(config.httpPort(), config.security().tls());
        List<Check> checks = new ArrayList<>(List.of(
                new JavaCheck(Runtime.version()),
                new SpeechCheck(host),
                new PortCheck("Cổng HTTP (HTTP port)", config.httpHost(), config.httpPort(), false, loa::running),
                new DataDirCheck(config.dataDir(), config.programmes().diskMinFree() / (1024 * 1024),
                        DataDirCheck::usableSpace),
                new DatabaseCheck(config.dbUrl(), config.dbUser(), config.dbPassword(), loa::databaseUp),
                new ClockCheck(ntpServer, ntp, host),
                new TlsCheck(config.security().tlsCertificate(), config.security().tlsKey(), clock)));
        if (config.hotline().enabled()) {
            var sip = config.hotline().settings();
            checks.add(new PortCheck("Cổng SIP đường dây nóng (hotline SIP port)", sip.listenHost(), sip.port(), true,
                    loa::running));
        } else {
            checks.add(() -> Finding.ok("Đường dây nóng (hotline)", "không bật (hotline.enabled=false)"));
        }
        return checks;
    }

    /** Runs the checks, prints each finding and a conclusion; the exit status. */
    static int report(List<Check> checks, PrintStream out) {
        int failures = 0;
        int warnings = 0;
        for (Check check : checks) {
            Finding f = check.run();
            print(out, f);
            failures += f.verdict() == Finding.Verdict.FAIL ? 1 : 0;
            warnings += f.verdict() == Finding.Verdict.WARN ? 1 : 0;
        }
        if (failures > 0) {
            out.println("Kết luận: " + failures + " lỗi chặn việc phát, cần sửa trước (" + failures
                    + " problem(s) block broadcasting)");
            return 1;
        }
        out.println("Kết luận: sẵn sàng phát" + (warnings > 0 ? ", có " + warnings + " điều cần lưu ý" : "")
                + " (ready to broadcast)");
        return 0;
    }

    private static void print(PrintStream out, Finding f) {
        out.printf("[%s] %s: %s%n", f.verdict().label(), f.subject(), f.message());
    }
}
