package vn.loa.display;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The brightness of a board through the day, as steps: from each time on, a percentage, until the next step (the last
 * step of the day carries over midnight). LED matrices dim at night so they do not dazzle the street.
 */
public record BrightnessSchedule(List<Step> steps) {

    /** From {@code from} on, {@code percent} (1–100) of full brightness. */
    public record Step(LocalTime from, int percent) {
        public Step {
            if (percent < 1 || percent > 100) {
                throw new IllegalArgumentException("brightness must be 1-100 %, was " + percent);
            }
        }
    }

    /** Full brightness all day. */
    public static final BrightnessSchedule FULL = new BrightnessSchedule(List.of(new Step(LocalTime.MIDNIGHT, 100)));

    public BrightnessSchedule {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a brightness schedule needs at least one step");
        }
        List<Step> sorted = new ArrayList<>(steps);
        sorted.sort(Comparator.comparing(Step::from));
        steps = List.copyOf(sorted);
    }

    /** Day 100 %, night (22:00–05:00) at {@code nightPercent}. */
    public static BrightnessSchedule dayAndNight(int nightPercent) {
        return new BrightnessSchedule(List.of(new Step(LocalTime.of(5, 0), 100),
                new Step(LocalTime.of(22, 0), nightPercent)));
    }

    /** Reads {@code "05:00=100,22:00=30"}. */
    public static BrightnessSchedule parse(String text) {
        List<Step> steps = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] kv = part.trim().split("=");
            try {
                steps.add(new Step(LocalTime.parse(kv[0].trim()), Integer.parseInt(kv[1].trim())));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("brightness must read like '05:00=100,22:00=30', not '" + text + "'");
            }
        }
        return new BrightnessSchedule(steps);
    }

    public int percentAt(LocalTime time) {
        Step current = steps.get(steps.size() - 1);
        for (Step s : steps) {
            if (!s.from().isAfter(time)) {
                current = s;
            }
        }
        return current.percent();
    }
}
