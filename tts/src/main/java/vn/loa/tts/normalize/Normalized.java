package vn.loa.tts.normalize;

import java.util.List;
import java.util.Objects;

/**
 * A notice as it will be spoken: the whole spoken text and the same text cut into sentences.
 *
 * <p>This is the body of {@code POST /api/v1/tts/normalize}: {@code {normalized, sentences:[...]}}. The normalised
 * text is the sentences joined by single spaces; an empty or unspeakable input gives an empty text and no sentences.
 *
 * @param normalized the spoken form of the whole text
 * @param sentences the spoken form cut into sentences, each ending in its punctuation; never null
 */
public record Normalized(String normalized, List<String> sentences) {

    public Normalized {
        Objects.requireNonNull(normalized, "normalized");
        sentences = List.copyOf(sentences);
    }

    static Normalized of(List<String> sentences) {
        return new Normalized(String.join(" ", sentences), sentences);
    }

    /** Whether there is nothing to say. */
    public boolean isEmpty() {
        return sentences.isEmpty();
    }
}
