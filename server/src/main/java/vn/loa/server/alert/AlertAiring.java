package vn.loa.server.alert;

import io.vertx.core.json.JsonArray;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.Priority;
import vn.loa.core.model.Schedule;
import vn.loa.server.access.Caller;
import vn.loa.server.announcement.AnnouncementDraft;
import vn.loa.server.announcement.AnnouncementService;
import vn.loa.server.db.Rows;
import vn.loa.server.http.TextInput;

/**
 * The first airing of an alert that airs at once (ADR 0051): its plan (tone, reads), one EMERGENCY announcement per
 * language and group of zones in order ({@link AlertLanguagesPlan}), the banner with every block's text, and the
 * series left to {@link AlertRepeats} (airings left, pause, expiry on the alert's row). Blocking (JDBC).
 */
public final class AlertAiring {

    /** The announcements put on air, in order, and the report per language. */
    record Aired(List<Long> announcements, JsonArray languages) {
    }

    private final Jdbi jdbi;
    private final AnnouncementService announcements;
    private final AlertPlans plans;
    private final AlertBanners banners;
    private final Function<String, Optional<String>> voiceOf;

    AlertAiring(Jdbi jdbi, AnnouncementService announcements, AlertPlans plans, AlertBanners banners,
            Function<String, Optional<String>> voiceOf) {
        this.jdbi = jdbi;
        this.announcements = announcements;
        this.plans = plans;
        this.banners = banners;
        this.voiceOf = voiceOf;
    }

    /** The voice for a language other than Vietnamese: the first of {@code voices} that speaks it. */
    public static Function<String, Optional<String>> voices(List<vn.loa.tts.engine.Voice> voices) {
        return language -> voices.stream().filter(v -> v.language().code().equals(language))
                .map(vn.loa.tts.engine.Voice::id).findFirst();
    }

    /** A JSON alert: Vietnamese, on the given zones, by the plan for its severity. */
    long json(Caller caller, long alertId, String headline, String text, List<String> zones, String severity) {
        String spoken = text == null || text.isBlank() ? headline : headline + ". " + text;
        AlertPlan plan = plan(caller, null, severity);
        Announcement a = announcements.create(caller, draft(headline, spoken, zones, null, plan.plays(), plan.tone()));
        banners.covers(List.of(a.id()));
        start(caller, alertId, List.of(a), plan, null);
        banners.show(alertId, zones, severity, headline, text, null);
        return a.id();
    }

    /** A CAP alert on {@code zones}: every block the zones need, in their order. */
    Aired cap(Caller caller, long alertId, CapAlert cap, List<String> zones, boolean drill, Instant expires) {
        CapAlert.Info main = cap.spokenInfo();
        AlertPlan plan = plan(caller, main.event(), main.severity());
        Map<List<String>, List<String>> groups = jdbi.withHandle(h -> ZoneLanguages.grouped(h, zones));
        List<AlertLanguagesPlan.Part> parts = AlertLanguagesPlan.parts(cap.infos(), groups, voiceOf);
        List<Announcement> made = new ArrayList<>();
        Set<List<String>> toned = new LinkedHashSet<>();
        for (AlertLanguagesPlan.Part p : parts) {
            if (!p.spoken()) {
                continue;
            }
            String headline = firstNonBlank(p.info().headline(), p.info().event(), cap.identifier());
            String spoken = String.join(". ", nonBlank(headline, p.info().description(), p.info().instruction()));
            if (drill) {
                headline = AlertDrills.headline(headline);
                spoken = AlertDrills.spoken(spoken, p.language());
            }
            // The attention tone once per group of zones, before its first language.
            made.add(announcements.create(caller, draft(headline, spoken, p.zones(), p.voice(), plan.plays(),
                    plan.tone() && toned.add(p.zones()))));
        }
        List<Long> ids = made.stream().map(Announcement::id).toList();
        banners.covers(ids); // before they are broadcast: the boards show the alert's one banner, with its end
        start(caller, alertId, made, plan, expires);
        String headline = firstNonBlank(main.headline(), main.event(), cap.identifier());
        banners.show(alertId, zones, main.severity(), drill ? AlertDrills.headline(headline) : headline,
                bannerText(main, parts), expires);
        return new Aired(ids, AlertLanguagesPlan.report(parts, ids));
    }

    /** The banner: the main block's description, then each other block the zones need, spoken or not. */
    private static String bannerText(CapAlert.Info main, List<AlertLanguagesPlan.Part> parts) {
        List<String> lines = new ArrayList<>(nonBlank(main.description()));
        Set<CapAlert.Info> shown = new LinkedHashSet<>(List.of(main));
        for (AlertLanguagesPlan.Part p : parts) {
            if (p.info() != null && shown.add(p.info())) {
                lines.add(String.join(": ", nonBlank(p.info().headline(), p.info().description())));
            }
        }
        return String.join("\n", lines);
    }

    private AlertPlan plan(Caller caller, String event, String severity) {
        return jdbi.withHandle(h -> plans.planFor(h, caller.unitPath(), event, severity));
    }

    /** Links the first airing, keeps the series on the alert's row, then broadcasts the parts in order. */
    private void start(Caller caller, long alertId, List<Announcement> parts, AlertPlan plan, Instant expires) {
        jdbi.useTransaction(h -> {
            for (Announcement a : parts) {
                h.createUpdate("INSERT INTO alert_announcement (alert_id, announcement_id, airing) VALUES (:a, :n, 1)")
                        .bind("a", alertId).bind("n", a.id()).execute();
            }
            h.createUpdate("UPDATE alert SET expires = :e, repeat_left = :left, repeat_pause_seconds = :pause "
                            + "WHERE id = :id")
                    .bind("e", expires == null ? null : Rows.utc(expires))
                    .bind("left", parts.isEmpty() ? 0 : plan.airings() - 1)
                    .bind("pause", (int) plan.pause().toSeconds()).bind("id", alertId).execute();
        });
        // Same priority, same zones: the arbiter airs them first come, first served, so in this order.
        parts.forEach(a -> announcements.broadcast(caller, a.id()));
    }

    static AnnouncementDraft draft(String headline, String spoken, List<String> zones, String voice, int plays,
            boolean tone) {
        return draft(headline, spoken, zones, Priority.EMERGENCY, voice, plays, tone);
    }

    static AnnouncementDraft draft(String headline, String spoken, List<String> zones, Priority priority,
            String voice, int plays, boolean tone) {
        String title = headline.length() > 300 ? headline.substring(0, 300) : headline;
        String text = spoken.length() > 20_000 ? spoken.substring(0, 20_000) : spoken;
        return new AnnouncementDraft(title, TextInput.rich(text), null, null, zones, priority, voice, plays, tone,
                new Schedule(null, null, null));
    }

    static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }

    static List<String> nonBlank(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                out.add(v.strip().replaceAll("[.。]+$", ""));
            }
        }
        return out;
    }
}
