package vn.loa.server.programme;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.core.model.Priority;
import vn.loa.core.model.Schedule;
import vn.loa.scheduler.Firing;
import vn.loa.scheduler.Recurrence;
import vn.loa.scheduler.session.PlannedItem;
import vn.loa.scheduler.session.RunOrder;
import vn.loa.scheduler.session.SessionTemplate;
import vn.loa.server.announcement.AnnouncementSteps;
import vn.loa.server.announcement.LoaStep;
import vn.loa.server.db.Rows;

/**
 * The service behind a session's firing on the programme clock: fills the template's run order from what is approved
 * now, stores it as one announcement (approved by its template, SCHEDULED priority, the run order as its text) with
 * its session row, and hands that to the air, whose {@link SessionSounds} plays the run order. A session recorded
 * before (the same template and due time) is never aired again.
 */
public final class SessionFiring implements Firing {

    /** The programme clock's names of sessions: {@code session:<template id>}. */
    public static final String PREFIX = "session:";
    private static final Logger LOG = LoggerFactory.getLogger(SessionFiring.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Jdbi jdbi;
    private final AnnouncementSteps steps;
    private final Consumer<Announcement> air;
    private final java.util.function.BiFunction<Announcement, Instant, java.util.Optional<String>> quiet;
    private final Clock clock;
    private final TemplateRepository templates = new TemplateRepository();

    /** @param quiet why an announcement may not air at a time (the zones' quiet hours); empty when it may */
    public SessionFiring(Jdbi jdbi, AnnouncementSteps steps, Consumer<Announcement> air,
            java.util.function.BiFunction<Announcement, Instant, java.util.Optional<String>> quiet, Clock clock) {
        this.jdbi = jdbi;
        this.quiet = quiet;
        this.steps = steps;
        this.air = air;
        this.clock = clock;
    }

    static String item(long templateId) {
        return PREFIX + templateId;
    }

    @Override
    public void fire(String item, Instant due, Instant firedAt) {
        long templateId = Long.parseLong(item.substring(PREFIX.length()));
        var held = jdbi.withHandle(h -> templates.find(h, templateId))
                .flatMap(t -> quiet.apply(session(t, due, "", "loa", null), firedAt));
        if (held.isPresent()) {
            // The technician's quiet hours win over the commune's template, as for every notice but an emergency.
            LOG.warn("session of template {} due at {} not aired: {}", templateId, due, held.get());
            return;
        }
        Long id = jdbi.inTransaction(h -> {
            SessionTemplate t = templates.find(h, templateId).orElse(null);
            if (t == null || h.createQuery("SELECT COUNT(*) FROM programme_session WHERE template_id = :t AND due_at = :d")
                    .bind("t", templateId).bind("d", Rows.utc(due)).mapTo(Integer.class).one() > 0) {
                return null;
            }
            RunOrder order = RunOrder.plan(t, SessionMaterial.load(h, t.zone()), firedAt);
            String owner = h.createQuery("SELECT created_by FROM programme_template WHERE id = :t")
                    .bind("t", templateId).mapTo(String.class).one();
            Announcement a = session(t, due, summary(order), owner, order.length());
            long session = steps.beginApproved(h, a, "buổi phát theo mẫu " + templateId + " / a template's session");
            h.createUpdate("INSERT INTO programme_session (announcement_id, template_id, due_at, fired_at, run_order) "
                            + "VALUES (:a, :t, :d, :f, :o)").bind("a", session).bind("t", templateId)
                    .bind("d", Rows.utc(due)).bind("f", Rows.utc(firedAt))
                    .bind("o", RunOrderJson.write(order).encode()).execute();
            for (PlannedItem i : order.items()) {
                boolean notice = i.kind() == PlannedItem.ItemKind.NOTICE;
                if (notice || i.kind() == PlannedItem.ItemKind.RECORDING) {
                    h.createUpdate("INSERT INTO programme_play (announcement_id, audio_id, notice_id, aired_at) "
                                    + "VALUES (:a, :au, :n, :at)").bind("a", session)
                            .bind("au", notice ? null : i.ref()).bind("n", notice ? Long.valueOf(i.ref()) : null)
                            .bind("at", Rows.utc(due.plus(i.offset()))).execute();
                }
            }
            return session;
        });
        if (id == null) {
            LOG.info("session of template {} due at {} already aired or retired; not airing it", templateId, due);
            return;
        }
        steps.advance(id, LoaStep.HANDED_TO_AIR, null);
        air.accept(steps.find(id).orElseThrow());
    }

    @Override
    public void missed(String item, Instant due) {
        LOG.warn("session {} due at {} was missed: the server was down past the late limit", item, due);
    }

    /** The announcement a session of {@code t} due at {@code due} airs as: {@code text}, lasting {@code length}. */
    private Announcement session(SessionTemplate t, Instant due, String text, String owner,
            java.time.Duration length) {
        Instant now = clock.instant();
        return new Announcement(0, t.name() + " " + DAY.format(due.atZone(Recurrence.STATION_ZONE)), text, null, null,
                List.of(t.zone()), Priority.SCHEDULED, null, 1, false, new Schedule(null, null, null, length),
                AnnouncementState.APPROVED, owner, now, now);
    }

    /** The run order as text: what the broadcast log and the boards show of a session. */
    private static String summary(RunOrder order) {
        return order.items().stream().filter(i -> i.kind() != PlannedItem.ItemKind.SILENCE)
                .map(i -> i.kind() == PlannedItem.ItemKind.TIME_SIGNAL ? i.ref() : i.title())
                .collect(Collectors.joining(" · "));
    }
}
