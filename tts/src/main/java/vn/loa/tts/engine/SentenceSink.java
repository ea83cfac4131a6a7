package vn.loa.tts.engine;

/**
 * Receives each sentence's audio as soon as it is ready, in sentence order.
 *
 * <p>Called on the engine's calling thread, one chunk at a time. A sink that throws stops the synthesis; the
 * exception reaches the caller of {@link SpeechEngine#synthesize}.
 */
@FunctionalInterface
public interface SentenceSink {

    void accept(SpeechChunk chunk);
}
