package vn.loa.tts.normalize;

import java.util.regex.Pattern;

/**
 * Handles the markers at the start of list lines: bullets ("-", "+", "•") are dropped, and numbered items ("1.",
 * "2)") keep their number followed by a pause, so "1. Thời gian" is read "một, thời gian"; so do headings numbered
 * in Roman numerals ("III. NỘI DUNG" is "ba, nội dung").
 *
 * <p>Stateless. Runs first, before any rule could take "- 5" for a negative number or "1." for a sentence end. Each
 * heading and list line is marked for its longer pause ({@link Pauses#HEADING}, {@link Pauses#LIST_ITEM}).
 */
final class ListMarkerReader implements TextRule {

    private static final Pattern BULLET = Pattern.compile("(?m)^[ \\t]*(?:[-+•*▪●○◦·–—>]+|[a-zđ]\\))[ \\t]+");
    private static final Pattern NUMBERED = Pattern.compile("(?m)^([ \\t]*\\d{1,2})[.)][ \\t]+");
    /** A heading numbered in Roman numerals ("III. NỘI DUNG"): its number, said, then the pause. */
    private static final Pattern ROMAN_HEADING = Pattern.compile(
            "(?m)^[ \\t]*(X{0,3}(?:IX|IV|V?I{0,3}))[.)][ \\t]+(?=\\p{L})");

    private final java.util.function.LongFunction<String> number;

    /** @param number how the language says a heading's number */
    ListMarkerReader(java.util.function.LongFunction<String> number) {
        this.number = number;
    }

    @Override
    public String apply(String text) {
        String out = withPauses(text);
        out = BULLET.matcher(out).replaceAll("");
        out = Rewriter.replace(ROMAN_HEADING, out, r -> r.group(1).isEmpty() ? null
                : number.apply(RomanNumerals.parse(r.group(1))) + ",");
        return NUMBERED.matcher(out).replaceAll("$1, ");
    }

    /** Each heading line and list line ends with its pause marker ({@link Pauses}), for the sentence splitter. */
    private static String withPauses(String text) {
        if (!BULLET.matcher(text).find() && !NUMBERED.matcher(text).find() && !ROMAN_HEADING.matcher(text).find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (String line : text.split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(line);
            java.util.regex.Matcher roman = ROMAN_HEADING.matcher(line);
            boolean heading = roman.lookingAt() && !roman.group(1).isEmpty();
            if (heading || BULLET.matcher(line).lookingAt() || NUMBERED.matcher(line).lookingAt()) {
                out.append(' ').append(heading ? Pauses.HEADING_MARK : Pauses.ITEM_MARK);
            }
        }
        return out.toString();
    }

    @Override
    public TokenKind kind(String written, String spoken) {
        return written.replace(" ", "").matches("[IVX\\d]{1,4}[.)]") ? TokenKind.HEADING : TokenKind.BULLET;
    }

    /** A numbered item or heading is one token with its number, which the number rule reads later. */
    @Override
    public java.util.List<int[]> spans(String text) {
        java.util.List<int[]> spans = new java.util.ArrayList<>();
        for (Pattern p : java.util.List.of(NUMBERED, ROMAN_HEADING)) {
            java.util.regex.Matcher m = p.matcher(text);
            while (m.find()) {
                String marker = m.group().strip();
                int start = m.start() + m.group().indexOf(marker);
                spans.add(new int[] {start, start + marker.length()});
            }
        }
        return spans;
    }
}
