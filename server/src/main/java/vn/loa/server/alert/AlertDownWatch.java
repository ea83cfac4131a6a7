package vn.loa.server.alert;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.audit.AuditLog;

/**
 * Finds the speakers an alert did not reach (issue 19, item 7): a delivery that failed, or that was not confirmed
 * within {@code alert.down.after} seconds of being handed to the node (SENT counts as aired: an RTP speaker cannot
 * confirm more), in the last hour. Each (alert, node) is reported once: audited
 * ({@code alert.speakers_down}) and passed to the listener, which tells the unit's contacts through the plugins'
 * outbound channels. Blocking (JDBC); run from {@link AlertBackground}.
 */
public final class AlertDownWatch {

    /** Speakers of one alert found down in one pass. */
    public record Down(long alertId, String headline, String unitPath, String receivedBy, List<String> nodes,
            List<String> nodeNames, List<String> reasons) {

        /** What the contacts read (the notify plugin adds the KHẨN CẤP mark): the alert, each speaker and why. */
        public String message() {
            StringBuilder m = new StringBuilder("Loa không phát cảnh báo");
            if (headline != null) {
                m.append(" \"").append(headline).append('"');
            }
            m.append(':');
            for (int i = 0; i < nodes.size(); i++) {
                m.append(i == 0 ? " " : "; ").append(nodeNames.get(i)).append(" (").append(reasons.get(i)).append(')');
            }
            return m.length() <= 600 ? m.toString() : m.substring(0, 599) + "…";
        }
    }

    /** How far back, beyond {@code after}, a delivery is still looked at. */
    private static final Duration RECENT = Duration.ofHours(1);

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration after;
    private final Consumer<Down> listener;

    AlertDownWatch(Jdbi jdbi, AuditLog audit, Clock clock, Duration after, Consumer<Down> listener) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
        this.after = after;
        this.listener = listener;
    }

    /** One pass: records, audits and reports the speakers newly found down. */
    void tick() {
        Instant now = clock.instant();
        Map<Long, Down> found = jdbi.inTransaction(h -> {
            Map<Long, Down> byAlert = new LinkedHashMap<>();
            java.util.Set<String> told = new java.util.HashSet<>();
            h.createQuery("SELECT l.alert_id, d.node_id, n.name, d.state, d.detail, "
                            + "a.headline, a.unit_path, a.received_by FROM alert_announcement l "
                            + "JOIN alert a ON a.id = l.alert_id "
                            + "JOIN delivery d ON d.announcement_id = l.announcement_id "
                            + "LEFT JOIN node n ON n.id = d.node_id "
                            + "WHERE (d.state = 'FAILED' OR (d.state = 'PENDING' AND d.updated_at <= :due)) "
                            + "AND d.updated_at > :since "
                            + "AND NOT EXISTS (SELECT 1 FROM alert_speaker_down s WHERE s.alert_id = l.alert_id "
                            + "AND s.node_id = d.node_id) "
                            + "AND NOT EXISTS (SELECT 1 FROM alert_announcement l2 JOIN delivery d2 "
                            + "ON d2.announcement_id = l2.announcement_id WHERE l2.alert_id = l.alert_id "
                            + "AND d2.node_id = d.node_id AND l2.airing > l.airing) "
                            + "ORDER BY l.alert_id, d.node_id")
                    .bind("due", Timestamp.from(now.minus(after)))
                    // Only recent deliveries: old alerts' failures (before an upgrade, a long outage) are not news.
                    .bind("since", Timestamp.from(now.minus(after).minus(RECENT)))
                    .map((rs, ctx) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                    .list()
                    .forEach(r -> {
                        if (!told.add(r.alert() + "/" + r.node())) {
                            return; // one airing in several languages: the node once
                        }
                        Down d = byAlert.computeIfAbsent(r.alert(), id -> new Down(id, r.headline(), r.unitPath(),
                                r.receivedBy(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
                        String why = r.detail() != null ? r.detail()
                                : "FAILED".equals(r.state()) ? "không phát được" : "không xác nhận đã phát";
                        d.nodes().add(r.node());
                        d.nodeNames().add(r.name() == null ? r.node() : r.name());
                        d.reasons().add(why);
                        h.createUpdate("INSERT INTO alert_speaker_down (alert_id, node_id, state, why, told_at) "
                                        + "VALUES (:a, :n, :s, :w, :t)")
                                .bind("a", r.alert()).bind("n", r.node()).bind("s", r.state())
                                .bind("w", why).bind("t", Timestamp.from(now)).execute();
                    });
            for (Down d : byAlert.values()) {
                audit.record(h, "system", null, d.unitPath(), "alert.speakers_down", "alert:" + d.alertId(),
                        String.join(", ", d.nodes()));
            }
            return byAlert;
        });
        found.values().forEach(listener);
    }

    private record Row(long alert, String node, String name, String state, String detail, String headline,
            String unitPath, String receivedBy) {
    }
}
