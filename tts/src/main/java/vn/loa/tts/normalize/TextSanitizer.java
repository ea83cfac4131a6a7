package vn.loa.tts.normalize;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Cleans raw input before any rule sees it: line ends, control and format characters, unpaired surrogates, emoji and
 * other pictographs, and Unicode composition (NFC).
 *
 * <p>Stateless. espeak-ng loses the diacritics of decomposed text and drifts into its English voice, so NFC is not
 * optional; pictographs have no spoken form in a notice, so they become spaces rather than "unknown character".
 */
final class TextSanitizer {

    private static final Pattern SPACE_RUNS = Pattern.compile("[ \\t]{2,}");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\n]*\\n");

    /** Letter-like symbols below the arrows block (°, №, ℃) are kept: later rules read them. */
    private static final int FIRST_PICTOGRAPH_BLOCK = 0x2190;

    String clean(String raw) {
        String text = raw.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            appendCleaned(out, cp);
        }
        String composed = Normalizer.normalize(out, Normalizer.Form.NFC);
        // one space and one line break are all any rule needs; long runs would make "\\s*-" patterns quadratic
        return BLANK_LINES.matcher(SPACE_RUNS.matcher(composed).replaceAll(" ")).replaceAll("\n");
    }

    private static void appendCleaned(StringBuilder out, int cp) {
        if (cp == '\n' || cp == '\t') {
            out.append((char) cp);
            return;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> out.append(cp == 0x2028
                    || cp == 0x2029 ? '\n' : ' ');
            case Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED, Character.FORMAT -> {
                // unpaired halves, private glyphs, zero-width joiners and BOMs carry nothing to say
            }
            case Character.SPACE_SEPARATOR -> out.append(' ');
            case Character.OTHER_SYMBOL, Character.MODIFIER_SYMBOL -> {
                if (cp < FIRST_PICTOGRAPH_BLOCK) {
                    out.appendCodePoint(cp);
                } else {
                    out.append(' ');
                }
            }
            case Character.NON_SPACING_MARK -> {
                if (cp < 0xFE00 || cp > 0xFE0F) { // variation selectors only style the emoji just removed
                    out.appendCodePoint(cp);
                }
            }
            default -> out.appendCodePoint(cp);
        }
    }
}
