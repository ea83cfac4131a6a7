package vn.loa.tts.engine;

import java.util.List;
import java.util.Objects;

/**
 * What to say and how: already normalised sentences, a voice name and voice settings.
 *
 * <p>Sentences come from {@code VietnameseNormalizer}; engines never normalise again. The voice is the engine's own
 * name for it ("vi", "vi-vn-x-south" for espeak-ng).
 */
public record SpeechRequest(List<String> sentences, String voice, VoiceSettings settings) {

    public SpeechRequest {
        sentences = List.copyOf(sentences);
        Objects.requireNonNull(voice, "voice");
        Objects.requireNonNull(settings, "settings");
    }

    public static SpeechRequest of(List<String> sentences, String voice) {
        return new SpeechRequest(sentences, voice, VoiceSettings.NORMAL);
    }

    /** The same request for the sentences from {@code from} on, for an engine that takes over part-way. */
    public SpeechRequest from(int from) {
        return new SpeechRequest(sentences.subList(from, sentences.size()), voice, settings);
    }

    /** The same request spoken with another voice name. */
    public SpeechRequest withVoice(String otherVoice) {
        return new SpeechRequest(sentences, otherVoice, settings);
    }
}
