package vn.loa.server.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import vn.loa.core.model.Schedule;
import vn.loa.scheduler.Recurrence;
import vn.loa.server.announcement.AnnouncementDraft;
import vn.loa.server.announcement.AnnouncementService;
import vn.loa.server.refusal.Refusal;

/**
 * Two scheduled items in one zone at one time, found when an item is created or edited: the clerk is told which item
 * and when, and chooses ({@code schedule.onConflict}) to let priority decide on air ({@code priority}) or to move a
 * one-off item to just after the other ({@code shift}). Zones conflict when one lies in, or encloses, the other.
 *
 * <p>An item lasts its {@code schedule.duration}, or {@link #NOTICE_LENGTH} for a notice whose spoken length is not
 * known before it airs. Airings are compared over the next {@link #HORIZON}.
 */
final class Conflicts implements AnnouncementService.ProgrammeCheck {

    static final Duration NOTICE_LENGTH = Duration.ofMinutes(2);
    static final Duration HORIZON = Duration.ofDays(2);
    private static final int MAX_AIRINGS = 500;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy");

    private final GridRepository grid = new GridRepository();
    private final Clock clock;

    Conflicts(Clock clock) {
        this.clock = clock;
    }

    /** The other item's airing a new airing overlaps. */
    private record Clash(GridRepository.Item item, Instant at, Duration length) {
    }

    @Override
    public AnnouncementDraft checked(Handle h, AnnouncementDraft d, String onConflict, long self) {
        Schedule s = d.schedule();
        if (s.at() == null && s.cron() == null || "priority".equals(onConflict)) {
            return d;
        }
        List<GridRepository.Item> others = others(h, d, self);
        for (int shifts = 0; shifts < 20; shifts++) {
            Optional<Clash> clash = firstClash(s, others);
            if (clash.isEmpty()) {
                return s == d.schedule() ? d : d.withSchedule(s);
            }
            Clash c = clash.get();
            if (!"shift".equals(onConflict) || s.cron() != null) {
                throw new Refusal(Refusal.Kind.CONFLICT,
                        "schedule_conflict", "Trùng lịch với tin #" + c.item().id() + " \""
                        + c.item().title() + "\" lúc " + c.at().atZone(Recurrence.STATION_ZONE).format(SHOWN)
                        + " ở cùng khu vực. Chọn schedule.onConflict = \"priority\" (tin ưu tiên cao hơn phát trước) "
                        + "hoặc \"shift\" (dời sang ngay sau tin kia; chỉ với tin phát một lần).");
            }
            s = new Schedule(c.at().plus(c.length()), null, null, s.duration());
        }
        throw new Refusal(Refusal.Kind.CONFLICT, "schedule_conflict", "Khung giờ này đã kín lịch; hãy chọn giờ khác.");
    }

    private List<GridRepository.Item> others(Handle h, AnnouncementDraft d, long self) {
        Map<Long, GridRepository.Item> items = new LinkedHashMap<>();
        for (String zone : d.zones()) {
            String path = h.createQuery("SELECT path FROM zone WHERE id = :id").bind("id", zone)
                    .mapTo(String.class).findOne().orElse(null);
            if (path != null) {
                grid.visible(h, "/", path, 5000).forEach(i -> items.put(i.id(), i));
            }
        }
        items.remove(self);
        return List.copyOf(items.values());
    }

    private Optional<Clash> firstClash(Schedule s, List<GridRepository.Item> others) {
        Instant now = clock.instant();
        Instant horizon = now.plus(HORIZON);
        Duration mine = s.duration() == null ? NOTICE_LENGTH : s.duration();
        List<Instant> airings = new Recurrence(s.at(), s.cron(), s.until()).between(now, horizon, MAX_AIRINGS);
        Clash first = null;
        for (GridRepository.Item other : others) {
            Duration theirs = other.duration() == null ? NOTICE_LENGTH : other.duration();
            for (Instant u : other.recurrence().between(now.minus(theirs), horizon, MAX_AIRINGS)) {
                for (Instant t : airings) {
                    if (t.isBefore(u.plus(theirs)) && u.isBefore(t.plus(mine))
                            && (first == null || u.isBefore(first.at()))) {
                        first = new Clash(other, u, theirs);
                    }
                }
            }
        }
        return Optional.ofNullable(first);
    }
}
