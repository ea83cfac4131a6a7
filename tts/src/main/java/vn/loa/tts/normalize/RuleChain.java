package vn.loa.tts.normalize;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A normaliser's steps in order: the length check, a preparation (sanitizing, legacy encodings), the rules one after
 * another, and the sentence splitter. Immutable and thread-safe when its rules are.
 */
final class RuleChain {

    private final UnaryOperator<String> prepare;
    private final List<TextRule> rules;
    private final SentenceSplitter splitter = new SentenceSplitter();

    RuleChain(UnaryOperator<String> prepare, List<TextRule> rules) {
        this.prepare = prepare;
        this.rules = List.copyOf(rules);
    }

    Normalized normalize(String text) {
        if (text == null || text.isEmpty()) {
            return Normalized.of(List.of());
        }
        String spoken = prepare(text);
        for (TextRule rule : rules) {
            spoken = applySafely(rule, spoken);
        }
        return splitter.plan(spoken);
    }

    /** The same reading as {@link #normalize(String)}, with each written token's class and reading. */
    Explanation explain(String text) {
        if (text == null || text.isEmpty()) {
            return new Explanation(Normalized.of(List.of()), List.of());
        }
        String spoken = prepare(text);
        ReadingTracer tracer = new ReadingTracer(spoken);
        for (TextRule rule : rules) {
            tracer.mark(spoken, rule);
            String next = applySafely(rule, spoken);
            if (!next.equals(spoken)) {
                tracer.record(next, rule);
            }
            spoken = next;
        }
        Normalized reading = splitter.plan(spoken);
        tracer.record(reading.normalized(), unchanged -> unchanged);
        return new Explanation(reading, tracer.tokens());
    }

    private String prepare(String text) {
        if (text.length() > TextNormalizer.MAX_LENGTH) {
            throw new TextTooLongException(text.length(), TextNormalizer.MAX_LENGTH);
        }
        return prepare.apply(text);
    }

    /**
     * Applies a rule, or leaves the text as it was if the rule's regular expression runs out of stack on some
     * pathological input. Every repetition in the rules is bounded so this should not happen; this is the guarantee
     * that a notice is never refused because of it.
     */
    private static String applySafely(TextRule rule, String text) {
        try {
            return rule.apply(text);
        } catch (StackOverflowError e) {
            return text;
        }
    }
}
