package vn.loa.tts.normalize;

/**
 * Turns a notice as typed into the words a voice of one language should say, cut into sentences.
 *
 * <p>Implementations are immutable, thread-safe and pure (no I/O): {@link VietnameseNormalizer} and
 * {@link EnglishNormalizer}.
 */
public interface TextNormalizer {

    /** Longer texts are refused: at espeak-ng's pace 100,000 characters are already more than two hours of speech. */
    int MAX_LENGTH = 100_000;

    /**
     * Normalises a notice.
     *
     * @param text what the clerk typed or pasted; null is treated as empty
     * @return the spoken text and its sentences; empty when there is nothing to say
     * @throws TextTooLongException if the text is longer than {@link #MAX_LENGTH} characters
     */
    Normalized normalize(String text);

    /**
     * Normalises a notice and explains the reading: each written token with its class and its reading.
     *
     * @throws TextTooLongException if the text is longer than {@link #MAX_LENGTH} characters
     */
    Explanation explain(String text);
}
