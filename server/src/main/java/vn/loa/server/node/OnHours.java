package vn.loa.server.node;

import java.time.Instant;
import java.time.LocalTime;
import vn.loa.scheduler.Recurrence;
import vn.loa.server.refusal.Refusal;

/**
 * A node's on-hours ({@code 05:00-21:00}, station time): outside them it is sent only EMERGENCY audio. A start after
 * the end spans midnight ({@code 20:00-02:00}). The contract checks the shape; this checks the meaning.
 */
public final class OnHours {

    private OnHours() {
    }

    /** The value to store: null for "always on", else {@code HH:mm-HH:mm} with different ends. */
    static String checked(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] ends = value.split("-");
        if (ends.length != 2 || ends[0].equals(ends[1])) {
            throw Refusal.invalid(
                    "invalid_on_hours", "Giờ hoạt động cần dạng HH:mm-HH:mm (giờ Việt Nam) với giờ "
                    + "bật khác giờ tắt, ví dụ 05:00-21:00.", "onHours");
        }
        return value;
    }

    /** True when a node with these on-hours (null: always) may play anything at {@code at}. */
    public static boolean on(String onHours, Instant at) {
        if (onHours == null) {
            return true;
        }
        LocalTime from = LocalTime.parse(onHours.substring(0, 5));
        LocalTime to = LocalTime.parse(onHours.substring(6));
        LocalTime t = at.atZone(Recurrence.STATION_ZONE).toLocalTime();
        return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }
}
