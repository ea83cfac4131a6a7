package vn.loa.tts.normalize;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads numbers as English words: cardinals ("one hundred and five"), decimals ("two point five"), ordinals
 * ("twenty first"), years ("twenty twenty six") and digit strings ("zero nine one two").
 *
 * <p>Immutable and thread-safe. Words are separated by spaces, never hyphens ("twenty one"), because FreeTTS reads
 * a hyphenated word as two words with a pause. British "and" after the hundreds, understood everywhere.
 */
final class EnglishNumbers {

    private static final String[] SMALL = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
        "ninety"};
    private static final String[] GROUPS = {"", "thousand", "million", "billion", "trillion", "quadrillion"};
    private static final int MAX_CARDINAL_DIGITS = 18;

    /** Reads a whole number. */
    String cardinal(long n) {
        if (n < 0) {
            return "minus " + cardinal(-n);
        }
        if (n == 0) {
            return "zero";
        }
        List<String> parts = new ArrayList<>();
        int group = 0;
        for (long rest = n; rest > 0; rest /= 1000, group++) {
            int triple = (int) (rest % 1000);
            if (triple > 0) {
                // "one thousand and five": the last group keeps its "and" when the higher groups are not empty
                boolean andAlone = group == 0 && triple < 100 && n >= 1000;
                String words = (andAlone ? "and " : "") + triple(triple);
                parts.add(0, group == 0 ? words : words + " " + GROUPS[group]);
            }
        }
        return String.join(" ", parts);
    }

    /** Reads a run of digits as a quantity; one with a leading zero or too long for a quantity digit by digit. */
    String cardinal(String digits) {
        if ((digits.length() > 1 && digits.startsWith("0") && digits.length() > 2)
                || digits.length() > MAX_CARDINAL_DIGITS) {
            return digits(digits);
        }
        return cardinal(Long.parseLong(digits));
    }

    /**
     * Reads a written number: "1,500" and "1.500" group thousands (Vietnamese writers use the dot), any other
     * "." or "," starts the decimals ("2.5", "2,5").
     */
    String number(String written) {
        int last = Math.max(written.lastIndexOf('.'), written.lastIndexOf(','));
        if (last < 0) {
            return cardinal(written);
        }
        char separator = written.charAt(last);
        boolean otherBefore = written.substring(0, last).indexOf(separator == '.' ? ',' : '.') >= 0;
        boolean grouping = written.length() - last - 1 == 3 && !otherBefore;
        if (grouping) {
            return cardinal(written.replaceAll("[.,]", ""));
        }
        String whole = written.substring(0, last).replaceAll("[.,]", "");
        return cardinal(whole.isEmpty() ? "0" : whole) + " point " + digits(written.substring(last + 1));
    }

    /** Reads an ordinal: first, second, third, twenty first, one hundredth. */
    String ordinal(long n) {
        String words = cardinal(n);
        int space = words.lastIndexOf(' ');
        String head = words.substring(0, space + 1);
        String last = words.substring(space + 1);
        return head + switch (last) {
            case "one" -> "first";
            case "two" -> "second";
            case "three" -> "third";
            case "five" -> "fifth";
            case "eight" -> "eighth";
            case "nine" -> "ninth";
            case "twelve" -> "twelfth";
            default -> last.endsWith("y") ? last.substring(0, last.length() - 1) + "ieth" : last + "th";
        };
    }

    /** Reads a year as it is said: 2026 "twenty twenty six", 2005 "two thousand and five", 1975 "nineteen seventy five". */
    String year(int y) {
        if (y < 1000 || y > 9999 || (y >= 2000 && y < 2010) || y % 1000 == 0) {
            return cardinal(y);
        }
        int century = y / 100;
        int rest = y % 100;
        String head = cardinal(century);
        if (rest == 0) {
            return head + " hundred";
        }
        return head + (rest < 10 ? " oh " : " ") + cardinal(rest);
    }

    /** Reads each digit on its own, skipping anything else. */
    String digits(CharSequence text) {
        List<String> words = new ArrayList<>();
        text.codePoints().filter(Character::isDigit).forEach(c -> words.add(SMALL[Character.digit(c, 10)]));
        return String.join(" ", words);
    }

    private static String triple(int n) {
        int hundreds = n / 100;
        int rest = n % 100;
        StringBuilder words = new StringBuilder();
        if (hundreds > 0) {
            words.append(SMALL[hundreds]).append(" hundred");
            if (rest > 0) {
                words.append(" and ");
            }
        }
        if (rest >= 20) {
            words.append(TENS[rest / 10]);
            if (rest % 10 > 0) {
                words.append(' ').append(SMALL[rest % 10]);
            }
        } else if (rest > 0 || hundreds == 0) {
            words.append(SMALL[rest]);
        }
        return words.toString();
    }
}
