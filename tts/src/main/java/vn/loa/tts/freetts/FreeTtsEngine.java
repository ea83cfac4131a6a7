package vn.loa.tts.freetts;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory;
import java.util.Arrays;
import java.util.Set;
import vn.loa.tts.engine.InProcessEngine;
import vn.loa.tts.engine.PcmFormat;
import vn.loa.tts.engine.SpeechException;
import vn.loa.tts.engine.VoiceSettings;

/**
 * The FreeTTS engine: English in pure Java (voice "kevin16", 16 kHz), for tourist areas and as a fallback that needs
 * nothing installed. It cannot speak Vietnamese.
 *
 * <p>Thread-safe: FreeTTS voices are not, so one voice is loaded on first use and requests take turns. The voice is
 * taken straight from FreeTTS's Kevin voice directory rather than through the {@code freetts.voices} system
 * property, which FreeTTS otherwise needs before it finds any voice.
 */
public final class FreeTtsEngine extends InProcessEngine {

    public static final String NAME = "freetts";
    public static final String VOICE = "kevin16";

    private static final float NORMAL_WPM = 150f;

    private final CapturingAudioPlayer player = new CapturingAudioPlayer();
    private Voice voice;
    private float normalPitch;

    public FreeTtsEngine() {
        super(NAME, Set.of(VOICE, "en"));
    }

    @Override
    protected void prepare(VoiceSettings settings) {
        apply(loaded(), settings);
    }

    @Override
    protected Audio speak(String sentence) {
        player.take();
        if (!voice.speak(sentence) || Thread.currentThread().isInterrupted()) {
            player.take();
            throw new SpeechException(NAME, "stopped at \"" + sentence + "\""
                    + (Thread.currentThread().isInterrupted() ? " (interrupted)" : ""));
        }
        return new Audio(new PcmFormat(player.sampleRate()), player.take());
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
