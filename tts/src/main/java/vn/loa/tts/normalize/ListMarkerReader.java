package vn.loa.tts.normalize;

import java.util.regex.Pattern;

/**
 * Handles the markers at the start of list lines: bullets ("-", "+", "•") are dropped, and numbered items ("1.",
 * "2)") keep their number followed by a pause, so "1. Thời gian" is read "một, thời gian".
 *
 * <p>Stateless. Runs first, before any rule could take "- 5" for a negative number or "1." for a sentence end.
 */
final class ListMarkerReader implements TextRule {

    private static final Pattern BULLET = Pattern.compile("(?m)^[ \\t]*(?:[-+•*▪●○◦·–—>]+|[a-zđ]\\))[ \\t]+");
    private static final Pattern NUMBERED = Pattern.compile("(?m)^([ \\t]*\\d{1,2})[.)][ \\t]+");

    @Override
    public String apply(String text) {
        String out = BULLET.matcher(text).replaceAll("");
        return NUMBERED.matcher(out).replaceAll("$1, ");
    }
}
