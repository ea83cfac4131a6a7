package vn.loa.server.programme;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.scheduler.ProgrammeClock;
import vn.loa.scheduler.Recurrence;
import vn.loa.scheduler.session.RunOrder;
import vn.loa.scheduler.session.SessionPart;
import vn.loa.scheduler.session.SessionTemplate;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.announcement.RelayPolicy;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.refusal.Refusal;
import vn.loa.server.zone.ZoneGuard;

/**
 * Session templates: a clerk's templates checked and stored, each planned on the programme clock as
 * {@code session:<id>} on its cron rule; and the programme grid of a day, which shows each session's run order as it
 * would be filled now (or as it was filled, once aired). Blocking (JDBC, Quartz).
 */
public final class ProgrammeTemplates {

    private static final Logger LOG = LoggerFactory.getLogger(ProgrammeTemplates.class);

    private final Jdbi jdbi;
    private final ZoneGuard zones;
    private final RelayPolicy relays;
    private final AuditLog audit;
    private final ProgrammeClock programmes;
    private final Clock clock;
    private final TemplateRepository templates = new TemplateRepository();

    public ProgrammeTemplates(Jdbi jdbi, ZoneGuard zones, RelayPolicy relays, AuditLog audit, ProgrammeClock programmes,
            Clock clock) {
        this.jdbi = jdbi;
        this.zones = zones;
        this.relays = relays;
        this.audit = audit;
        this.programmes = programmes;
        this.clock = clock;
    }

    /** Stores a template and plans its sessions; a clerk, approver or admin of the zone's unit. */
    public JsonObject create(Caller caller, JsonObject body) {
        requireComposer(caller);
        SessionTemplate read = TemplateJson.read(0, body);
        Stream.concat(read.parts().stream().map(SessionPart::url), Stream.of(read.fallbackUrl()))
                .filter(java.util.Objects::nonNull).forEach(relays::check);
        long id = jdbi.inTransaction(h -> {
            zones.inScope(h, caller, read.zone());
            for (String audioId : audioIds(read)) {
                requireRecording(h, caller, audioId);
            }
            long made = templates.insert(h, read, caller.username(), clock.instant());
            audit.record(h, caller, "programme.template.create", "programme_template:" + made,
                    read.name() + " " + read.start() + "-" + read.end() + " @ " + read.zone());
            return made;
        });
        programmes.plan(SessionFiring.item(id), recurrence(read));
        return TemplateJson.write(find(caller, id));
    }

    /** The templates of the caller's unit (its zones, below and above it). */
    public JsonArray list(Caller caller) {
        return new JsonArray(jdbi.withHandle(h -> templates.inUse(h, caller.unitPath())).stream()
                .map(TemplateJson::write).toList());
    }

    /** Retires a template: its sessions stop; those aired stay in the log. */
    public void retire(Caller caller, long id) {
        requireComposer(caller);
        jdbi.useTransaction(h -> {
            String path = templates.zonePath(h, id).filter(caller::covers)
                    .orElseThrow(() -> Refusal.notFound("mẫu buổi phát", String.valueOf(id)));
            templates.retire(h, id, clock.instant());
            audit.record(h, caller, "programme.template.retire", "programme_template:" + id, path);
        });
        programmes.unplan(SessionFiring.item(id));
    }

    /**
     * The programme grid of {@code day} (station time): each session of the caller's templates on that day with its
     * planned start and its run order, as filled now for sessions to come and as aired for those past.
     */
    public JsonArray grid(Caller caller, LocalDate day, String zone) {
        return jdbi.withHandle(h -> {
            JsonArray sessions = new JsonArray();
            for (SessionTemplate t : templates.inUse(h, caller.unitPath())) {
                if (zone != null && !zone.equals(t.zone()) || !t.days().isEmpty()
                        && !t.days().contains(day.getDayOfWeek())) {
                    continue;
                }
                Instant at = day.atTime(t.start()).atZone(Recurrence.STATION_ZONE).toInstant();
                JsonObject session = new JsonObject().put("templateId", t.id()).put("name", t.name())
                        .put("zone", t.zone()).put("at", at.atZone(Recurrence.STATION_ZONE).toOffsetDateTime().toString())
                        .put("start", t.start().toString())
                        .put("end", t.end().toString()).put("overrun", t.overrun().name());
                var aired = h.createQuery("SELECT announcement_id, run_order FROM programme_session "
                                + "WHERE template_id = :t AND due_at = :d").bind("t", t.id())
                        .bind("d", vn.loa.server.db.Rows.utc(at))
                        .map((rs, ctx) -> new JsonObject().put("announcementId", rs.getLong(1))
                                .put("runOrder", new JsonObject(rs.getString(2)))).findOne();
                if (aired.isPresent()) {
                    session.put("state", "AIRED").mergeIn(aired.get());
                } else {
                    RunOrder order = RunOrder.plan(t, SessionMaterial.load(h, t.zone()), clock.instant());
                    session.put("state", at.isBefore(clock.instant()) ? "NOT_AIRED" : "PLANNED")
                            .put("runOrder", RunOrderJson.write(order));
                }
                sessions.add(session);
            }
            return sessions;
        });
    }

    /** Plans again, after start-up, the templates in use whose plan was lost (a crash between store and plan). */
    public void reconcile() {
        Set<String> planned = programmes.plannedItems();
        for (SessionTemplate t : jdbi.withHandle(h -> templates.inUse(h, null))) {
            if (!planned.contains(SessionFiring.item(t.id()))) {
                LOG.info("session template {} had no plan on the programme clock; planned again", t.id());
                programmes.plan(SessionFiring.item(t.id()), recurrence(t));
            }
        }
    }

    private SessionTemplate find(Caller caller, long id) {
        return jdbi.withHandle(h -> templates.find(h, id))
                .orElseThrow(() -> Refusal.notFound("mẫu buổi phát", String.valueOf(id)));
    }

    private Recurrence recurrence(SessionTemplate t) {
        return new Recurrence(clock.instant(), t.cron(), null);
    }

    private static List<String> audioIds(SessionTemplate t) {
        List<String> ids = new ArrayList<>();
        t.parts().stream().map(SessionPart::audioId).filter(java.util.Objects::nonNull).forEach(ids::add);
        if (t.betweenJingle() != null) {
            ids.add(t.betweenJingle());
        }
        return ids;
    }

    private static void requireRecording(Handle h, Caller caller, String audioId) {
        String unit = h.createQuery("SELECT unit_path FROM audio_file WHERE id = :id").bind("id", audioId)
                .mapTo(String.class).findOne().orElse(null);
        if (unit == null || !caller.overlaps(unit)) {
            throw Refusal.invalid("unknown_audio", "Không có chương trình ghi âm '" + audioId
                    + "' trong đơn vị của bạn. Hãy tải tệp lên trước.", "audioId");
        }
    }

    private static void requireComposer(Caller caller) {
        if (!caller.may(Action.COMPOSE)) {
            throw Refusal.forbidden("Chỉ cán bộ soạn tin, người phê duyệt hoặc quản trị viên được lập mẫu buổi phát.");
        }
    }
}
