package vn.loa.tts.normalize;

import java.text.Normalizer;
import java.util.Map;

/**
 * The VNI-Windows 8-bit Vietnamese encoding, as it looks after Windows-1252 decoding.
 *
 * <p>VNI writes a toned vowel as the base letter followed by a mark character: "Vieät" is "Việt" (e + ä = ê with a
 * dot below), "Coäng hoøa" is "Cộng hòa". A few letters stand alone: ñ is đ, ô is ơ, ö is ư, and i and y have their
 * own toned forms. Upper-case marks are the lower-case ones minus 0x20. Written from the published VNI table.
 * Immutable and thread-safe.
 */
final class VniCharset {

    private static final char GRAVE = '\u0300';
    private static final char ACUTE = '\u0301';
    private static final char TILDE = '\u0303';
    private static final char HOOK = '\u0309';
    private static final char DOT = '\u0323';
    private static final char CIRCUMFLEX = '\u0302';
    private static final char BREVE = '\u0306';
    private static final char HORN = '\u031B';

    /** Lower-case mark characters and the combining marks they stand for (modifier first, then tone). */
    private static final Map<Character, String> MARKS = Map.ofEntries(
            Map.entry('ø', "" + GRAVE), Map.entry('ù', "" + ACUTE), Map.entry('û', "" + HOOK),
            Map.entry('õ', "" + TILDE), Map.entry('ï', "" + DOT),
            Map.entry('â', "" + CIRCUMFLEX), Map.entry('à', "" + CIRCUMFLEX + GRAVE),
            Map.entry('á', "" + CIRCUMFLEX + ACUTE), Map.entry('å', "" + CIRCUMFLEX + HOOK),
            Map.entry('ã', "" + CIRCUMFLEX + TILDE), Map.entry('ä', "" + CIRCUMFLEX + DOT),
            Map.entry('ê', "" + BREVE), Map.entry('è', "" + BREVE + GRAVE), Map.entry('é', "" + BREVE + ACUTE),
            Map.entry('ú', "" + BREVE + HOOK), Map.entry('ü', "" + BREVE + TILDE), Map.entry('ë', "" + BREVE + DOT));

    /** Characters that are a whole letter on their own. */
    private static final Map<Character, String> LETTERS = Map.ofEntries(
            Map.entry('ñ', "đ"), Map.entry('Ñ', "Đ"), Map.entry('ô', "o" + HORN), Map.entry('Ô', "O" + HORN),
            Map.entry('ö', "u" + HORN), Map.entry('Ö', "U" + HORN), Map.entry('æ', "ỉ"), Map.entry('Æ', "Ỉ"),
            Map.entry('ó', "ĩ"), Map.entry('Ó', "Ĩ"), Map.entry('ò', "ị"), Map.entry('Ò', "Ị"),
            Map.entry('î', "ỵ"), Map.entry('Î', "Ỵ"));

    /** Marks that correct Unicode Vietnamese never puts after a vowel (unlike "oà" in the old spelling "hoà"). */
    private static final String STRONG_MARKS = "øûïåäëüØÛÏÅÄËÜ";
    private static final String STRONG_LETTERS = "ñÑöÖæÆîÎ";

    private VniCharset() {
    }

    /**
     * How strongly the line looks like VNI: a vowel followed by a tell-tale mark that VNI could put there counts
     * double, a stand-alone VNI letter once. Zero when there is no such vowel and mark, because stand-alone letters
     * alone (ñ, ö) also occur in foreign names.
     */
    static int score(String line) {
        int pairs = 0;
        int letters = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (STRONG_MARKS.indexOf(c) >= 0 && i > 0 && isBase(line.charAt(i - 1)) && mark(base(line.charAt(i - 1)), c)
                    != null) {
                pairs++;
            } else if (STRONG_LETTERS.indexOf(c) >= 0) {
                letters++;
            }
        }
        return pairs == 0 ? 0 : 2 * pairs + letters;
    }

    private static String base(char c) {
        return LETTERS.getOrDefault(c, String.valueOf(c));
    }

    static String decode(String line) {
        StringBuilder out = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            String base = isBase(c) ? LETTERS.getOrDefault(c, String.valueOf(c)) : null;
            String marks = base != null && i + 1 < line.length() ? mark(base, line.charAt(i + 1)) : null;
            if (marks != null) {
                out.append(base).append(marks);
                i++;
            } else {
                out.append(LETTERS.getOrDefault(c, String.valueOf(c)));
            }
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    private static boolean isBase(char c) {
        return VietnameseLetters.isVowel(c) || "ôöÔÖ".indexOf(c) >= 0;
    }

    /** The combining marks for a mark character after a base letter, or null where VNI would not put it. */
    private static String mark(String base, char markChar) {
        boolean upper = markChar >= 0xC0 && markChar <= 0xDC;
        String marks = MARKS.get(upper ? (char) (markChar + 0x20) : markChar);
        if (marks == null) {
            return null;
        }
        char letter = Character.toLowerCase(base.charAt(0));
        boolean horn = base.length() > 1;
        if (marks.charAt(0) == BREVE && (letter != 'a' || horn)) {
            return null;
        }
        if (marks.charAt(0) == CIRCUMFLEX && ("aeo".indexOf(letter) < 0 || horn)) {
            return null;
        }
        return marks;
    }
}
