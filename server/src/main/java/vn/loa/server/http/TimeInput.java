package vn.loa.server.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads a client's instant (ISO 8601 with an offset) and keeps it to the years a broadcast server can mean, 2000 to
 * 2099: a time past them (say {@code +999999999-01-01T00:00:00Z}) overflows date arithmetic, Quartz and the databases.
 */
public final class TimeInput {

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private TimeInput() {
    }

    /** The instant, or null for null; a 400 with {@code code} naming {@code field} when unreadable or out of range. */
    public static Instant instant(String value, String field, String code) {
        if (value == null) {
            return null;
        }
        Instant t;
        try {
            t = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiError(400, code, "'" + field + "' phải là thời điểm ISO 8601 có múi giờ, "
                    + "ví dụ 2026-11-28T07:30:00+07:00.", field);
        }
        if (t.isBefore(EARLIEST) || !t.isBefore(LATEST)) {
            throw new ApiError(400, code, "'" + field + "' phải nằm trong các năm 2000 đến 2099, nhận được '"
                    + value + "'.", field);
        }
        return t;
    }
}
