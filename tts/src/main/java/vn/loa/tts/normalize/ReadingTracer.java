package vn.loa.tts.normalize;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Follows each written word through the normaliser's rules and tells, at the end, what every written token became
 * and which class of rule read it.
 *
 * <p>After each rule the text is compared word by word with the text before it (a Myers diff): the written words a
 * rule replaced become one token, of the class the rule gives them; words a later rule reads again stay in the token
 * and keep its first class ("4-6" is a range even though the number rule then says "bốn" and "sáu"). Words a rule
 * inserts belong to the token before them. Used only to explain a reading: a few milliseconds for a notice, and not
 * on the path that speaks.
 */
final class ReadingTracer {

    /** Pause markers ({@link Pauses}) are private-use characters: like spaces, never part of a word. */
    private static final Pattern WORD = Pattern.compile("[^\\s\\uE000-\\uF8FF]+");
    /** More written words than one match of any rule spans. */
    private static final int ONE_MATCH = 12;
    /** Edits times words above which a diff is not worth its time (~10^7: tens of milliseconds). */
    private static final long MAX_DIFF_COST = 10_000_000L;
    private static final String OPENING = "(\"'“[";
    private static final String CLOSING = ".,;:!?…)\"'”]";

    private final List<String> written;
    private final int[] parent;
    private final TokenKind[] kinds;
    private final int[] classifiedAt;
    private List<String> words;
    private List<Integer> owners;
    private int step;

    ReadingTracer(String prepared) {
        this.written = words(prepared);
        int n = written.size();
        this.parent = new int[n];
        this.kinds = new TokenKind[n];
        this.classifiedAt = new int[n];
        Arrays.fill(kinds, TokenKind.WORD);
        this.words = written;
        this.owners = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            owners.add(i);
        }
    }

    /** Records what a rule did: {@code after} is the whole text once the rule has run. */
    void record(String after, TextRule rule) {
        step++;
        List<String> next = words(after);
        if (written.isEmpty()) {
            return;
        }
        List<Integer> nextOwners = new ArrayList<>(next.size());
        int source = 0;
        for (Change change : changes(words, next)) {
            while (source < change.from()) {
                nextOwners.add(owners.get(source++));
            }
            if (change.size() == 0) {
                int group = nextOwners.isEmpty() ? owners.get(Math.min(change.from(), owners.size() - 1))
                        : nextOwners.get(nextOwners.size() - 1);
                for (int i = 0; i < change.targetSize(); i++) {
                    nextOwners.add(group);
                }
            } else if (change.size() <= ONE_MATCH || change.targetSize() == 0) {
                join(change.from(), change.size(), next, change.targetFrom(), change.targetSize(), rule, nextOwners);
            } else {
                // Longer than any one match of a rule: many matches side by side ("1 1 1 ..."), each word its share.
                for (int i = 0; i < change.size(); i++) {
                    int to = change.targetFrom() + (int) ((long) i * change.targetSize() / change.size());
                    int toEnd = change.targetFrom() + (int) ((long) (i + 1) * change.targetSize() / change.size());
                    join(change.from() + i, 1, next, to, toEnd - to, rule, nextOwners);
                }
            }
            source = change.from() + change.size();
        }
        while (source < words.size()) {
            nextOwners.add(owners.get(source++));
        }
        words = next;
        owners = nextOwners;
    }

    /** Makes one token of the source words and gives it the target words; a token not yet classified is now. */
    private void join(int from, int size, List<String> next, int targetFrom, int targetSize, TextRule rule,
            List<Integer> nextOwners) {
        int group = find(owners.get(from));
        for (int i = 1; i < size; i++) {
            group = union(group, owners.get(from + i));
        }
        if (kinds[group] == TokenKind.WORD) {
            kinds[group] = rule.kind(String.join(" ", words.subList(from, from + size)),
                    String.join(" ", next.subList(targetFrom, targetFrom + targetSize)));
            classifiedAt[group] = step;
        }
        for (int i = 0; i < targetSize; i++) {
            nextOwners.add(group);
        }
    }

    /** A run of {@code size} words at {@code from} replaced by {@code targetSize} words at {@code targetFrom}. */
    private record Change(int from, int size, int targetFrom, int targetSize) {
    }

    /**
     * The changes from one list of words to the next: a Myers diff between what differs after the common start and
     * end, or, when that would cost too much (thousands of words all rewritten, as in hostile input), the whole
     * middle as one change, which {@link #record} then shares out word by word.
     */
    private static List<Change> changes(List<String> before, List<String> after) {
        int prefix = 0;
        int max = Math.min(before.size(), after.size());
        while (prefix < max && before.get(prefix).equals(after.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < max - prefix
                && before.get(before.size() - 1 - suffix).equals(after.get(after.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> a = before.subList(prefix, before.size() - suffix);
        List<String> b = after.subList(prefix, after.size() - suffix);
        if (a.isEmpty() && b.isEmpty()) {
            return List.of();
        }
        if ((long) differing(a, b) * (a.size() + b.size()) > MAX_DIFF_COST) {
            return List.of(new Change(prefix, a.size(), prefix, b.size()));
        }
        List<Change> changes = new ArrayList<>();
        for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
            changes.add(new Change(prefix + d.getSource().getPosition(), d.getSource().size(),
                    prefix + d.getTarget().getPosition(), d.getTarget().size()));
        }
        return changes;
    }

    /** How many words are in one list and not the other (counted with repeats): a floor of the diff's edits. */
    private static int differing(List<String> a, List<String> b) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        a.forEach(w -> counts.merge(w, 1, Integer::sum));
        b.forEach(w -> counts.merge(w, -1, Integer::sum));
        return counts.values().stream().mapToInt(Math::abs).sum();
    }

    /** The written tokens in order, each with its class and its reading (empty if nothing of it is said). */
    List<ReadingToken> tokens() {
        Map<Integer, List<String>> text = new LinkedHashMap<>();
        for (int i = 0; i < written.size(); i++) {
            text.computeIfAbsent(find(i), k -> new ArrayList<>()).add(written.get(i));
        }
        Map<Integer, List<String>> reading = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            reading.computeIfAbsent(find(owners.get(i)), k -> new ArrayList<>()).add(words.get(i));
        }
        List<ReadingToken> tokens = new ArrayList<>(text.size());
        text.forEach((root, parts) -> tokens.add(new ReadingToken(join(parts), kinds[root],
                join(reading.getOrDefault(root, List.of())))));
        return tokens;
    }

    private int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Joins two tokens; the merged one keeps the class given first (a word left as written has none yet). */
    private int union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return ra;
        }
        int root = Math.min(ra, rb);
        int other = Math.max(ra, rb);
        parent[other] = root;
        boolean otherFirst = kinds[other] != TokenKind.WORD
                && (kinds[root] == TokenKind.WORD || classifiedAt[other] < classifiedAt[root]);
        if (otherFirst) {
            kinds[root] = kinds[other];
            classifiedAt[root] = classifiedAt[other];
        }
        return root;
    }

    /** The words of a text, with the punctuation before and after each word as words of their own. */
    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        split(text, (start, end) -> {
            out.add(text.substring(start, end));
            return 0;
        });
        return out;
    }

    /** Splits a text into words as {@link #words(String)} does, telling where each one starts and ends. */
    private static void split(String text, java.util.function.IntBinaryOperator word) {
        java.util.regex.Matcher m = WORD.matcher(text);
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            while (start < end - 1 && OPENING.indexOf(text.charAt(start)) >= 0) {
                word.applyAsInt(start, ++start);
            }
            int close = end;
            while (close > start + 1 && CLOSING.indexOf(text.charAt(close - 1)) >= 0) {
                close--;
            }
            if (start < close) {
                word.applyAsInt(start, close);
            }
            for (int i = close; i < end; i++) {
                word.applyAsInt(i, i + 1);
            }
        }
    }

    /**
     * Makes one token, of the class the rule gives it, of the words of the current text that each span touches: a rule that knows
     * what it matched says so, where a diff could not (a reading equal to the text, or a number it carried over).
     */
    void mark(String current, TextRule rule) {
        List<int[]> spans = rule.spans(current);
        if (written.isEmpty() || spans.isEmpty()) {
            return;
        }
        step++;
        List<int[]> bounds = new ArrayList<>();
        split(current, (start, end) -> {
            bounds.add(new int[] {start, end});
            return 0;
        });
        for (int[] span : spans) {
            int group = -1;
            for (int i = 0; i < bounds.size() && i < owners.size(); i++) {
                if (bounds.get(i)[0] < span[1] && bounds.get(i)[1] > span[0]) {
                    group = group < 0 ? find(owners.get(i)) : union(group, owners.get(i));
                }
            }
            if (group >= 0) {
                kinds[group] = rule.kind(current.substring(span[0], span[1]), "");
                classifiedAt[group] = step;
            }
        }
    }

    /** Words joined as written: no space after an opening bracket or before a closing punctuation mark. */
    private static String join(List<String> parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            boolean glued = out.isEmpty() || OPENING.indexOf(out.charAt(out.length() - 1)) >= 0
                    || part.length() == 1 && CLOSING.indexOf(part.charAt(0)) >= 0;
            out.append(glued ? "" : " ").append(part);
        }
        return out.toString();
    }
}
