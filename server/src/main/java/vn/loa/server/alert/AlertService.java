package vn.loa.server.alert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.core.model.Priority;
import vn.loa.server.announcement.AnnouncementService;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.db.Rows;
import vn.loa.server.refusal.Refusal;

/**
 * Turns alerts into announcements. A JSON alert always airs at once as EMERGENCY. A CAP message airs at once as
 * EMERGENCY when it is Actual, Immediate or Expected, and Extreme or Severe; any other Actual alert waits for an
 * approver as a normal notice (the commune decides when); Test and Exercise air the same way but only on drill zones
 * ({@link AlertDrills}); System and Draft messages are recorded, never aired. Update and Cancel first cancel what the
 * alerts they reference put on air. Blocking (JDBC, on a worker).
 */
public final class AlertService {

    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);
    private static final Set<String> SEVERE = Set.of("Extreme", "Severe");
    private static final Set<String> URGENT = Set.of("Immediate", "Expected");

    private final Jdbi jdbi;
    private final AnnouncementService announcements;
    private final AlertAreas areas;
    private final AlertReach reach;
    private final AlertBanners banners;
    private final AlertPlans plans;
    private final AlertAiring airing;
    private final AuditLog audit;
    private final Clock clock;

    public AlertService(Jdbi jdbi, AnnouncementService announcements, AlertAreas areas, AlertBanners banners,
            AlertPlans plans, Function<String, Optional<String>> voiceOf, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.announcements = announcements;
        this.areas = areas;
        this.reach = new AlertReach(areas);
        this.banners = banners;
        this.plans = plans;
        this.airing = new AlertAiring(jdbi, announcements, plans, banners, voiceOf);
        this.audit = audit;
        this.clock = clock;
    }

    /** The repeat plans the alerts of each unit follow. */
    public AlertPlans plans() {
        return plans;
    }

    /** A JSON alert ({@code headline, text?, zones, severity?}): EMERGENCY on the given zones, now. */
    public JsonObject json(Caller caller, String headline, String text, List<String> zones, String severity) {
        requireRaiser(caller);
        areas.requireInScope(caller, zones);
        String identifier = UUID.randomUUID().toString();
        long alertId = record(caller, caller.address(), identifier, clock.instant().toString(), "Alert", "Actual",
                severity, "Immediate", headline, "aired");
        long id = airing.json(caller, alertId, headline, text, zones, severity);
        return answer(alertId, identifier, "aired", List.of(id), zones, List.of());
    }

    /** A CAP 1.2 message that passed the schema and the signature rule; {@code signer} is null when unsigned. */
    public JsonObject cap(Caller caller, CapAlert cap, String signer) {
        requireRaiser(caller);
        if (jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM alert WHERE sender = :s AND identifier = :i")
                .bind("s", cap.sender()).bind("i", cap.identifier()).mapTo(Integer.class).one()) > 0) {
            throw Refusal.conflict("duplicate_alert", "Bản tin CAP '" + cap.identifier() + "' của '" + cap.sender()
                    + "' đã được nhận trước đó.");
        }
        List<Long> cancelled = new ArrayList<>();
        if (cap.msgType().equals("Cancel") || cap.msgType().equals("Update")) {
            cancelled.addAll(cancelReferenced(caller, cap));
        }
        CapAlert.Info info = cap.spokenInfo();
        if (cap.msgType().equals("Cancel") || cap.msgType().equals("Ack") || cap.msgType().equals("Error")
                || info == null) {
            String outcome = cap.msgType().equals("Cancel") ? "cancelled" : "recorded";
            long alertId = record(caller, cap, info, outcome, null, signer);
            return answer(alertId, cap.identifier(), outcome, cancelled, List.of(), List.of());
        }
        // Which zones: by polygon, circle, geocode and area name (AlertReach, ADR 0045).
        AlertReach.Reach reach = jdbi.withHandle(h -> this.reach.of(h, caller, info));
        List<String> zoneList = reach.zoneIds();
        List<String> unmatched = reach.unmatched();
        if (zoneList.isEmpty()) {
            LOG.warn("CAP {} from {} refused: no known area in {}", cap.identifier(), caller.address(), info.areas());
            List<String> names = new ArrayList<>();
            info.areas().forEach(a -> {
                names.add(a.areaDesc());
                names.addAll(a.geocodes());
            });
            throw new Refusal(Refusal.Kind.UNUSABLE, "unknown_area", "Không vùng nào trong bản tin (" + String.join(", ", names)
                    + ") được gán cho khu vực của đơn vị, và không loa, bảng tin hay ranh giới khu vực nào nằm trong "
                    + "<polygon>/<circle> của bản tin. Quản trị viên đặt tên vùng tại PUT /api/v1/alerts/areas, mã "
                    + "vùng và ranh giới tại /api/v1/zones/{id}/geocode và /boundary.");
        }
        String headline = firstNonBlank(info.headline(), info.event(), cap.identifier());
        String spoken = String.join(". ", nonBlank(headline, info.description(), info.instruction()));
        boolean drill = AlertDrills.isDrill(cap.status());
        if (drill) {
            // Exercise and Test air only on drill zones, announced as a drill (AlertDrills).
            List<String> reached = zoneList;
            zoneList = jdbi.withHandle(h -> AlertDrills.drillZones(h, reached));
            headline = AlertDrills.headline(headline);
            spoken = AlertDrills.spoken(spoken);
            LOG.info("DRILL: CAP {} {} from {} airs on drill zones {} of {}", cap.status(), cap.identifier(),
                    caller.address(), zoneList, reached);
        }
        if (!cap.status().equals("Actual") && (!drill || zoneList.isEmpty())) {
            long alertId = record(caller, cap, info, "not_aired", reach, signer);
            return answer(alertId, cap.identifier(), "not_aired", cancelled, zoneList, unmatched).put("reach",
                    reach.json());
        }
        Instant expires = expires(info);
        if (expires != null && !clock.instant().isBefore(expires)) {
            // Past its <expires> on arrival (a feed late, a queue replayed): kept for the record, never aired.
            long alertId = record(caller, cap, info, "expired", reach, signer);
            return answer(alertId, cap.identifier(), "expired", cancelled, zoneList, unmatched).put("reach",
                    reach.json());
        }
        if (SEVERE.contains(info.severity()) && URGENT.contains(info.urgency())) {
            String outcome = drill ? "drill_aired" : "aired";
            long alertId = record(caller, cap, info, outcome, reach, signer);
            AlertAiring.Aired aired = airing.cap(caller, alertId, cap, zoneList, drill, expires);
            return answer(alertId, cap.identifier(), outcome, aired.announcements(), zoneList, unmatched)
                    .put("reach", reach.json()).put("languages", aired.languages());
        }
        long alertId = record(caller, cap, info, drill ? "drill_awaiting_approval" : "awaiting_approval", reach,
                signer);
        Announcement draft = announcements.create(caller, AlertAiring.draft(headline, spoken, zoneList,
                Priority.SCHEDULED, null, 1, true));
        announcements.submit(caller, draft.id());
        link(alertId, draft.id());
        return answer(alertId, cap.identifier(), drill ? "drill_awaiting_approval" : "awaiting_approval",
                List.of(draft.id()), zoneList, unmatched).put("reach", reach.json());
    }

    /** The info's {@code <expires>} (the schema has checked its form); null when absent. */
    static Instant expires(CapAlert.Info info) {
        return info.expires() == null ? null : java.time.OffsetDateTime.parse(info.expires()).toInstant();
    }

    /** Cancels whatever the referenced alerts still have waiting or on air; the ids of the cancelled announcements. */
    private List<Long> cancelReferenced(Caller caller, CapAlert cap) {
        List<Long> cancelled = new ArrayList<>();
        boolean anyKnown = false;
        for (CapAlert.Reference ref : cap.references()) {
            List<Long> alertIds = jdbi.withHandle(h -> h.createQuery("SELECT id FROM alert WHERE sender = :s "
                    + "AND identifier = :i").bind("s", ref.sender()).bind("i", ref.identifier()).mapTo(Long.class).list());
            for (long alertId : alertIds) {
                anyKnown = true;
                banners.withdraw(alertId);
                // The series ends here: no further airing of an alert cancelled or replaced.
                jdbi.useHandle(h -> h.createUpdate("UPDATE alert SET repeat_left = 0 WHERE id = :id")
                        .bind("id", alertId).execute());
                List<Long> ids = jdbi.withHandle(h -> h.createQuery("SELECT announcement_id FROM alert_announcement "
                        + "WHERE alert_id = :a").bind("a", alertId).mapTo(Long.class).list());
                for (long id : ids) {
                    AnnouncementState state = announcements.find(id).map(Announcement::state).orElse(null);
                    if (state != null && state.canMoveTo(AnnouncementState.CANCELLED)) {
                        announcements.cancel(caller, id, cap.msgType() + " " + cap.identifier());
                        cancelled.add(id);
                    }
                }
            }
        }
        if (!anyKnown && cap.msgType().equals("Cancel")) {
            LOG.warn("CAP Cancel {} from {} refused: references no known alert", cap.identifier(), caller.address());
            throw new Refusal(Refusal.Kind.UNUSABLE,
                    "unknown_reference", "Bản tin hủy (Cancel) không tham chiếu bản tin nào Loa đã "
                    + "nhận. Kiểm tra mục <references> (sender,identifier,sent).");
        }
        return cancelled;
    }

    private long record(Caller caller, CapAlert cap, CapAlert.Info info, String outcome, AlertReach.Reach reach,
            String signer) {
        long id = record(caller, cap.sender(), cap.identifier(), cap.sent(), cap.msgType(), cap.status(),
                info == null ? null : info.severity(), info == null ? null : info.urgency(),
                info == null ? null : firstNonBlank(info.headline(), info.event(), ""), outcome);
        Instant expires = info == null ? null : expires(info);
        jdbi.useHandle(h -> h.createUpdate("UPDATE alert SET reach = :r, signer = :s, expires = :e WHERE id = :id")
                .bind("r", reach == null ? null : cut(reach.json().encode(), 200_000)).bind("s", cut(signer, 1000))
                .bind("e", expires == null ? null : Rows.utc(expires))
                .bind("id", id).execute());
        return id;
    }

    private long record(Caller caller, String sender, String identifier, String sent, String msgType, String status,
            String severity, String urgency, String headline, String outcome) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("INSERT INTO alert (sender, identifier, sent, msg_type, status, severity, urgency, "
                            + "headline, outcome, received_by, unit_path, received_at) VALUES (:sender, :identifier, "
                            + ":sent, :msgType, :status, :severity, :urgency, :headline, :outcome, :by, :unit, :at)")
                    .bind("sender", cut(sender, 255)).bind("identifier", cut(identifier, 255)).bind("sent", cut(sent, 40))
                    .bind("msgType", msgType).bind("status", status).bind("severity", severity)
                    .bind("urgency", urgency).bind("headline", headline == null ? null : cut(headline, 300))
                    .bind("outcome", outcome).bind("by", cut(caller.address(), 100)).bind("unit", caller.unitPath())
                    .bind("at", Rows.utc(clock.instant()))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.record(h, caller, "alert.receive", "alert:" + id, msgType + " " + status + " '" + identifier
                    + "' từ " + sender + ": " + outcome);
            return id;
        });
    }

    /** Records a refused alert of a known sender, with the status answered, in the audit log where the unit's admin sees it. */
    public void refused(Caller caller, String kind, int status, Refusal error) {
        jdbi.useHandle(h -> audit.record(h, caller, "alert.refused", null, kind + " " + status + " "
                + error.code() + ": " + error.getMessage()));
    }

    private void link(long alertId, long announcementId) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO alert_announcement (alert_id, announcement_id) VALUES (:a, :n)")
                .bind("a", alertId).bind("n", announcementId).execute());
    }

    /** The alerts received in the caller's unit and below, newest first. */
    public JsonArray list(Caller caller, int limit) {
        return list(jdbi, caller, limit);
    }

    /** The alerts received in the caller's unit and below, newest first. */
    static JsonArray list(Jdbi jdbi, Caller caller, int limit) {
        return jdbi.withHandle(h -> new JsonArray(h.createQuery("SELECT id, sender, identifier, sent, msg_type, status, "
                        + "severity, urgency, headline, outcome, received_by, received_at FROM alert "
                        + "WHERE LEFT(unit_path, :n) = :prefix ORDER BY id DESC LIMIT :limit")
                .bind("n", caller.unitPath().length()).bind("prefix", caller.unitPath()).bind("limit", limit)
                .map((rs, ctx) -> new JsonObject().put("id", rs.getLong("id")).put("sender", rs.getString("sender"))
                        .put("identifier", rs.getString("identifier")).put("sent", rs.getString("sent"))
                        .put("msgType", rs.getString("msg_type")).put("status", rs.getString("status"))
                        .put("severity", rs.getString("severity")).put("urgency", rs.getString("urgency"))
                        .put("headline", rs.getString("headline")).put("outcome", rs.getString("outcome"))
                        .put("receivedBy", rs.getString("received_by"))
                        .put("receivedAt", Rows.instant(rs, "received_at").toString()))
                .list()));
    }

    private static JsonObject answer(long alertId, String identifier, String outcome, List<Long> announcements,
            List<String> zones, List<String> unmatched) {
        JsonObject json = new JsonObject().put("id", alertId).put("identifier", identifier).put("outcome", outcome)
                .put("announcements", new JsonArray(announcements)).put("zones", new JsonArray(zones));
        return unmatched.isEmpty() ? json : json.put("unmatchedAreas", new JsonArray(unmatched));
    }

    private static void requireRaiser(Caller caller) {
        if (!caller.may(Action.APPROVE)) {
            throw Refusal.forbidden("Chỉ lãnh đạo hoặc khóa API cảnh báo được phát cảnh báo khẩn cấp.");
        }
    }

    private static String firstNonBlank(String... values) {
        return AlertAiring.firstNonBlank(values);
    }

    private static List<String> nonBlank(String... values) {
        return AlertAiring.nonBlank(values);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
