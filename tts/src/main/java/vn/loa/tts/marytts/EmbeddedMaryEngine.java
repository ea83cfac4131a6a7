package vn.loa.tts.marytts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import marytts.LocalMaryInterface;
import marytts.MaryInterface;
import marytts.exceptions.MaryConfigurationException;
import marytts.exceptions.SynthesisException;
import vn.loa.tts.engine.InProcessEngine;
import vn.loa.tts.engine.PcmFormat;
import vn.loa.tts.engine.SpeechException;
import vn.loa.tts.engine.VoiceSettings;

/**
 * MaryTTS embedded in the JVM: English with the HMM voice {@code cmu-slt-hsmm} (48 kHz), no server to run.
 *
 * <p>Thread-safe: one MaryTTS instance, started on first use (it takes seconds), and requests take turns. MaryTTS
 * and its voice are optional dependencies of this module (see tts/README.md); without them the first request fails
 * with a message saying which jars to add. MaryTTS has no Vietnamese voice, and its rate and pitch effects do not
 * act on HMM voices, so only the volume setting is applied.
 */
public final class EmbeddedMaryEngine extends InProcessEngine {

    public static final String NAME = "marytts-embedded";
    public static final String VOICE = "cmu-slt-hsmm";

    private MaryInterface mary;

    public EmbeddedMaryEngine() {
        super(NAME, Set.of(VOICE, "en"));
    }

    @Override
    protected void prepare(VoiceSettings settings) {
        started().setAudioEffects(String.format(Locale.ROOT, "Volume(amount:%.2f)", settings.volumePercent() / 100.0));
    }

    @Override
    protected Audio speak(String sentence) {
        try (AudioInputStream audio = mary.generateAudio(sentence)) {
            return new Audio(new PcmFormat(Math.round(audio.getFormat().getSampleRate())), pcm(audio));
        } catch (SynthesisException | IOException e) {
            throw new SpeechException(NAME, "could not speak \"" + sentence + "\": " + e.getMessage(), e);
        }
    }

    private MaryInterface started() {
        if (mary == null) {
            try {
                MaryInterface local = new LocalMaryInterface();
                local.setVoice(VOICE);
                mary = local;
            } catch (MaryConfigurationException | RuntimeException e) {
                throw new SpeechException(NAME, "MaryTTS did not start: " + e.getMessage(), e);
            } catch (LinkageError e) {
                throw new SpeechException(NAME, "MaryTTS could not be loaded (" + e + "); it needs "
                        + "de.dfki.mary:marytts-runtime, marytts-lang-en and voice-cmu-slt-hsmm 5.2.1 with the versions "
                        + "and exclusions of tts/pom.xml on the class path", e);
            }
        }
        return mary;
    }

    /** The stream as 16-bit mono little-endian PCM; read in a loop because its readAllBytes stops early. */
    private static byte[] pcm(AudioInputStream audio) throws IOException {
        AudioFormat wanted = new AudioFormat(audio.getFormat().getSampleRate(), 16, 1, true, false);
        AudioInputStream in = audio.getFormat().matches(wanted) ? audio : AudioSystem.getAudioInputStream(wanted, audio);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        for (int n = in.read(buffer, 0, buffer.length); n > 0; n = in.read(buffer, 0, buffer.length)) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
