package vn.loa.tts.piper;

/**
 * Turns a spoken sentence into the IPA phonemes a Piper voice was trained on.
 *
 * <p>Implementations are thread-safe. {@link EspeakPhonemizer} is the real one; tests may give their own.
 */
@FunctionalInterface
public interface Phonemizer {

    /** The sentence's phonemes in IPA, words separated by spaces, in the espeak-ng voice named. */
    String phonemes(String sentence, String espeakVoice);
}
