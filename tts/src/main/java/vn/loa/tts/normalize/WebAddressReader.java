package vn.loa.tts.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads web and e-mail addresses the way they are dictated: "dichvucong.gov.vn" is "dichvucong chấm gờ o vê chấm vê
 * nờ", "ubnd@xa.gov.vn" has "a còng".
 *
 * <p>Stateless. Runs before numbers and abbreviations, which would otherwise take the dots and the letters apart.
 */
final class WebAddressReader implements TextRule {

    // Every repetition here has a bound (a DNS label is at most 63 characters): Java's regex engine recurses once
    // per repeated group, and an unbounded run would make "1-1-1-..." cost quadratic time.

    private static final Pattern ADDRESS = Pattern.compile("(?iu)(?<![\\p{L}\\d@._\\-])(?:https?://)?"
            + "((?:[\\p{L}\\d_\\-]{1,63}\\.){0,4}[\\p{L}\\d_\\-]{1,63}@)?"
            + "((?:[\\p{L}\\d\\-]{1,63}\\.){1,6}(?:vn|com|net|org|gov|edu|info))"
            + "((?:/[\\p{L}\\d_\\-.]{0,63}){0,8})(?![\\p{L}\\d])");
    private final Words words;

    WebAddressReader(Words words) {
        this.words = words;
    }

    /** How one language says ".", "@" and "/", and the usual parts of a domain. */
    record Words(String dot, String at, String slash, Map<String, String> parts) {

        static final Words VIETNAMESE = new Words("chấm", "a còng", "gạch chéo", Map.of("vn", "vê nờ", "gov", "gờ o vê",
                "com", "com", "net", "nét", "org", "o rờ gờ", "edu", "e đu", "www", "vê kép vê kép vê kép", "info",
                "in phô"));
    }

    @Override
    public String apply(String text) {
        return Rewriter.replace(ADDRESS, text, this::address);
    }

    private String address(Rewriter r) {
        List<String> words = new ArrayList<>();
        if (r.group(1) != null) {
            words.add(dotted(r.group(1).substring(0, r.group(1).length() - 1)));
            words.add(this.words.at());
        }
        words.add(dotted(r.group(2)));
        for (String segment : r.group(3).split("/")) {
            if (!segment.isEmpty()) {
                words.add(this.words.slash() + " " + dotted(segment));
            }
        }
        return String.join(" ", words);
    }

    private String dotted(String host) {
        List<String> words = new ArrayList<>();
        for (String part : host.split("\\.")) {
            if (!part.isEmpty()) {
                words.add(this.words.parts().getOrDefault(part.toLowerCase(java.util.Locale.ROOT),
                        part.replace('-', ' ')));
            }
        }
        return String.join(" " + this.words.dot() + " ", words);
    }
}
