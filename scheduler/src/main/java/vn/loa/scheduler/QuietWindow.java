package vn.loa.scheduler;

import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A zone's quiet hours in station time (say 22:00 to 05:00): nothing but an emergency airs inside them. {@code from}
 * after {@code to} spans midnight; the start is quiet, the end is not. Immutable.
 */
public record QuietWindow(LocalTime from, LocalTime to) {

    /** Reads {@code "22:00"}-style times; empty when either is missing or malformed, or both are equal (a zone quiet
     * all day is a zone with no speakers). */
    public static Optional<QuietWindow> parse(String from, String to) {
        if (from == null || to == null) {
            return Optional.empty();
        }
        try {
            QuietWindow w = new QuietWindow(LocalTime.parse(from), LocalTime.parse(to));
            return w.from.equals(w.to) ? Optional.empty() : Optional.of(w);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The window from minutes after midnight, as stored. */
    public static QuietWindow ofMinutes(int start, int end) {
        return new QuietWindow(LocalTime.of(start / 60, start % 60), LocalTime.of(end / 60, end % 60));
    }

    public boolean contains(LocalTime t) {
        return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }

    /** Whether {@code t} falls in the window on the station's clock ({@link Recurrence#STATION_ZONE}). */
    public boolean contains(Instant t) {
        return contains(t.atZone(Recurrence.STATION_ZONE).toLocalTime());
    }

    public int startMinute() {
        return from.getHour() * 60 + from.getMinute();
    }

    public int endMinute() {
        return to.getHour() * 60 + to.getMinute();
    }

    @Override
    public String toString() {
        return from + "–" + to;
    }
}
