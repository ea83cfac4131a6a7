package vn.loa.scheduler;

import java.time.Duration;

/**
 * How the programme clock reaches its job store and how it behaves.
 *
 * @param jdbcUrl   Loa's own database (H2 or PostgreSQL), whose migrations created the QRTZ_ tables
 * @param clustered true when several servers share one PostgreSQL: each airing then fires on exactly one of them
 * @param threads   Quartz worker threads (a job only hands the airing over, so a few are plenty)
 * @param lateLimit how late an airing may still start after downtime; older ones are skipped and reported
 */
public record ClockSettings(String jdbcUrl, String user, String password, boolean clustered, int threads,
        Duration lateLimit) {

    boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }
}
