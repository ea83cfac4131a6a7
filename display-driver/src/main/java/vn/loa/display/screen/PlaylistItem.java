package vn.loa.display.screen;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * One entry of a board's playlist: a text slide, a picture or a video, shown for {@code seconds} (a text slide that
 * needs several pages shows each page that long), on some days of the week and hours of the day (day-parting).
 *
 * @param days  the days it plays; empty means every day
 * @param from  the hour it starts playing, local time; null with {@code to} null means all day
 * @param to    the hour it stops; earlier than {@code from} means it runs over midnight
 * @param region the layout's playlist region it plays in; null (or a region the layout lacks) for the main one
 */
public record PlaylistItem(String id, Kind kind, String title, String body, String mediaId, String fit, int seconds,
        Set<DayOfWeek> days, LocalTime from, LocalTime to, String region) {

    public PlaylistItem {
        region = region == null || region.isBlank() ? null : region.strip();
    }

    /** An item of the main playlist region. */
    public PlaylistItem(String id, Kind kind, String title, String body, String mediaId, String fit, int seconds,
            Set<DayOfWeek> days, LocalTime from, LocalTime to) {
        this(id, kind, title, body, mediaId, fit, seconds, days, from, to, null);
    }

    /** What an item shows. */
    public enum Kind {
        TEXT, IMAGE, VIDEO
    }

    public boolean playsAt(ZonedDateTime local) {
        if (!days.isEmpty() && !days.contains(local.getDayOfWeek())) {
            return false;
        }
        if (from == null || to == null) {
            return true;
        }
        LocalTime t = local.toLocalTime();
        return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }
}
