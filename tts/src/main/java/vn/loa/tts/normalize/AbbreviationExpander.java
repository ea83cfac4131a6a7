package vn.loa.tts.normalize;

import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Replaces the abbreviations of an {@link AbbreviationDictionary} with their spoken forms.
 *
 * <p>Immutable; one pattern is compiled per dictionary. An abbreviation matches only as a whole token (so "CA" in
 * "CAO" stays). A one-letter key with a dot, like "P." or "Q.", only matches before a number or a capitalised name
 * ("P. 5", "Q.Hoàn Kiếm"), because a sentence may also end in a capital letter and a dot; inside a personal name it
 * is an initial and is spelled ("Nguyễn Thị H. Lan" is "Nguyễn Thị hát Lan", not "huyện Lan").
 */
final class AbbreviationExpander implements TextRule {

    /** Two abbreviations joined by "&" or "/" ("ATTP/ATVSTP"), each perhaps known on its own. */
    private static final Pattern JOINED = Pattern.compile(
            "(?<![\\p{L}\\p{N}./&])(\\p{Lu}[\\p{Lu}\\p{N}]{1,11})([&/])(\\p{Lu}[\\p{Lu}\\p{N}]{1,11})(?![\\p{L}\\p{N}/&])");

    /** An abbreviation alone in brackets, as texts give one after the words it stands for. */
    private static final Pattern IN_BRACKETS = Pattern.compile("\\(\\s*(\\p{Lu}[\\p{Lu}\\p{N}]{1,11})\\s*\\)");

    private final AbbreviationDictionary dictionary;
    private final Pattern pattern;

    AbbreviationExpander(AbbreviationDictionary dictionary) {
        this.dictionary = dictionary;
        String alternatives = dictionary.entries().keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(AbbreviationExpander::alternative)
                .collect(Collectors.joining("|"));
        this.pattern = Pattern.compile("(?<![\\p{L}\\p{N}./&])(" + alternatives + ")");
    }

    @Override
    public String apply(String text) {
        // Joined pairs first: the pattern below leaves a key after "/" or "&" alone (it may be part of a code).
        text = Rewriter.replace(JOINED, text, this::joined);
        // "Dịch tả lợn châu Phi (ASF)": the abbreviation that only repeats the words before it is not said again.
        text = Rewriter.replace(IN_BRACKETS, text, r -> saidBefore(r, dictionary.spoken(r.group(1))) ? "" : null);
        return Rewriter.replace(pattern, text, r -> PersonalNames.isInitial(r)
                ? AcronymSpeller.spell(r.group(1).substring(0, 1)) : unsaid(r, dictionary.spoken(r.group(1))));
    }

    /** Whether the text just before the match ends with these words. */
    private static boolean saidBefore(Rewriter r, String words) {
        return words != null && r.textBefore(words.length() + 4).strip().endsWith(words.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The expansion without its first words when the text has just said them: "tin nhắn SMS" is "tin nhắn ét em ét",
     * not "tin nhắn tin nhắn ét em ét".
     */
    private static String unsaid(Rewriter r, String spoken) {
        if (spoken == null) {
            return null;
        }
        String lower = spoken.toLowerCase(java.util.Locale.ROOT);
        String before = r.textBefore(spoken.length() + 2).strip();
        // Two words at least: one shared word ("phòng PCCC", the office of fire fighting) is no repetition.
        for (int cut = lower.lastIndexOf(' '); cut > 0 && lower.substring(0, cut).contains(" ");
                cut = lower.lastIndexOf(' ', cut - 1)) {
            if (before.endsWith(lower.substring(0, cut)) && (before.length() == cut
                    || !Character.isLetter(before.charAt(before.length() - cut - 1)))) {
                return spoken.substring(cut + 1);
            }
        }
        return spoken;
    }

    /** "A&B" is "A và B" and "A/B" is "A, B" when both are known and the pair is not a key of its own. */
    private String joined(Rewriter r) {
        String a = dictionary.spoken(r.group(1));
        String b = dictionary.spoken(r.group(3));
        if (dictionary.spoken(r.group(0)) != null || a == null || b == null) {
            return null;
        }
        return a + (r.group(2).equals("&") ? " và " : ", ") + b;
    }

    private static String alternative(String key) {
        String quoted = Pattern.quote(key);
        if (key.length() == 2 && key.endsWith(".")) {
            return quoted + "(?=\\s*[\\p{Lu}\\d])";
        }
        return key.endsWith(".") ? quoted : quoted + "(?![\\p{L}&])"; // digits may follow: "QL1A"
    }

    @Override
    public TokenKind kind(String written, String spoken) {
        return TokenKind.ABBREVIATION;
    }
}
