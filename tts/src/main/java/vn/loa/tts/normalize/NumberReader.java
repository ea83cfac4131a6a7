package vn.loa.tts.normalize;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads numbers as Vietnamese words: cardinals, decimals, ordinals and digit strings.
 *
 * <p>Immutable and thread-safe. The rules are the ones taught in school and used on air: "mốt" for a 1 after
 * "mươi", "lăm" for a 5 after "mười"/"mươi", "tư" for a 4 after "mươi" (by {@link ReadingStyle}), "lẻ"/"linh" for an
 * empty tens place, "không trăm" for an empty hundreds place inside a larger number, and groups of three digits
 * named nghìn, triệu, tỷ (then nghìn tỷ, triệu tỷ).
 */
public final class NumberReader {

    private static final String[] DIGITS = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};
    private static final long BILLION = 1_000_000_000L;
    /** Beyond 18 digits no one reads a number as a quantity; it is a code, read digit by digit. */
    private static final int MAX_CARDINAL_DIGITS = 18;

    private final ReadingStyle style;

    public NumberReader(ReadingStyle style) {
        this.style = style;
    }

    /** Reads a non-negative number, for example 2026 as "hai nghìn không trăm hai mươi sáu". */
    public String cardinal(long n) {
        if (n < 0) {
            return "âm " + cardinal(-n);
        }
        return n == 0 ? "không" : read(n, false);
    }

    /**
     * Reads a run of digits as a quantity. Leading zeros of a short number are dropped ("05 hộ" is "năm hộ"); a
     * longer run with a leading zero, or one too long to be a quantity, is read digit by digit.
     */
    public String cardinal(String digits) {
        int zeros = 0;
        while (zeros < digits.length() - 1 && digits.charAt(zeros) == '0') {
            zeros++;
        }
        String trimmed = digits.substring(zeros);
        boolean code = digits.length() > 3 && digits.startsWith("0");
        if (code || trimmed.length() > MAX_CARDINAL_DIGITS) {
            return digits(digits);
        }
        return cardinal(Long.parseLong(trimmed));
    }

    /** Reads a number written the Vietnamese way: "." groups thousands and "," starts the decimals ("phẩy"). */
    public String number(String written) {
        int comma = written.indexOf(',');
        String whole = (comma < 0 ? written : written.substring(0, comma)).replace(".", "");
        if (comma < 0) {
            return cardinal(whole);
        }
        return cardinal(whole) + " phẩy " + fraction(written.substring(comma + 1));
    }

    /** Reads the digits after a decimal separator: short ones as a number (3,14 is "ba phẩy mười bốn"). */
    public String fraction(String digits) {
        if (digits.startsWith("0") || digits.length() > 3) {
            return digits(digits);
        }
        return cardinal(Long.parseLong(digits));
    }

    /** Reads an ordinal as it follows "thứ": nhất, hai, ba, tư, năm, ... */
    public String ordinal(long n) {
        if (n == 1) {
            return "nhất";
        }
        return n == 4 ? "tư" : cardinal(n);
    }

    /** Reads each digit on its own, skipping anything that is not a digit: "0912" is "không chín một hai". */
    public String digits(CharSequence text) {
        List<String> words = new ArrayList<>();
        text.codePoints().filter(Character::isDigit).forEach(c -> words.add(DIGITS[Character.digit(c, 10)]));
        return String.join(" ", words);
    }

    /** The word for one digit. */
    public String digit(int d) {
        return DIGITS[d];
    }

    private String read(long n, boolean inner) {
        if (n >= BILLION) {
            long low = n % BILLION;
            String high = read(n / BILLION, inner) + " tỷ";
            return low == 0 ? high : high + " " + read(low, true);
        }
        int[] groups = {(int) (n / 1_000_000), (int) (n / 1000 % 1000), (int) (n % 1000)};
        String[] names = {"triệu", style.thousand(), ""};
        List<String> words = new ArrayList<>();
        boolean started = inner;
        for (int i = 0; i < groups.length; i++) {
            if (groups[i] == 0) {
                continue; // an empty group is silent: 1.000.500 is "một triệu năm trăm"
            }
            words.add(triple(groups[i], started));
            if (!names[i].isEmpty()) {
                words.add(names[i]);
            }
            started = true;
        }
        return String.join(" ", words);
    }

    /** Reads 1..999; inside a larger number the hundreds are always said, so 5 reads "không trăm lẻ năm". */
    private String triple(int g, boolean inner) {
        int h = g / 100;
        int t = g / 10 % 10;
        int u = g % 10;
        List<String> words = new ArrayList<>();
        boolean saidHundreds = h > 0 || inner;
        if (saidHundreds) {
            words.add(DIGITS[h] + " trăm");
        }
        if (t == 0) {
            if (u > 0) {
                if (saidHundreds) {
                    words.add(style.zeroTens());
                }
                words.add(DIGITS[u]);
            }
        } else if (t == 1) {
            words.add("mười");
            if (u > 0) {
                words.add(u == 5 ? "lăm" : DIGITS[u]);
            }
        } else {
            words.add(DIGITS[t] + " mươi");
            if (u > 0) {
                words.add(unitAfterMuoi(u));
            }
        }
        return String.join(" ", words);
    }

    private String unitAfterMuoi(int u) {
        if (u == 1) {
            return "mốt";
        }
        if (u == 4 && style.fourAsTu()) {
            return "tư";
        }
        return u == 5 ? "lăm" : DIGITS[u];
    }
}
