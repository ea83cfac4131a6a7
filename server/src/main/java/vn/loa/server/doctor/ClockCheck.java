package vn.loa.server.doctor;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far the clock is off: store-and-forward plays notices at their time on the nodes, schedules fire by it, and
 * tokens expire by it. Asks an NTP server; without an answer, chrony's or systemd-timesyncd's own view; without
 * those, says it could not check.
 */
final class ClockCheck implements Check {

    static final String SUBJECT = "Đồng hồ (clock, NTP)";
    static final Duration TOLERANCE = Duration.ofSeconds(1);
    private static final Pattern CHRONY = Pattern.compile("System time\\s*:\\s*([0-9.]+) seconds (fast|slow)");

    private final String ntpServer;
    private final NtpProbe ntp;
    private final HostCommands host;

    ClockCheck(String ntpServer, NtpProbe ntp, HostCommands host) {
        this.ntpServer = ntpServer;
        this.ntp = ntp;
        this.host = host;
    }

    @Override
    public Finding run() {
        Optional<Duration> offset = ntp.offset(ntpServer);
        if (offset.isPresent()) {
            return judge(offset.get(), "so với máy chủ NTP " + ntpServer);
        }
        var chrony = host.run(Duration.ofSeconds(5), "chronyc", "-n", "tracking");
        if (chrony.isPresent() && chrony.get().status() == 0) {
            Matcher m = CHRONY.matcher(chrony.get().text());
            if (m.find()) {
                long micros = Math.round(Double.parseDouble(m.group(1)) * 1_000_000);
                Duration d = Duration.ofNanos(micros * 1000);
                return judge(m.group(2).equals("fast") ? d : d.negated(), "theo chrony");
            }
        }
        var timedatectl = host.run(Duration.ofSeconds(5), "timedatectl", "show", "-p", "NTPSynchronized", "--value");
        if (timedatectl.isPresent() && timedatectl.get().status() == 0) {
            if (timedatectl.get().text().strip().equals("yes")) {
                return Finding.ok(SUBJECT, "đã đồng bộ theo systemd-timesyncd (NTP synchronized)");
            }
            return Finding.warn(SUBJECT, "chưa đồng bộ NTP (not synchronized): sudo timedatectl set-ntp true; "
                    + "lịch phát và phát gửi trước (store-and-forward) dựa vào đồng hồ đúng");
        }
        return Finding.warn(SUBJECT, "không kiểm tra được (could not check): không hỏi được máy chủ NTP " + ntpServer
                + ", chrony và timedatectl không cho biết (not available). Hãy bảo đảm máy được đồng bộ giờ (NTP)");
    }

    private Finding judge(Duration ahead, String how) {
        String text = describe(ahead) + " " + how;
        if (ahead.abs().compareTo(TOLERANCE) > 0) {
            return Finding.warn(SUBJECT, text + " (clock offset): lịch phát và phát gửi trước (store-and-forward) "
                    + "sẽ lệch; bật đồng bộ giờ: sudo timedatectl set-ntp true hoặc cài chrony");
        }
        return Finding.ok(SUBJECT, text);
    }

    private static String describe(Duration ahead) {
        long ms = Math.abs(ahead.toMillis());
        String amount = ms >= 10_000 ? (ms / 1000) + " s" : ms + " ms";
        return ahead.isNegative() ? "chậm " + amount : "nhanh " + amount;
    }
}
