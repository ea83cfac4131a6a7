package vn.loa.server.schedule;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.Priority;
import vn.loa.scheduler.QuietWindow;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.refusal.Refusal;
import vn.loa.server.zone.ZoneGuard;

/**
 * Quiet hours per zone (say 22:00 to 05:00, Vietnam time): nothing but an EMERGENCY airs in a zone during its quiet
 * hours, nor in a zone whose parent or child is quiet (an announcement to a commune reaches its quiet village).
 * The rule of one window is the scheduler's {@link QuietWindow}; this class stores windows and applies them. Blocking
 * (JDBC).
 */
public final class QuietHours {

    private final Jdbi jdbi;
    private final ZoneGuard zones;
    private final AuditLog audit;

    public QuietHours(Jdbi jdbi, ZoneGuard zones, AuditLog audit) {
        this.jdbi = jdbi;
        this.zones = zones;
        this.audit = audit;
    }

    /** Why {@code a} may not air at {@code t}, naming the quiet zone; empty when it may (always for an EMERGENCY). */
    public Optional<String> refusal(Announcement a, Instant t) {
        if (a.priority() == Priority.EMERGENCY) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT q.zone_id, q.start_minute, q.end_minute FROM zone_quiet_hours q "
                        + "JOIN zone z ON z.id = q.zone_id JOIN zone t ON t.id IN (<targets>) "
                        + "WHERE LEFT(z.path, LENGTH(t.path)) = t.path OR LEFT(t.path, LENGTH(z.path)) = z.path")
                .bindList("targets", a.zones())
                .map((rs, ctx) -> new Object[] {rs.getString(1), QuietWindow.ofMinutes(rs.getInt(2), rs.getInt(3))})
                .list())
                .stream().filter(row -> ((QuietWindow) row[1]).contains(t)).findFirst()
                .map(row -> "giờ yên tĩnh của khu vực " + row[0] + " (" + row[1] + "): chỉ tin khẩn cấp được phát"
                        + " / quiet hours");
    }

    public Optional<QuietWindow> of(Caller caller, String zone) {
        return jdbi.inTransaction(h -> {
            zones.inScope(h, caller, zone);
            return h.createQuery("SELECT start_minute, end_minute FROM zone_quiet_hours WHERE zone_id = :z")
                    .bind("z", zone).map((rs, ctx) -> QuietWindow.ofMinutes(rs.getInt(1), rs.getInt(2))).findOne();
        });
    }

    /** Sets (or with null clears) a zone's quiet hours; the zone's technician or admin. */
    public Optional<QuietWindow> set(Caller caller, String zone, QuietWindow window) {
        if (!caller.may(Action.MANAGE_DEVICES)) {
            throw Refusal.forbidden("Chỉ kỹ thuật viên hoặc quản trị được đặt giờ yên tĩnh.");
        }
        jdbi.useTransaction(h -> {
            zones.inScope(h, caller, zone);
            h.createUpdate("DELETE FROM zone_quiet_hours WHERE zone_id = :z").bind("z", zone).execute();
            if (window != null) {
                h.createUpdate("INSERT INTO zone_quiet_hours (zone_id, start_minute, end_minute) VALUES (:z, :s, :e)")
                        .bind("z", zone).bind("s", window.startMinute()).bind("e", window.endMinute()).execute();
            }
            audit.record(h, caller, "zone.quiet-hours", "zone:" + zone, window == null ? "cleared" : window.toString());
        });
        return Optional.ofNullable(window);
    }

    /** Reads {@code "22:00"}-style times; refuses malformed or equal ones (a zone quiet all day has no speakers). */
    public static QuietWindow parse(String from, String to) {
        return QuietWindow.parse(from, to).orElseThrow(() -> Refusal.invalid("invalid_quiet_hours",
                "Giờ yên tĩnh cần 'from' và 'to' dạng HH:mm (giờ Việt Nam) và khác nhau, ví dụ "
                        + "{\"from\": \"22:00\", \"to\": \"05:00\"}."));
    }
}
