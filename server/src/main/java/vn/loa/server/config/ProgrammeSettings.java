package vn.loa.server.config;

import java.time.Duration;
import java.util.Properties;

/**
 * How programmes run: the clock clustered over a shared PostgreSQL or alone, its firing threads, how late an airing may
 * still start after downtime; the largest recorded programme a clerk may upload; how long a relay may be silent; how
 * long a notice's slide stays on the boards after it went off air; the longest programme; how long an announcement
 * may wait to start before the air counts as behind; how long and how many speech previews may be made at once; how
 * close two airings of a repeating rule may be; how much of the data folder's disk must stay free for uploads to be
 * taken; how long a session's relay or recording may be dead air before its fallback airs, and how long sound must
 * last before the air goes back to it (ADR 0053); how long a speaker may take to confirm an alert before its
 * contacts are told it is down (issue 19).
 */
public record ProgrammeSettings(boolean clustered, int threads, Duration lateLimit, long uploadLimit,
        Duration relaySilenceLimit, Duration boardNoticeLinger, Duration maxDuration, Duration airLagLimit,
        int previewMaxChars, int previewConcurrency, Duration minInterval, long diskMinFree, Duration deadAirLimit,
        Duration deadAirReturn, Duration alertDownAfter) {

    static ProgrammeSettings from(Properties p) {
        String clustered = p.getProperty("schedule.clustered", "false").trim();
        if (!clustered.equals("true") && !clustered.equals("false")) {
            throw new ConfigException("schedule.clustered (LOA_SCHEDULE_CLUSTERED) must be true or false, got '"
                    + clustered + "'");
        }
        return new ProgrammeSettings(Boolean.parseBoolean(clustered), number(p, "schedule.threads", 1, 64),
                Duration.ofSeconds(number(p, "schedule.late.limit", 1, 7 * 24 * 3600)),
                number(p, "audio.upload.limit", 1, 4096) * 1024L * 1024L,
                Duration.ofSeconds(number(p, "relay.silence.limit", 1, 3600)),
                Duration.ofSeconds(number(p, "board.notice.linger", 0, 24 * 3600)),
                Duration.ofMinutes(number(p, "programme.max.duration", 1, 48 * 60)),
                Duration.ofSeconds(number(p, "air.lag.limit", 1, 3600)),
                number(p, "preview.max.chars", 1, 20_000),
                number(p, "preview.concurrency", 1, 64),
                Duration.ofSeconds(number(p, "schedule.min.interval", 1, 24 * 3600)),
                number(p, "disk.min.free", 0, 1_000_000) * 1024L * 1024L,
                Duration.ofMillis(number(p, "session.dead.air.limit.ms", 200, 3_600_000)),
                Duration.ofMillis(number(p, "session.dead.air.return.ms", 20, 600_000)),
                Duration.ofSeconds(number(p, "alert.down.after", 1, 3600)));
    }

    /** These settings with the programme clock clustered when {@code cluster} (a cluster's members share one). */
    ProgrammeSettings clusteredIf(boolean cluster) {
        return !cluster || clustered ? this : new ProgrammeSettings(true, threads, lateLimit, uploadLimit,
                relaySilenceLimit, boardNoticeLinger, maxDuration, airLagLimit, previewMaxChars, previewConcurrency,
                minInterval, diskMinFree, deadAirLimit, deadAirReturn, alertDownAfter);
    }

    private static int number(Properties p, String key, int min, int max) {
        String value = p.getProperty(key, "").trim();
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the key's name
        }
        throw new ConfigException(key + " (" + ConfigLoader.envName(key) + ") must be a whole number between " + min
                + " and " + max + ", got '" + value + "'");
    }
}
