package vn.loa.tts.cache;

import java.util.Objects;
import vn.loa.tts.engine.VoiceSettings;

/**
 * What identifies a sentence's audio: the normalised sentence, the engine, the voice and the voice settings.
 *
 * <p>Keyed per sentence, not per notice, because notices repeat their greetings, closings and warnings word for
 * word ("Ủy ban nhân dân xã trân trọng thông báo.").
 */
public record CacheKey(String sentence, String engine, String voice, VoiceSettings settings) {

    public CacheKey {
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(voice, "voice");
        Objects.requireNonNull(settings, "settings");
    }

    /** Roughly what the key itself costs in memory, so the size bound counts it too. */
    int weight() {
        return 64 + 2 * (sentence.length() + engine.length() + voice.length());
    }
}
