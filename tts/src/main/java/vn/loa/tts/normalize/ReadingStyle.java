package vn.loa.tts.normalize;

import java.util.Objects;

/**
 * The choices a reader makes where Vietnamese usage varies between regions and announcers.
 *
 * <p>Immutable. {@link #standard()} is what Loa uses unless a commune chooses otherwise; it follows the northern
 * broadcast usage ("nghìn", "lẻ", "hai mươi tư") because most provincial stations train their announcers on it.
 *
 * @param thousand the word for 1,000: "nghìn" (North) or "ngàn" (South)
 * @param zeroTens the word for an empty tens place, as in 105: "lẻ" (North) or "linh" (South, and many
 *     official readings)
 * @param fourAsTu whether a 4 after "mươi" is read "tư" (hai mươi tư) rather than "bốn" (hai mươi bốn)
 * @param earlyDay the word before days 1 to 10 of a month, "mồng" or "mùng", or empty for none
 */
public record ReadingStyle(String thousand, String zeroTens, boolean fourAsTu, String earlyDay) {

    public ReadingStyle {
        Objects.requireNonNull(thousand, "thousand");
        Objects.requireNonNull(zeroTens, "zeroTens");
        Objects.requireNonNull(earlyDay, "earlyDay");
        if (thousand.isBlank() || zeroTens.isBlank()) {
            throw new IllegalArgumentException("thousand and zeroTens must be words, got '"
                    + thousand + "' and '" + zeroTens + "'");
        }
    }

    /** Northern broadcast usage: nghìn, lẻ, tư, and no "mồng" before early days. */
    public static ReadingStyle standard() {
        return new ReadingStyle("nghìn", "lẻ", true, "");
    }

    /** Southern usage: ngàn, linh, bốn, and "mùng" before days 1 to 10. */
    public static ReadingStyle southern() {
        return new ReadingStyle("ngàn", "linh", false, "mùng");
    }
}
