package vn.loa.server.alert;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.access.Caller;
import vn.loa.server.access.Role;
import vn.loa.server.db.Rows;
import vn.loa.server.refusal.Refusal;

/**
 * Polls the CAP feeds units configured ({@link AlertFeeds}, ADR 0051): each at its interval, with If-None-Match and
 * If-Modified-Since so an unchanged feed costs a 304; each new entry's CAP message is fetched once and taken in through
 * {@link CapIntake} like a pushed one (schema, signature, audit). A failure (network, HTTP error, hostile or broken
 * XML) doubles the wait before the next poll, up to an hour, and shows in the feed's {@code lastStatus}. A feed whose
 * admin was disabled or demoted is not polled, as that admin's API keys stop working. A poll is
 * claimed by a compare-and-set on {@code next_poll_at}, so cluster members do not poll one feed twice.
 *
 * <p>{@link #pollDue} blocks (HTTP, JDBC); the timer runs it on a worker, one pass at a time.
 */
public final class AlertFeedPoller {

    private static final Logger LOG = LoggerFactory.getLogger(AlertFeedPoller.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Jdbi jdbi;
    private final CapIntake intake;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    public AlertFeedPoller(Jdbi jdbi, CapIntake intake, Clock clock) {
        this.jdbi = jdbi;
        this.intake = intake;
        this.clock = clock;
    }

    private record Feed(long id, String unitId, String unitPath, String owner, URI url, int interval, String etag,
            String lastModified, int failures, Instant due) {
    }

    /** Polls every feed whose time has come. */
    public void pollDue() {
        Instant now = clock.instant();
        List<Feed> due = jdbi.withHandle(h -> h.createQuery("SELECT f.id, f.unit_id, z.path, f.owner, f.url, "
                        + "f.interval_s, f.etag, f.last_modified, f.failures, f.next_poll_at FROM alert_feed f "
                        + "JOIN zone z ON z.id = f.unit_id JOIN app_user u ON u.username = f.owner "
                        + "WHERE f.next_poll_at <= :now AND " + AlertKeys.OWNER_ACTIVE + " ORDER BY f.next_poll_at")
                .bind("now", Rows.utc(now))
                .map((rs, ctx) -> new Feed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        URI.create(rs.getString(5)), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getInt(9),
                        Rows.instant(rs, "next_poll_at")))
                .list());
        for (Feed feed : due) {
            // Claimed for the length of a poll at most; the outcome sets the real next time.
            boolean claimed = jdbi.withHandle(h -> h.createUpdate("UPDATE alert_feed SET next_poll_at = :later "
                            + "WHERE id = :id AND next_poll_at = :due").bind("later", Rows.utc(now.plus(TIMEOUT.multipliedBy(6))))
                    .bind("id", feed.id()).bind("due", Rows.utc(feed.due())).execute()) == 1;
            if (claimed) {
                poll(feed);
            }
        }
    }

    private void poll(Feed feed) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(feed.url()).timeout(TIMEOUT)
                    .header("Accept", "application/atom+xml, application/rss+xml, application/xml;q=0.9, */*;q=0.1");
            if (feed.etag() != null) {
                request.header("If-None-Match", feed.etag());
            }
            if (feed.lastModified() != null) {
                request.header("If-Modified-Since", feed.lastModified());
            }
            HttpResponse<InputStream> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (answer.statusCode() == 304) {
                answer.body().close();
                done(feed, feed.etag(), feed.lastModified(), "304 không đổi");
                return;
            }
            byte[] body = limited(answer.body(), CapFeedReader.MAX_BYTES + 1);
            if (answer.statusCode() != 200) {
                failed(feed, "HTTP " + answer.statusCode());
                return;
            }
            List<CapFeedReader.Entry> entries = CapFeedReader.read(body, feed.url());
            int taken = 0;
            for (CapFeedReader.Entry entry : entries) {
                if (take(feed, entry)) {
                    taken++;
                }
            }
            done(feed, answer.headers().firstValue("ETag").orElse(null),
                    answer.headers().firstValue("Last-Modified").orElse(null),
                    "200: " + entries.size() + " mục, " + taken + " mới");
        } catch (Refusal e) {
            failed(feed, e.code() + ": " + e.getMessage());
        } catch (IOException e) {
            failed(feed, "lỗi mạng: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Takes one entry in unless it was before; true when it is new. A refused message is not tried again. */
    private boolean take(Feed feed, CapFeedReader.Entry entry) throws IOException, InterruptedException {
        String id = entry.id().length() > 512 ? entry.id().substring(0, 512) : entry.id();
        boolean seen = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM alert_feed_entry WHERE feed_id = :f "
                + "AND entry_id = :e").bind("f", feed.id()).bind("e", id).mapTo(Integer.class).one()) > 0;
        if (seen) {
            return false;
        }
        byte[] xml = entry.inline();
        if (xml == null) {
            HttpResponse<InputStream> cap = http.send(HttpRequest.newBuilder(entry.capUrl()).timeout(TIMEOUT)
                    .header("Accept", "application/cap+xml, application/xml").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            xml = limited(cap.body(), CapParser.MAX_BYTES + 1);
            if (cap.statusCode() != 200) {
                throw new IOException("HTTP " + cap.statusCode() + " for " + entry.capUrl());
            }
        }
        Caller caller = new Caller(feed.owner(), Role.APPROVER, feed.unitId(), feed.unitPath(),
                cut("feed:" + feed.id() + "@" + feed.url().getHost(), 100));
        try {
            intake.take(caller, "CAP feed", xml);
        } catch (Refusal e) {
            // Audited by the intake; a duplicate (pushed too, or another member's) is no failure of the feed.
            LOG.warn("CAP feed {} entry {} refused: {} {}", feed.id(), id, e.code(), e.getMessage());
        }
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO alert_feed_entry (feed_id, entry_id) VALUES (:f, :e)")
                .bind("f", feed.id()).bind("e", id).execute());
        return true;
    }

    private void done(Feed feed, String etag, String lastModified, String status) {
        Instant now = clock.instant();
        jdbi.useHandle(h -> h.createUpdate("UPDATE alert_feed SET etag = :etag, last_modified = :lm, failures = 0, "
                        + "last_status = :s, last_polled_at = :now, next_poll_at = :next WHERE id = :id")
                .bind("etag", cut(etag, 512)).bind("lm", cut(lastModified, 64)).bind("s", cut(status, 300))
                .bind("now", Rows.utc(now)).bind("next", Rows.utc(now.plusSeconds(feed.interval())))
                .bind("id", feed.id()).execute());
    }

    private void failed(Feed feed, String status) {
        Instant now = clock.instant();
        Duration wait = backoff(Duration.ofSeconds(feed.interval()), feed.failures() + 1);
        LOG.warn("CAP feed {} ({}) failed {} time(s) in a row, next poll in {}: {}", feed.id(), feed.url(),
                feed.failures() + 1, wait, status);
        jdbi.useHandle(h -> h.createUpdate("UPDATE alert_feed SET failures = failures + 1, last_status = :s, "
                        + "last_polled_at = :now, next_poll_at = :next WHERE id = :id")
                .bind("s", cut(status, 300)).bind("now", Rows.utc(now)).bind("next", Rows.utc(now.plus(wait)))
                .bind("id", feed.id()).execute());
    }

    /** The wait after {@code failures} failures in a row: the interval doubled each time, at most an hour. */
    static Duration backoff(Duration interval, int failures) {
        Duration wait = interval;
        for (int i = 0; i < failures && wait.compareTo(MAX_BACKOFF) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private static byte[] limited(InputStream in, int max) throws IOException {
        try (in) {
            return in.readNBytes(max);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
