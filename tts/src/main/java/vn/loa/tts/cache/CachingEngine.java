package vn.loa.tts.cache;

import java.util.Optional;
import java.util.Set;
import vn.loa.tts.engine.SentenceSink;
import vn.loa.tts.engine.SpeechChunk;
import vn.loa.tts.engine.SpeechEngine;
import vn.loa.tts.engine.SpeechRequest;

/**
 * A speech engine that answers repeated sentences from a {@link SynthesisCache} and asks the engine it wraps only
 * for the rest.
 *
 * <p>Thread-safe if the wrapped engine is. Sentences still go to the sink in order: a run of uncached sentences is
 * sent to the wrapped engine as one request (so it keeps its own streaming), and cached ones are handed over between
 * runs.
 */
public final class CachingEngine implements SpeechEngine {

    private final SpeechEngine engine;
    private final SynthesisCache cache;

    public CachingEngine(SpeechEngine engine, SynthesisCache cache) {
        this.engine = engine;
        this.cache = cache;
    }

    @Override
    public String name() {
        return engine.name();
    }

    @Override
    public Set<String> voices() {
        return engine.voices();
    }

    @Override
    public boolean supports(String voice) {
        return engine.supports(voice);
    }

    @Override
    public void synthesize(SpeechRequest request, SentenceSink sink) {
        int size = request.sentences().size();
        int at = 0;
        while (at < size) {
            Optional<SynthesisCache.Entry> hit = cache.get(key(request, at));
            if (hit.isPresent()) {
                sink.accept(new SpeechChunk(at, request.sentences().get(at), hit.get().format(), hit.get().pcm()));
                at++;
                continue;
            }
            int runEnd = at + 1;
            while (runEnd < size && !cache.contains(key(request, runEnd))) {
                runEnd++;
            }
            int offset = at;
            SpeechRequest run = new SpeechRequest(request.sentences().subList(at, runEnd), request.voice(),
                    request.settings());
            engine.synthesize(run, chunk -> {
                cache.put(key(request, offset + chunk.index()), chunk.format(), chunk.pcm());
                sink.accept(chunk.withIndex(offset + chunk.index()));
            });
            at = runEnd;
        }
    }

    private CacheKey key(SpeechRequest request, int index) {
        return new CacheKey(request.sentences().get(index), engine.name(), request.voice(), request.settings());
    }
}
