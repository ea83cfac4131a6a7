package vn.loa.tts.normalize;

import java.util.regex.Pattern;

/**
 * The marks a clerk types into a notice to steer one reading: {@code [nghỉ]} or {@code [nghỉ 2 giây]} for a pause
 * (one second by default; "2s", "1,5 giây", "500ms" too), {@code [đánh vần ABC]} to have a word spelled letter by
 * letter, {@code [HTXAB = hợp tác xã An Bình]} to have a word read as written after "=", and
 * {@code [nhắc lại 0912 345 678]} to have a number (or any short phrase) said, then said again after "xin nhắc lại".
 *
 * <p>Stateless. Runs first, before the unit's own readings: a mark in the notice is the clerk's word for this one
 * notice. A pause becomes a marker for the sentence splitter ({@link Pauses}); what a mark does not match (any other
 * bracket) is left to the other rules. Shown as {@link TokenKind#OVERRIDE} tokens.
 */
final class InlineMarks implements TextRule {

    static final Pattern PAUSE = Pattern.compile(
            "(?iu)\\[\\s{0,3}nghỉ(?:\\s{1,3}(\\d{1,2}(?:[.,]\\d)?|\\d{1,5})\\s{0,3}(giây|s|ms|mili giây))?\\s{0,3}]");
    static final Pattern SPELL = Pattern.compile("(?iu)\\[\\s{0,3}đánh vần:?\\s{1,3}([^\\[\\]\\n]{1,60}?)\\s{0,3}]");
    static final Pattern READ_AS = Pattern.compile(
            "\\[\\s{0,3}([^\\[\\]=\\n]{1,60}?)\\s{0,3}=\\s{0,3}([^\\[\\]=\\n]{1,200}?)\\s{0,3}]");
    static final Pattern REPEAT = Pattern.compile("(?iu)\\[\\s{0,3}nhắc lại:?\\s{1,3}([^\\[\\]\\n]{1,80}?)\\s{0,3}]");
    private static final Pattern ANY = Pattern.compile(PAUSE.pattern().substring(5) + "|" + SPELL.pattern().substring(5)
            + "|" + REPEAT.pattern().substring(5) + "|" + READ_AS.pattern(),
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    @Override
    public String apply(String text) {
        if (text.indexOf('[') < 0) {
            return text;
        }
        String out = Rewriter.replace(PAUSE, text, r -> " " + Pauses.clerkMark(millis(r.group(1), r.group(2))) + " ");
        // said twice, so the later rules read both alike (in groups: "lại" is an account word, see PhoneNumberReader)
        out = Rewriter.replace(REPEAT, out, r -> r.group(1).strip() + ", xin nhắc lại " + r.group(1).strip());
        out = Rewriter.replace(SPELL, out, r -> AcronymSpeller.spell(r.group(1).replaceAll("[^\\p{L}\\p{N}]", "")));
        return Rewriter.replace(READ_AS, out, r -> r.group(2).strip());
    }

    private static int millis(String amount, String unit) {
        if (amount == null) {
            return 1000;
        }
        double value = Double.parseDouble(amount.replace(',', '.'));
        return (int) Math.round(unit.toLowerCase(java.util.Locale.ROOT).startsWith("m") ? value : value * 1000);
    }

    @Override
    public java.util.List<int[]> spans(String text) {
        java.util.List<int[]> spans = new java.util.ArrayList<>();
        java.util.regex.Matcher m = ANY.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        return spans;
    }

    @Override
    public TokenKind kind(String written, String spoken) {
        return TokenKind.OVERRIDE;
    }
}
