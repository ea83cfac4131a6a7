package vn.loa.server.air;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import vn.loa.server.speech.Abbreviations;
import vn.loa.tts.Announcer;
import vn.loa.tts.engine.VoiceSettings;

/**
 * Speech for the air from the tts module's {@link Announcer}, with the reading rules of the notice's unit: the whole
 * notice as one PCM buffer. Blocking.
 *
 * <p>The notice is spoken in full before it airs, so a repeat or a restart after preemption replays the same audio;
 * espeak-ng speaks ~500 s of audio per CPU second, so a long notice costs well under a second.
 */
public final class AnnouncerSpeech implements OnAir.Speech {

    private final Abbreviations abbreviations;

    public AnnouncerSpeech(Abbreviations abbreviations) {
        this.abbreviations = abbreviations;
    }

    @Override
    public OnAir.Spoken speak(String text, String voice, String unitPath) {
        Announcer announcer = abbreviations.announcerFor(unitPath);
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        int[] rate = {0};
        announcer.speak(text, voice, VoiceSettings.NORMAL, chunk -> {
            rate[0] = chunk.format().sampleRate();
            pcm.writeBytes(chunk.pcm());
        });
        byte[] bytes = pcm.toByteArray();
        short[] samples = new short[bytes.length / 2];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return new OnAir.Spoken(samples, rate[0] == 0 ? 22_050 : rate[0]);
    }
}
