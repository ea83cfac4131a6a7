package vn.loa.tts.normalize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A unit's own readings, applied before every built-in rule: a word or phrase (a village, a local cooperative, an
 * abbreviation the dictionary reads otherwise) and what to say for it. A {@code #} in an entry stands for a number,
 * which the reading repeats where it has its own {@code #} ("Tổ #" → "tổ dân phố #"); the rules after read it.
 *
 * <p>Entries match case-sensitively, as whole words: not inside a longer word or a code joined by "/", "-" or "&"
 * ("CP" is left alone in "NĐ-CP"), the longest first. Immutable and thread-safe.
 */
final class ClerkReadings implements TextRule {

    /** Characters that glue a word into a longer token. */
    private static final String GLUE = "\\p{L}\\p{N}/&\\-";

    private final List<String> readings = new ArrayList<>();
    /** The group of each entry in the pattern; the numbers of its "#" are the groups right after it. */
    private final List<Integer> groups = new ArrayList<>();
    private final Pattern pattern;

    ClerkReadings(Map<String, String> entries) {
        Map<String, String> byLength = new LinkedHashMap<>();
        entries.entrySet().stream().sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length())
                .reversed()).forEach(e -> byLength.put(e.getKey().strip(), e.getValue().strip()));
        List<String> alternatives = new ArrayList<>();
        int[] group = {1};
        byLength.forEach((written, spoken) -> {
            alternatives.add("(" + regex(written) + ")");
            readings.add(spoken);
            groups.add(group[0]);
            group[0] += 1 + (int) written.chars().filter(c -> c == '#').count();
        });
        this.pattern = alternatives.isEmpty() ? null
                : Pattern.compile("(?<![" + GLUE + ".])(?:" + String.join("|", alternatives) + ")(?![" + GLUE + "])");
    }

    boolean isEmpty() {
        return pattern == null;
    }

    @Override
    public String apply(String text) {
        return pattern == null ? text : Rewriter.replace(pattern, text, this::reading);
    }

    /** Where the entries are in a text: [start, end) of each match. */
    @Override
    public List<int[]> spans(String text) {
        List<int[]> spans = new ArrayList<>();
        if (pattern != null) {
            java.util.regex.Matcher m = pattern.matcher(text);
            while (m.find()) {
                spans.add(new int[] {m.start(), m.end()});
            }
        }
        return spans;
    }

    private String reading(Rewriter r) {
        for (int i = 0; i < readings.size(); i++) {
            int group = groups.get(i);
            if (r.match().start(group) >= 0) {
                int numbers = (i + 1 < groups.size() ? groups.get(i + 1) : r.match().groupCount() + 1) - group - 1;
                StringBuilder spoken = new StringBuilder();
                int n = 0;
                for (String part : readings.get(i).split("(?<=#)|(?=#)")) {
                    // a "#" the entry has no number for is dropped
                    spoken.append(!part.equals("#") ? part : n < numbers ? r.group(group + 1 + n++) : "");
                }
                return spoken.toString();
            }
        }
        return null;
    }

    /** The entry as a pattern: its words quoted, any run of spaces as one or more, each "#" a number. */
    private static String regex(String written) {
        StringBuilder out = new StringBuilder();
        for (String part : written.split("(?<=#)|(?=#)")) {
            if (part.equals("#")) {
                out.append("(\\d{1,9}(?:[.,]\\d{1,3}){0,3})");
            } else {
                for (String piece : part.split("(?<=\\s)|(?=\\s)")) {
                    out.append(piece.isBlank() ? "\\s{1,8}" : Pattern.quote(piece));
                }
            }
        }
        return out.toString();
    }

    @Override
    public TokenKind kind(String written, String spoken) {
        return TokenKind.OVERRIDE;
    }
}
