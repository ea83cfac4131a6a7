package vn.loa.display.campaign;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.loa.display.screen.Screen;

/**
 * Spreads interrupts over the hour: an interrupt that wants {@code S} seconds an hour and lasts {@code L} seconds plays
 * {@code round(S / L)} times (at least once), its plays evenly spaced; interrupts are staggered against each other, and
 * a play that would overlap the one before starts when it ends. Pure; the plan repeats every hour.
 */
public final class ShareOfVoice {

    /** Seconds in the hour a plan covers. */
    public static final int HOUR = 3600;

    private ShareOfVoice() {
    }

    /** One interrupt: how many seconds it wants per hour, and how long one play of it lasts. */
    public record Demand(String id, int shareSeconds, int playSeconds) {
    }

    /** One play of an interrupt: it starts {@code offset} seconds into the hour and lasts {@code seconds}. */
    public record Play(String id, int offset, int seconds) {
        public int end() {
            return offset + seconds;
        }
    }

    /** How many times an interrupt plays each hour. */
    public static int plays(Demand d) {
        if (d.shareSeconds() <= 0 || d.playSeconds() <= 0) {
            return 0;
        }
        return Math.max(1, Math.min(HOUR / d.playSeconds(), Math.round((float) d.shareSeconds() / d.playSeconds())));
    }

    /** The hour's plays, in order of start, none overlapping; plays that would pass the hour's end are dropped. */
    public static List<Play> plan(List<Demand> demands) {
        List<Play> wanted = new ArrayList<>();
        for (int i = 0; i < demands.size(); i++) {
            Demand d = demands.get(i);
            int n = plays(d);
            for (int k = 0; k < n; k++) {
                // Interrupt i of m starts i/m of its own spacing late, so two interrupts do not ask for the same second.
                double start = (k + (double) i / demands.size()) * HOUR / n;
                wanted.add(new Play(d.id(), (int) Math.floor(start), d.playSeconds()));
            }
        }
        wanted.sort(Comparator.comparingInt(Play::offset));
        List<Play> plan = new ArrayList<>();
        int free = 0;
        for (Play p : wanted) {
            int start = Math.max(p.offset(), free);
            if (start + p.seconds() > HOUR) {
                continue;
            }
            plan.add(new Play(p.id(), start, p.seconds()));
            free = start + p.seconds();
        }
        return List.copyOf(plan);
    }

    /** An interrupt with the entries one play shows (each page of each item, in order). */
    public record Interrupt(String id, int shareSeconds, List<Screen.Entry> entries) {
        int playSeconds() {
            return entries.stream().mapToInt(Screen.Entry::seconds).sum();
        }
    }

    /** The hour's slots of a screen: each play of each interrupt, its entries one after another. */
    public static List<Screen.Slot> slots(List<Interrupt> interrupts) {
        List<Demand> demands = interrupts.stream().map(i -> new Demand(i.id(), i.shareSeconds(), i.playSeconds())).toList();
        List<Screen.Slot> slots = new ArrayList<>();
        for (Play p : plan(demands)) {
            int at = p.offset();
            for (Screen.Entry e : interrupts.stream().filter(i -> i.id().equals(p.id())).findFirst().orElseThrow()
                    .entries()) {
                slots.add(new Screen.Slot(at, e.seconds(), e));
                at += e.seconds();
            }
        }
        return List.copyOf(slots);
    }
}
