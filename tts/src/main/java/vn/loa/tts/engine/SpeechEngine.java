package vn.loa.tts.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A speech engine: turns normalised sentences into PCM, sentence by sentence.
 *
 * <p>The engine SPI. {@link #synthesize} blocks until every sentence has been handed to the sink, so callers run it
 * on a worker thread, never on an event loop. It delivers each sentence as soon as that sentence is ready, so the
 * first can go on air early. Implementations are thread-safe; an interrupted call stops promptly (killing any
 * process it started) and throws {@link SpeechException}. Every implementation passes {@code SpeechEngineContract}.
 */
public interface SpeechEngine {

    /** A short name for logs, cache keys and error messages ("espeak-ng", "fpt-ai"). */
    String name();

    /** The voices this engine can speak with. */
    Set<String> voices();

    /**
     * Speaks the request's sentences, handing each sentence's audio to the sink in order.
     *
     * @throws SpeechException if the engine fails; sentences already delivered stay delivered
     */
    void synthesize(SpeechRequest request, SentenceSink sink);

    default boolean supports(String voice) {
        return voices().contains(voice);
    }

    /** Speaks the whole request and returns every chunk; for previews and tests. */
    default List<SpeechChunk> synthesizeAll(SpeechRequest request) {
        List<SpeechChunk> chunks = new ArrayList<>();
        synthesize(request, chunks::add);
        return chunks;
    }
}
