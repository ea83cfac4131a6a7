package vn.loa.server.air;

import vn.loa.core.media.BufferedPcmSource;
import vn.loa.wire.pcm.Pcm16;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.server.speech.Abbreviations;
import vn.loa.tts.Announcer;
import vn.loa.tts.engine.VoiceSettings;

/**
 * Speech for the air from the tts module's {@link Announcer}, with the reading rules of the notice's unit: each
 * sentence's PCM as soon as the engine has it. Blocking.
 *
 * <p>A notice is spoken while it airs, and spoken again when it repeats or restarts after preemption (the engine's
 * cache makes the second time cheap): a 20,000-character notice never sits whole in memory.
 */
public final class AnnouncerSpeech implements OnAir.Speech {

    private final Abbreviations abbreviations;

    public AnnouncerSpeech(Abbreviations abbreviations) {
        this.abbreviations = abbreviations;
    }

    @Override
    public void speak(String text, String voice, String unitPath, BufferedPcmSource.Sink sink) {
        speak(text, voice, unitPath, false, sink);
    }

    /** An emergency notice is read 15% slower ({@link VoiceSettings#URGENT}), its pauses stretched alike. */
    @Override
    public void speak(String text, String voice, String unitPath, boolean urgent, BufferedPcmSource.Sink sink) {
        Announcer announcer = abbreviations.announcerFor(unitPath);
        long[] at = {0};
        announcer.speak(text, voice, urgent ? VoiceSettings.URGENT : VoiceSettings.NORMAL, chunk -> {
            short[] samples = Pcm16.samples(chunk.pcm());
            sink.accept(new PcmFrame(samples, chunk.format().sampleRate(), at[0]));
            at[0] += samples.length;
        });
    }
}
