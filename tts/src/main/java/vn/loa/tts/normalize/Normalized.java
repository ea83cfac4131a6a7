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
 * @param pauses the pause after each sentence in milliseconds at the normal rate, as the notice's structure and the
 *     clerk's marks ask ({@link Pauses}); one per sentence
 */
public record Normalized(String normalized, List<String> sentences, List<Integer> pauses) {

    public Normalized {
        Objects.requireNonNull(normalized, "normalized");
        sentences = List.copyOf(sentences);
        pauses = List.copyOf(pauses);
        if (pauses.size() != sentences.size()) {
            throw new IllegalArgumentException(sentences.size() + " sentences but " + pauses.size() + " pauses");
        }
    }

    /** Sentences with the pauses their punctuation asks for. */
    public Normalized(String normalized, List<String> sentences) {
        this(normalized, sentences, sentences.stream().map(Pauses::afterSentence).toList());
    }

    static Normalized of(List<String> sentences) {
        return new Normalized(String.join(" ", sentences), sentences);
    }

    static Normalized of(List<String> sentences, List<Integer> pauses) {
        return new Normalized(String.join(" ", sentences), sentences, pauses);
    }

    /** Whether there is nothing to say. */
    public boolean isEmpty() {
        return sentences.isEmpty();
    }
}
