package vn.loa.display.campaign;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import vn.loa.display.screen.PlaylistItem;

/**
 * A set of items pushed to groups of boards: it plays inside its window (from {@code startsAt} until {@code endsAt}),
 * on its days and hours, and outranks campaigns of lower priority. Immutable.
 *
 * @param layout       the template the boards show while it plays; null keeps each board's own (default) layout
 * @param shareSeconds for an {@link Mode#INTERRUPT}: the seconds it gets each hour, spread over the hour
 * @param days         the days it plays; empty means every day
 * @param from         the hour it starts playing, local time; null with {@code to} null means all day
 */
public record Campaign(String id, String name, Mode mode, int priority, Instant startsAt, Instant endsAt,
        Set<DayOfWeek> days, LocalTime from, LocalTime to, String layout, int shareSeconds, List<PlaylistItem> items) {

    /** How a campaign's items reach the screen. */
    public enum Mode {
        /** Its items are the rotation, in place of lower priorities and of the board's own playlist. */
        ROTATION,
        /** Its items cut into whatever plays for {@code shareSeconds} an hour (share of voice). */
        INTERRUPT,
        /** Its first item's title is drawn in a band over whatever plays (a short notice). */
        OVERLAY
    }

    public Campaign {
        days = Set.copyOf(days);
        items = List.copyOf(items);
    }

    /** True when {@code local} lies in its window, on one of its days and inside its hours. */
    public boolean playsAt(ZonedDateTime local) {
        Instant at = local.toInstant();
        if (startsAt != null && at.isBefore(startsAt) || endsAt != null && !at.isBefore(endsAt)) {
            return false;
        }
        // The same day and hour rule as a playlist item's.
        return new PlaylistItem(id, PlaylistItem.Kind.TEXT, "", "", null, null, 1, days, from, to).playsAt(local);
    }
}
