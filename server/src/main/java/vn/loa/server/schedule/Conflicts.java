package vn.loa.server.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import vn.loa.core.model.Schedule;
import vn.loa.scheduler.Clashes;
import vn.loa.scheduler.Recurrence;
import vn.loa.server.announcement.AnnouncementDraft;
import vn.loa.server.announcement.AnnouncementService;
import vn.loa.server.refusal.Refusal;

/**
 * Two scheduled items in one zone at one time, found when an item is created or edited: the clerk is told which item
 * and when, and chooses ({@code schedule.onConflict}) to let priority decide on air ({@code priority}) or to move a
 * one-off item to just after the other ({@code shift}). Zones conflict when one lies in, or encloses, the other.
 *
 * <p>Loads the items of those zones and turns the verdict of the scheduler's {@link Clashes} rule (lengths, horizon,
 * shifting) into the draft to store or a refusal.
 */
final class Conflicts implements AnnouncementService.ProgrammeCheck {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy");

    private final GridRepository grid = new GridRepository();
    private final Clock clock;

    Conflicts(Clock clock) {
        this.clock = clock;
    }

    @Override
    public AnnouncementDraft checked(Handle h, AnnouncementDraft d, String onConflict, long self) {
        Schedule s = d.schedule();
        if (s.at() == null && s.cron() == null || "priority".equals(onConflict)) {
            return d;
        }
        List<Clashes.Slot<GridRepository.Item>> others = others(h, d, self);
        Instant now = clock.instant();
        Clashes.Slot<Void> mine = new Clashes.Slot<>(null, new Recurrence(s.at(), s.cron(), s.until()), s.duration());
        Optional<Clashes.Clash<GridRepository.Item>> clash = Clashes.first(mine, others, now);
        if (clash.isEmpty()) {
            return d;
        }
        Clashes.Clash<GridRepository.Item> c = clash.get();
        if (!"shift".equals(onConflict) || s.cron() != null) {
            throw new Refusal(Refusal.Kind.CONFLICT,
                    "schedule_conflict", "Trùng lịch với tin #" + c.item().id() + " \""
                    + c.item().title() + "\" lúc " + c.at().atZone(Recurrence.STATION_ZONE).format(SHOWN)
                    + " ở cùng khu vực. Chọn schedule.onConflict = \"priority\" (tin ưu tiên cao hơn phát trước) "
                    + "hoặc \"shift\" (dời sang ngay sau tin kia; chỉ với tin phát một lần).");
        }
        Instant at = Clashes.shifted(s.at(), s.duration(), others, now).orElseThrow(() -> new Refusal(
                Refusal.Kind.CONFLICT, "schedule_conflict", "Khung giờ này đã kín lịch; hãy chọn giờ khác.",
                "This time is fully booked; choose another.", null));
        return d.withSchedule(new Schedule(at, null, null, s.duration()));
    }

    private List<Clashes.Slot<GridRepository.Item>> others(Handle h, AnnouncementDraft d, long self) {
        Map<Long, GridRepository.Item> items = new LinkedHashMap<>();
        for (String zone : d.zones()) {
            String path = h.createQuery("SELECT path FROM zone WHERE id = :id").bind("id", zone)
                    .mapTo(String.class).findOne().orElse(null);
            if (path != null) {
                grid.visible(h, "/", path, 5000).forEach(i -> items.put(i.id(), i));
            }
        }
        items.remove(self);
        return items.values().stream().map(i -> new Clashes.Slot<>(i, i.recurrence(), i.duration())).toList();
    }
}
