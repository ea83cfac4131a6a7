package vn.loa.tts.normalize;

import java.util.List;
import java.util.Objects;

/**
 * A notice's reading with the reasons for it: the spoken text and sentences, and each written token with its class
 * and reading, in the order written.
 *
 * @param normalized exactly what {@link TextNormalizer#normalize(String)} returns for the same text
 * @param tokens the written tokens in order; their readings joined make the spoken text up to punctuation spacing
 */
public record Explanation(Normalized normalized, List<ReadingToken> tokens) {

    public Explanation {
        Objects.requireNonNull(normalized, "normalized");
        tokens = List.copyOf(tokens);
    }
}
