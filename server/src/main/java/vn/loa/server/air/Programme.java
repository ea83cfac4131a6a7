package vn.loa.server.air;

import java.time.Duration;
import java.util.concurrent.Executor;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.core.media.MixPlan;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.core.media.NoticePipeline;
import vn.loa.core.media.RepeatedSource;
import vn.loa.core.model.Announcement;

/**
 * What an announcement sounds like before any codec: its sound (spoken text or a recording), how many times it plays,
 * and how it is mixed (chimes). The live stream and the file a node prefetches are made from the same programme.
 *
 * <p>Repeats make the sound again rather than keep it, so the air holds a few seconds of any programme.
 */
record Programme(Sound sound, int plays, MixPlan plan) {

    /** The pause between two plays of a repeated notice. */
    static final Duration PAUSE_BETWEEN_PLAYS = Duration.ofSeconds(3);

    /** The programme of {@code a}, made of its {@code sound} (spoken text or an uploaded recording). */
    static Programme of(Announcement a, Sound sound) {
        return new Programme(sound, a.repeat(), new MixPlan(a.chime() ? Chime.dingDong() : null,
                a.chime() ? Chime.dingDong() : null, 1, Duration.ZERO));
    }

    /** The content for the air, made on {@code makers} as it plays; never blocks. */
    MediaSource<PcmFrame> source(Executor makers) {
        return RepeatedSource.of(() -> sound.ahead(makers), plays, PAUSE_BETWEEN_PLAYS);
    }

    /**
     * The whole programme, mixed and levelled, at {@code sampleRate}, for a file: pulling it waits while the sound is
     * made on {@code makers}, and it holds a few seconds of it at a time.
     */
    MediaSource<PcmFrame> mixed(int sampleRate, Executor makers) {
        return NoticePipeline.heard(RepeatedSource.of(() -> sound.forFile(makers), plays, PAUSE_BETWEEN_PLAYS), plan,
                sampleRate).build();
    }
}
