package vn.loa.tts.normalize;

import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A match in the text being rewritten, with a view of the words before and after it.
 *
 * <p>Rules decide by context ("ngày" before a date, "số" after a fraction), so a replacement function sees more than
 * the match itself. Replacements are padded with spaces; the sentence splitter collapses them at the end.
 */
record Rewriter(String text, MatchResult match) {

    /** Replaces every match of the pattern with what the function returns; null keeps the match as written. */
    static String replace(Pattern pattern, String text, Function<Rewriter, String> replacement) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        while (m.find()) {
            String spoken = replacement.apply(new Rewriter(text, m.toMatchResult()));
            m.appendReplacement(out, Matcher.quoteReplacement(spoken == null ? m.group() : " " + spoken + " "));
        }
        m.appendTail(out);
        return out.toString();
    }

    String group(int i) {
        return match.group(i);
    }

    /** The word just before the match, lower-cased, or "" at the start of the text. */
    String wordBefore() {
        int end = match.start();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        return text.substring(start, end).toLowerCase(java.util.Locale.ROOT);
    }

    /** Up to {@code n} characters before the match, lower-cased. */
    String textBefore(int n) {
        int to = match.start();
        return text.substring(Math.max(0, to - n), to).toLowerCase(java.util.Locale.ROOT);
    }

    /** Up to {@code n} characters after the match, lower-cased. */
    String textAfter(int n) {
        int from = match.end();
        return text.substring(from, Math.min(text.length(), from + n)).toLowerCase(java.util.Locale.ROOT);
    }
}
