package vn.loa.server.programme;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.core.media.DeadAirWatch;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.core.model.Priority;
import vn.loa.core.model.Schedule;
import vn.loa.scheduler.session.PlannedItem;
import vn.loa.scheduler.session.RunOrder;
import vn.loa.scheduler.session.SessionTemplate;
import vn.loa.server.air.SessionAir;
import vn.loa.server.air.Sound;
import vn.loa.server.announcement.AnnouncementService;
import vn.loa.server.announcement.AnnouncementSteps;
import vn.loa.server.announcement.LoaStep;
import vn.loa.server.announcement.SessionNotices;
import vn.loa.server.audit.AuditLog;

/**
 * The air's way to a session's sound: finds the session an announcement carries and gives a {@link SessionPlayer} of
 * its stored run order, with what the player needs from the server (files, speech, the notices' steps, and the audit
 * log, where dead air is told to the technician as {@code programme.dead_air} and {@code programme.dead_air_over},
 * forwarded by syslog like every audit record).
 */
public final class SessionSounds implements SessionAir {

    private static final Logger LOG = LoggerFactory.getLogger(SessionSounds.class);

    private final Jdbi jdbi;
    private final AnnouncementSteps steps;
    private final Function<String, Optional<Path>> files;
    private final AuditLog audit;
    private final Duration deadAirLimit;
    private final Duration deadAirReturn;
    private final Clock clock;
    /** Notices a preemption cut, by session: failed if their session ends without airing them again. */
    private final java.util.Map<Long, java.util.Set<Long>> interrupted = new java.util.concurrent.ConcurrentHashMap<>();

    public SessionSounds(Jdbi jdbi, AnnouncementSteps steps, Function<String, Optional<Path>> files, AuditLog audit,
            Duration deadAirLimit, Duration deadAirReturn, Clock clock) {
        this.jdbi = jdbi;
        this.steps = steps;
        this.files = files;
        this.audit = audit;
        this.deadAirLimit = deadAirLimit;
        this.deadAirReturn = deadAirReturn;
        this.clock = clock;
        steps.onStateChange((a, to) -> {
            java.util.Set<Long> left = to == AnnouncementState.ON_AIR ? null : interrupted.remove(a.id());
            if (left != null && !left.isEmpty()) {
                // The session ended (cancelled, cut for good) before its cut notices aired again: not left ON_AIR.
                java.util.concurrent.CompletableFuture.runAsync(() -> left.forEach(id -> steps.advance(id,
                        LoaStep.FAILS_ON_AIR, "buổi phát " + a.title() + " kết thúc trước khi phát lại tin / the "
                                + "session ended before the notice aired again")));
            }
        });
    }

    @Override
    public Optional<Sound> of(Announcement a, String unitPath, Function<Announcement, Sound> plain) {
        if (a.priority() != Priority.SCHEDULED || a.text() == null) {
            // Sessions are SCHEDULED with their run order as text: an emergency never waits for this look-up.
            return Optional.empty();
        }
        record Row(long template, String runOrder) {
        }
        Optional<Row> row = jdbi.withHandle(h -> h.createQuery(
                        "SELECT template_id, run_order FROM programme_session WHERE announcement_id = :a")
                .bind("a", a.id()).map((rs, ctx) -> new Row(rs.getLong(1), rs.getString(2))).findOne());
        if (row.isEmpty()) {
            return Optional.empty();
        }
        SessionTemplate template = jdbi.withHandle(h -> new TemplateRepository().findAny(h, row.get().template()))
                .orElseThrow();
        RunOrder order = RunOrderJson.read(new JsonObject(row.get().runOrder()));
        return Optional.of(new SessionPlayer(template, order, new Parts(a, template, unitPath, plain), deadAirLimit,
                deadAirReturn, clock).sound());
    }

    /** The server's side of one session's items. */
    private final class Parts implements SessionPlayer.Parts {
        private final Announcement session;
        private final SessionTemplate template;
        private final Function<Announcement, Sound> plain;

        Parts(Announcement session, SessionTemplate template, String unitPath, Function<Announcement, Sound> plain) {
            this.session = session;
            this.template = template;
            this.plain = plain;
        }

        @Override
        public Path file(String audioId) {
            return files.apply(audioId).orElseThrow(() -> new IllegalStateException("audio " + audioId + " is gone"));
        }

        @Override
        public List<Path> fallbackFiles() {
            return jdbi.withHandle(h -> h.createQuery("SELECT audio_id FROM audio_tag WHERE tag = :t ORDER BY audio_id")
                    .bind("t", template.fallbackTag()).mapTo(String.class).list()).stream()
                    .map(files).flatMap(Optional::stream).toList();
        }

        @Override
        public Sound spoken(String text) {
            return plain.apply(new Announcement(session.id(), "Báo giờ", text, null, null, session.zones(),
                    Priority.SCHEDULED, null, 1, false, new Schedule(null, null, null), AnnouncementState.ON_AIR,
                    session.createdBy(), session.createdAt(), session.updatedAt()));
        }

        @Override
        public Sound notice(long id) {
            return plain.apply(steps.find(id).orElseThrow());
        }

        @Override
        public boolean noticeStarts(long id) {
            boolean on = steps.advance(id, LoaStep.HANDED_TO_AIR, "trong " + session.title())
                    && steps.advance(id, LoaStep.GOES_ON_AIR, null);
            if (on) {
                jdbi.useHandle(h -> SessionNotices.started(h, session.id(), id, clock.instant()));
            }
            return on;
        }

        @Override
        public void noticeInterrupted(long id) {
            interrupted.computeIfAbsent(session.id(), k -> java.util.concurrent.ConcurrentHashMap.newKeySet()).add(id);
        }

        @Override
        public void noticeEnds(long id, boolean aired) {
            java.util.Set<Long> cut = interrupted.get(session.id());
            if (cut != null) {
                cut.remove(id);
            }
            jdbi.useHandle(h -> SessionNotices.ended(h, session.id(), id, aired, clock.instant()));
            if (aired) {
                steps.advance(id, LoaStep.AIRED, null);
            } else {
                steps.advance(id, LoaStep.FAILS_ON_AIR, "buổi phát " + session.title() + " dừng giữa tin");
            }
        }

        @Override
        public void deadAir(PlannedItem item, DeadAirWatch.Change change, Duration silentFor) {
            boolean down = change == DeadAirWatch.Change.TO_FALLBACK;
            String fallback = template.fallbackUrl() != null ? template.fallbackUrl() : "nhãn " + template.fallbackTag();
            String detail = down
                    ? item.title() + " im lặng " + silentFor.toMillis() + " ms: chuyển sang nguồn dự phòng " + fallback
                            + " / dead air, switched to the fallback"
                    : item.title() + " có tiếng trở lại: quay về nguồn chính / sound returned, back to the source";
            LOG.warn("session {}: {}", session.id(), detail);
            jdbi.useHandle(h -> {
                String unit = h.createQuery("SELECT path FROM zone WHERE id = :z").bind("z", template.zone())
                        .mapTo(String.class).findOne().orElse("/");
                audit.record(h, AnnouncementService.SYSTEM_ACTOR, null, unit,
                        down ? "programme.dead_air" : "programme.dead_air_over", "announcement:" + session.id(), detail);
            });
        }
    }
}
