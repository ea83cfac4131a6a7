package vn.loa.tts.normalize;

/**
 * One step of the normaliser: rewrites the written forms it knows into spoken words and leaves the rest alone.
 *
 * <p>Implementations are stateless and thread-safe. A rule may leave digits in its output for a later rule to read
 * (a range rule writes "100 đến 150mm" so that the unit rule still sees "150mm"); the order lives in
 * {@link VietnameseNormalizer}.
 */
interface TextRule {

    String apply(String text);

    /**
     * What this rule read {@code written} as, given what it said for it: the class shown to a clerk. Rules that read
     * more than one class tell them apart by the reading ("phần" is a fraction, "trên" a ratio).
     */
    default TokenKind kind(String written, String spoken) {
        return TokenKind.WORD;
    }

    /**
     * Where in {@code text} this rule will read something as one token, [start, end) each, when a word diff could
     * not tell (a reading equal to the text, or words it carries over for a later rule). Only for explaining.
     */
    default java.util.List<int[]> spans(String text) {
        return java.util.List.of();
    }
}
