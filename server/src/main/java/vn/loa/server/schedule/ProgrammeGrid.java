package vn.loa.server.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.model.Priority;
import vn.loa.server.access.Caller;
import vn.loa.server.refusal.Refusal;
import vn.loa.server.zone.ZoneGuard;

/**
 * The programme grid a caller sees for a time window: what will air (planned airings of the scheduled announcements
 * that concern their unit) and what the clock already did in the window (fired, skipped or missed, with lateness).
 * Blocking (JDBC).
 */
public final class ProgrammeGrid {

    /** The longest window one request may ask for. */
    static final Duration MAX_WINDOW = Duration.ofDays(31);
    /** Entries one request returns at most; a clerk's grid is a day or a week. */
    static final int MAX_ENTRIES = 5000;

    /** One airing in the grid; {@code outcome} is null for one still to come. */
    public record Entry(Instant at, long announcementId, String title, Priority priority, List<String> zones,
            boolean repeating, FiringOutcome outcome, Long latenessMs, String detail) {
    }

    private final Jdbi jdbi;
    private final ZoneGuard zones;
    private final Clock clock;
    /** How far back an airing that is due but has no firing record yet is still shown as planned. */
    private static final Duration DUE_NOT_FIRED = Duration.ofHours(1);
    private final GridRepository grid = new GridRepository();
    private final FiringRepository firings = new FiringRepository();

    public ProgrammeGrid(Jdbi jdbi, ZoneGuard zones, Clock clock) {
        this.jdbi = jdbi;
        this.zones = zones;
        this.clock = clock;
    }

    public List<Entry> between(Caller caller, Instant from, Instant to, String zone) {
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw Refusal.invalid("invalid_window", "Khoảng thời gian không hợp lệ: 'to' phải sau 'from' và "
                    + "cách không quá 31 ngày.");
        }
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            String zonePath = zone == null ? null : zones.inScope(h, caller, zone).path();
            List<GridRepository.Item> items = grid.visible(h, caller.unitPath(), zonePath, MAX_ENTRIES);
            Map<Long, GridRepository.Item> byId = grid.firedBetween(h, caller.unitPath(), zonePath, from, to,
                    MAX_ENTRIES).stream().collect(Collectors.toMap(GridRepository.Item::id, Function.identity()));
            List<Entry> out = new ArrayList<>();
            java.util.Set<String> fired = new java.util.HashSet<>();
            for (FiringRepository.Row r : firings.between(h, List.copyOf(byId.keySet()), from, to)) {
                GridRepository.Item i = byId.get(r.announcementId());
                out.add(new Entry(r.due(), i.id(), i.title(), i.priority(), i.zones(), i.recurrence().isRepeating(),
                        r.outcome(), r.latenessMs(), r.detail()));
                fired.add(r.announcementId() + "@" + r.due().toEpochMilli());
            }
            // From a while back, not from now: an airing already due but not yet fired (a server catching up after a
            // restart airs it late) is still planned, and the grid must not hide it.
            Instant start = from.isAfter(now.minus(DUE_NOT_FIRED)) ? from : now.minus(DUE_NOT_FIRED);
            for (GridRepository.Item i : items) {
                for (Instant at : i.recurrence().between(start, to, MAX_ENTRIES)) {
                    if (!fired.contains(i.id() + "@" + at.toEpochMilli())) {
                        out.add(new Entry(at, i.id(), i.title(), i.priority(), i.zones(), i.recurrence().isRepeating(),
                                null, null, null));
                    }
                }
            }
            out.sort(Comparator.comparing(Entry::at).thenComparing(Entry::announcementId));
            return out.size() > MAX_ENTRIES ? out.subList(0, MAX_ENTRIES) : out;
        });
    }
}
