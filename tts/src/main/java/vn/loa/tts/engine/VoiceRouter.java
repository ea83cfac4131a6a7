package vn.loa.tts.engine;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Speaks each voice with its own engine (or fallback chain): "vi" with espeak-ng, "kevin16" with FreeTTS and then
 * espeak-ng's English, a cloud voice with the service and then espeak-ng.
 *
 * <p>Immutable and thread-safe when its engines are. Lets every voice have a fallback in its own language, which one
 * {@link FallbackEngine} for all voices could not: its last resort has one fixed voice.
 */
public final class VoiceRouter implements SpeechEngine {

    private final Map<String, SpeechEngine> byVoice;

    /** @param byVoice the engine for each voice name, in the order they are offered */
    public VoiceRouter(Map<String, SpeechEngine> byVoice) {
        if (byVoice.isEmpty()) {
            throw new IllegalArgumentException("a voice router needs at least one voice");
        }
        this.byVoice = new LinkedHashMap<>(byVoice);
    }

    @Override
    public String name() {
        Set<String> names = new LinkedHashSet<>();
        byVoice.values().forEach(e -> names.add(e.name()));
        return String.join(" | ", names);
    }

    @Override
    public Set<String> voices() {
        return Set.copyOf(byVoice.keySet());
    }

    @Override
    public void synthesize(SpeechRequest request, SentenceSink sink) {
        SpeechEngine engine = byVoice.get(request.voice());
        if (engine == null) {
            throw new SpeechException(name(), "no voice '" + request.voice() + "'; it has " + byVoice.keySet());
        }
        engine.synthesize(request, sink);
    }
}
