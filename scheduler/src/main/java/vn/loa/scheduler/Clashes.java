package vn.loa.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rule for two programme items in one place at one time: an airing clashes with another item's when their spans
 * overlap within the next {@link #HORIZON}. The caller decides what "one place" is and what to do about a clash; a
 * one-off airing may be moved to just after what it clashes with ({@link #shifted}). Stateless.
 */
public final class Clashes {

    /** How long a notice is taken to last when its spoken length is not known before it airs. */
    public static final Duration NOTICE_LENGTH = Duration.ofMinutes(2);
    /** How far ahead airings are compared. */
    public static final Duration HORIZON = Duration.ofDays(2);
    private static final int MAX_AIRINGS = 500;
    private static final int MAX_TRIES = 20;

    private Clashes() {
    }

    /**
     * An item on the programme: when it airs, and how long each airing lasts.
     *
     * @param length null for a notice of unknown spoken length ({@link #NOTICE_LENGTH})
     */
    public record Slot<T>(T item, Recurrence recurrence, Duration length) {

        Duration span() {
            return length == null ? NOTICE_LENGTH : length;
        }
    }

    /** The other item's airing that a new airing overlaps. */
    public record Clash<T>(T item, Instant at, Duration length) {
    }

    /** The earliest airing of {@code others} that an airing of {@code mine} overlaps, seen at {@code now}. */
    public static <T> Optional<Clash<T>> first(Slot<?> mine, List<Slot<T>> others, Instant now) {
        Instant horizon = now.plus(HORIZON);
        List<Instant> airings = mine.recurrence().between(now, horizon, MAX_AIRINGS);
        Clash<T> first = null;
        for (Slot<T> other : others) {
            Duration theirs = other.span();
            for (Instant u : other.recurrence().between(now.minus(theirs), horizon, MAX_AIRINGS)) {
                for (Instant t : airings) {
                    if (t.isBefore(u.plus(theirs)) && u.isBefore(t.plus(mine.span()))
                            && (first == null || u.isBefore(first.at()))) {
                        first = new Clash<>(other.item(), u, theirs);
                    }
                }
            }
        }
        return Optional.ofNullable(first);
    }

    /**
     * The first start at or after {@code at} where a one-off airing of {@code length} clashes with none of
     * {@code others}, moving it to just after each airing it meets; empty when the time is so full that
     * {@value #MAX_TRIES} tries find no gap.
     */
    public static <T> Optional<Instant> shifted(Instant at, Duration length, List<Slot<T>> others, Instant now) {
        Instant start = at;
        for (int tries = 0; tries < MAX_TRIES; tries++) {
            Optional<Clash<T>> clash = first(new Slot<>(null, new Recurrence(start, null, null), length), others, now);
            if (clash.isEmpty()) {
                return Optional.of(start);
            }
            start = clash.get().at().plus(clash.get().length());
        }
        return Optional.empty();
    }
}
