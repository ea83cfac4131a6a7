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

    private static final Pattern WORD = Pattern.compile("\\S+");
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
        for (AbstractDelta<String> delta : DiffUtils.diff(words, next).getDeltas()) {
            int from = delta.getSource().getPosition();
            while (source < from) {
                nextOwners.add(owners.get(source++));
            }
            int size = delta.getSource().size();
            int group;
            if (size == 0) {
                group = nextOwners.isEmpty() ? owners.get(Math.min(from, owners.size() - 1))
                        : nextOwners.get(nextOwners.size() - 1);
            } else {
                group = find(owners.get(from));
                for (int i = 1; i < size; i++) {
                    group = union(group, owners.get(from + i));
                }
                if (kinds[group] == TokenKind.WORD) {
                    kinds[group] = rule.kind(String.join(" ", delta.getSource().getLines()),
                            String.join(" ", delta.getTarget().getLines()));
                    classifiedAt[group] = step;
                }
            }
            for (int i = 0; i < delta.getTarget().size(); i++) {
                nextOwners.add(group);
            }
            source = from + size;
        }
        while (source < words.size()) {
            nextOwners.add(owners.get(source++));
        }
        words = next;
        owners = nextOwners;
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
