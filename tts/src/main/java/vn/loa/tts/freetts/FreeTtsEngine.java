package vn.loa.tts.freetts;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory;
import java.util.Arrays;
import java.util.Set;
import vn.loa.tts.engine.PcmFormat;
import vn.loa.tts.engine.SentencePause;
import vn.loa.tts.engine.SentenceSink;
import vn.loa.tts.engine.SpeechChunk;
import vn.loa.tts.engine.SpeechEngine;
import vn.loa.tts.engine.SpeechException;
import vn.loa.tts.engine.SpeechRequest;
import vn.loa.tts.engine.VoiceSettings;

/**
 * The FreeTTS engine: English in pure Java (voice "kevin16", 16 kHz), for tourist areas and as a fallback that needs
 * nothing installed. It cannot speak Vietnamese.
 *
 * <p>Thread-safe: FreeTTS voices are not, so one voice is loaded on first use and requests take turns. The voice is
 * taken straight from FreeTTS's Kevin voice directory rather than through the {@code freetts.voices} system
 * property, which FreeTTS otherwise needs before it finds any voice.
 */
public final class FreeTtsEngine implements SpeechEngine {

    public static final String NAME = "freetts";
    public static final String VOICE = "kevin16";

    private static final float NORMAL_WPM = 150f;

    private final CapturingAudioPlayer player = new CapturingAudioPlayer();
    private Voice voice;
    private float normalPitch;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> voices() {
        return Set.of(VOICE, "en");
    }

    @Override
    public synchronized void synthesize(SpeechRequest request, SentenceSink sink) {
        if (!supports(request.voice())) {
            throw new SpeechException(NAME, "no voice '" + request.voice() + "'; it has " + voices());
        }
        if (request.sentences().isEmpty()) {
            return;
        }
        Voice v = loaded();
        apply(v, request.settings());
        for (int i = 0; i < request.sentences().size(); i++) {
            String sentence = request.sentences().get(i);
            player.take();
            if (!v.speak(sentence) || Thread.currentThread().isInterrupted()) {
                player.take();
                throw new SpeechException(NAME, "stopped at sentence " + (i + 1) + " of "
                        + request.sentences().size() + (Thread.currentThread().isInterrupted() ? " (interrupted)" : ""));
            }
            PcmFormat format = new PcmFormat(player.sampleRate());
            byte[] pcm = SentencePause.append(player.take(), format, sentence, request.settings());
            sink.accept(new SpeechChunk(i, sentence, format, pcm));
        }
    }

    private Voice loaded() {
        if (voice == null) {
            Voice kevin = Arrays.stream(new KevinVoiceDirectory().getVoices())
                    .filter(v -> v.getName().equals(VOICE)).findFirst()
                    .orElseThrow(() -> new SpeechException(NAME, "the FreeTTS jar has no " + VOICE + " voice"));
            kevin.setAudioPlayer(player);
            kevin.allocate();
            normalPitch = kevin.getPitch();
            voice = kevin;
        }
        return voice;
    }

    private void apply(Voice v, VoiceSettings settings) {
        v.setRate(NORMAL_WPM * settings.ratePercent() / 100f);
        v.setPitch(normalPitch * (0.5f + settings.pitch() / 100f));
        v.setVolume(Math.min(1f, settings.volumePercent() / 100f));
    }
}
