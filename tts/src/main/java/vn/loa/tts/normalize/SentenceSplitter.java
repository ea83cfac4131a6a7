package vn.loa.tts.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits spoken text into sentences, so the first can go on air while the rest are still being synthesised.
 *
 * <p>Stateless. Runs last: by then every dot inside a number, date or abbreviation has become a word, so a
 * remaining ".", "!", "?" or "..." followed by a space ends a sentence, and so does a line break (notices are often
 * written as lines without full stops). Each sentence ends with its punctuation, which is where the engine pauses;
 * a line without one gets a full stop. A sentence longer than {@value #MAX_LENGTH} characters is cut at its last
 * comma (or space) before that length, because one long sentence would delay the first audio.
 */
final class SentenceSplitter {

    static final int MAX_LENGTH = 300;

    /**
     * A sentence ends at ". ", "! ", "? " or a line break, except after a lone capital initial when the next word is
     * in lower case: "Ông Nguyễn Văn P. đã về" is one sentence, while typed-in-lower-case notices still split.
     */
    private static final Pattern END = Pattern.compile(
            "(?<=[.!?…])(?<!(?<!\\p{L})\\p{Lu}\\.)[\"')\\]]*\\s+|(?<=(?<!\\p{L})\\p{Lu}\\.)\\s+(?!\\p{Ll})|\\n+");
    private static final Pattern SPEAKABLE = Pattern.compile("[\\p{L}\\p{N}]");

    List<String> split(String text) {
        return plan(text).sentences();
    }

    /**
     * The sentences and the pause after each: by punctuation, or as a heading's, a list item's or a clerk's pause
     * marker ({@link Pauses}) asks; a clerk's mark inside a line cuts the sentence there.
     */
    Normalized plan(String text) {
        List<String> sentences = new ArrayList<>();
        List<Integer> pauses = new ArrayList<>();
        for (String piece : END.split(text)) {
            int start = 0;
            for (int i = 0; i <= piece.length(); i++) {
                if (i < piece.length() && !Pauses.isMark(piece.charAt(i))) {
                    continue;
                }
                int before = sentences.size();
                String sentence = tidy(piece.substring(start, i));
                if (SPEAKABLE.matcher(sentence).find()) {
                    cut(sentence, sentences);
                    sentences.stream().skip(before).forEach(s -> pauses.add(Pauses.afterSentence(s)));
                }
                if (i < piece.length() && !sentences.isEmpty()) {
                    // a mark after nothing speakable still lengthens the pause before it
                    pauses.set(pauses.size() - 1, Math.max(pauses.get(pauses.size() - 1), Pauses.millisOf(piece.charAt(i))));
                }
                start = i + 1;
            }
        }
        return Normalized.of(sentences, pauses);
    }

    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0]+");
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile(" ([,.;:!?])");
    private static final Pattern REPEATED_PAUSES = Pattern.compile("([,;:])[ ,;:]*[,;:]");
    private static final Pattern PAUSE_BEFORE_END = Pattern.compile("[,;:]+([.!?…])");
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[ ,.;:]+");
    private static final Pattern TRAILING_PAUSE = Pattern.compile("[,;:]$");
    private static final Pattern NO_SPACE_AFTER_PAUSE = Pattern.compile("([,;:])(?=[\\p{L}\\p{N}])");

    /** Collapses spaces and repeated commas, and attaches punctuation to the word before it. */
    static String tidy(String piece) {
        String s = SPACES.matcher(piece).replaceAll(" ");
        s = SPACE_BEFORE_PUNCTUATION.matcher(s).replaceAll("$1");
        s = REPEATED_PAUSES.matcher(s).replaceAll("$1");
        s = PAUSE_BEFORE_END.matcher(s).replaceAll("$1");
        s = LEADING_PUNCTUATION.matcher(s).replaceAll("").strip();
        s = TRAILING_PAUSE.matcher(s).replaceAll("").strip();
        s = NO_SPACE_AFTER_PAUSE.matcher(s).replaceAll("$1 ");
        if (!s.isEmpty() && ".!?…".indexOf(s.charAt(s.length() - 1)) < 0) {
            s = s + ".";
        }
        return capitalised(s);
    }

    /** The clerk sees the spoken text in the preview, so an expanded "ủy ban" at a sentence start gets its capital. */
    private static String capitalised(String s) {
        if (s.isEmpty() || !Character.isLowerCase(s.codePointAt(0))) {
            return s;
        }
        int first = s.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
                .append(s, Character.charCount(first), s.length()).toString();
    }

    private static void cut(String sentence, List<String> out) {
        String rest = sentence;
        while (rest.length() > MAX_LENGTH) {
            int at = rest.lastIndexOf(", ", MAX_LENGTH);
            int skip = 2;
            if (at < MAX_LENGTH / 3) {
                at = rest.lastIndexOf(' ', MAX_LENGTH);
                skip = 1;
            }
            if (at <= 0) {
                at = MAX_LENGTH; // one enormous "word": cut it anyway rather than hand the engine all of it
                skip = 0;
            }
            out.add(rest.substring(0, at).strip() + ",");
            rest = rest.substring(at + skip).strip();
        }
        if (SPEAKABLE.matcher(rest).find()) {
            out.add(rest);
        }
    }
}
