package vn.loa.tts.normalize;

/**
 * A notice's text as people read it, without the marks a clerk typed to steer the voice ({@link InlineMarks}): a
 * pause mark is dropped, {@code [đánh vần ABC]} and {@code [nhắc lại ABC]} show "ABC" and
 * {@code [HTXAB = hợp tác xã An Bình]} shows "HTXAB". For boards, banners and every other place a notice is shown
 * rather than spoken.
 */
public final class ClerkMarks {

    private ClerkMarks() {
    }

    /** The text without its reading marks; null stays null. */
    public static String shown(String text) {
        if (text == null || text.indexOf('[') < 0) {
            return text;
        }
        String out = InlineMarks.PAUSE.matcher(text).replaceAll("");
        out = InlineMarks.REPEAT.matcher(out).replaceAll(r -> java.util.regex.Matcher.quoteReplacement(r.group(1)));
        out = InlineMarks.SPELL.matcher(out).replaceAll(r -> java.util.regex.Matcher.quoteReplacement(r.group(1)));
        out = InlineMarks.READ_AS.matcher(out).replaceAll(r -> java.util.regex.Matcher.quoteReplacement(r.group(1)));
        // A dropped pause leaves two spaces, or a space before the punctuation that followed it.
        return out.replaceAll("[ \\t]{2,}", " ").replaceAll(" +([.,;:!?])", "$1");
    }
}
