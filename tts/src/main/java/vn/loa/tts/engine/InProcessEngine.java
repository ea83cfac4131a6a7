package vn.loa.tts.engine;

import java.util.Objects;
import java.util.Set;

/**
 * What the engines that run inside the JVM share (FreeTTS, embedded MaryTTS): a voice check, then one sentence at a
 * time, each followed by its pause and handed to the sink before the next is spoken.
 *
 * <p>Thread-safe: such libraries keep one voice that is not, so requests take turns. An interrupted request stops
 * before its next sentence.
 */
public abstract class InProcessEngine implements SpeechEngine {

    private final String name;
    private final Set<String> voices;

    protected InProcessEngine(String name, Set<String> voices) {
        this.name = Objects.requireNonNull(name, "name");
        this.voices = Set.copyOf(voices);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<String> voices() {
        return voices;
    }

    @Override
    public final synchronized void synthesize(SpeechRequest request, SentenceSink sink) {
        if (!supports(request.voice())) {
            throw new SpeechException(name, "no voice '" + request.voice() + "'; it has " + voices);
        }
        if (request.sentences().isEmpty()) {
            return;
        }
        prepare(request.settings());
        for (int i = 0; i < request.sentences().size(); i++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new SpeechException(name, "interrupted at sentence " + (i + 1) + " of "
                        + request.sentences().size());
            }
            String sentence = request.sentences().get(i);
            Audio audio = speak(sentence);
            byte[] pcm = SentencePause.append(audio.pcm(), audio.format(), sentence, request.settings());
            sink.accept(new SpeechChunk(i, sentence, audio.format(), pcm));
        }
    }

    /** Loads the voice if need be and applies the settings; called with the turn held. */
    protected abstract void prepare(VoiceSettings settings);

    /** The audio of one sentence, without its pause; called with the turn held. */
    protected abstract Audio speak(String sentence);

    /** One sentence's PCM (16-bit little-endian mono). */
    public record Audio(PcmFormat format, byte[] pcm) {
    }
}
