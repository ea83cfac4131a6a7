package vn.loa.server.alert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.db.Rows;
import vn.loa.server.refusal.Refusal;

/**
 * The CAP feeds (Atom or RSS) of alerting authorities a unit polls ({@code /api/v1/alerts/feeds}, ADR 0051), and how
 * each poll went. Admins only, audited; alerts from a feed are taken in as the admin who added it, with an approver's
 * rights, like an API key. Blocking (JDBC).
 */
public final class AlertFeeds {

    private static final int MAX_PER_UNIT = 20;
    static final int MIN_INTERVAL_SECONDS = 1;
    static final int MAX_INTERVAL_SECONDS = 24 * 3600;

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    public AlertFeeds(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /** The feeds of the caller's unit: {id, url, intervalSeconds, failures, lastStatus, lastPolledAt, nextPollAt}. */
    public JsonArray list(Caller caller) {
        requireAdmin(caller);
        return jdbi.withHandle(h -> new JsonArray(h.createQuery("SELECT id, url, interval_s, failures, last_status, "
                        + "last_polled_at, next_poll_at FROM alert_feed WHERE unit_id = :u ORDER BY id")
                .bind("u", caller.unitId())
                .map((rs, ctx) -> new JsonObject().put("id", rs.getLong("id")).put("url", rs.getString("url"))
                        .put("intervalSeconds", rs.getInt("interval_s")).put("failures", rs.getInt("failures"))
                        .put("lastStatus", rs.getString("last_status"))
                        .put("lastPolledAt", rs.getObject("last_polled_at") == null ? null
                                : Rows.instant(rs, "last_polled_at").toString())
                        .put("nextPollAt", Rows.instant(rs, "next_poll_at").toString()))
                .list()));
    }

    /** Adds a feed to poll for the caller's unit, first polled at once. */
    public JsonObject add(Caller caller, String url, int intervalSeconds) {
        requireAdmin(caller);
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || url.length() > 2000) {
            throw Refusal.invalid("invalid_url", "Địa chỉ nguồn tin CAP phải là http:// hoặc https:// (tối đa 2000 "
                    + "ký tự).", "url");
        }
        if (intervalSeconds < MIN_INTERVAL_SECONDS || intervalSeconds > MAX_INTERVAL_SECONDS) {
            throw Refusal.invalid("invalid_interval", "Chu kỳ lấy tin từ " + MIN_INTERVAL_SECONDS + " đến "
                    + MAX_INTERVAL_SECONDS + " giây.", "intervalSeconds");
        }
        String clean = uri.toString();
        long id = jdbi.inTransaction(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM alert_feed WHERE unit_id = :u").bind("u", caller.unitId())
                    .mapTo(Integer.class).one() >= MAX_PER_UNIT) {
                throw Refusal.invalid("too_many", "Mỗi đơn vị lấy tin từ tối đa " + MAX_PER_UNIT + " nguồn CAP.");
            }
            long made = h.createUpdate("INSERT INTO alert_feed (unit_id, url, interval_s, owner, next_poll_at, "
                            + "failures, created_at) VALUES (:u, :url, :i, :o, :now, 0, :now)")
                    .bind("u", caller.unitId()).bind("url", clean).bind("i", intervalSeconds)
                    .bind("o", caller.username()).bind("now", Rows.utc(clock.instant()))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.record(h, caller, "alert.feed.add", "alert-feed:" + made, clean + " mỗi " + intervalSeconds + " giây");
            return made;
        });
        return list(caller).stream().map(JsonObject.class::cast).filter(f -> f.getLong("id") == id).findFirst()
                .orElseThrow();
    }

    /** Stops polling a feed of the caller's unit. */
    public void remove(Caller caller, long id) {
        requireAdmin(caller);
        jdbi.useTransaction(h -> {
            if (h.createUpdate("DELETE FROM alert_feed WHERE id = :id AND unit_id = :u").bind("id", id)
                    .bind("u", caller.unitId()).execute() == 0) {
                throw Refusal.notFound("nguồn tin CAP", String.valueOf(id));
            }
            audit.record(h, caller, "alert.feed.remove", "alert-feed:" + id, "");
        });
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.may(Action.MANAGE_USERS)) {
            throw Refusal.forbidden("Chỉ quản trị viên được quản lý nguồn tin CAP của đơn vị.");
        }
    }
}
