package vn.loa.server.air;

import java.time.Duration;
import vn.loa.core.media.MixPlan;
import vn.loa.core.media.PcmBufferSource;
import vn.loa.core.media.ProgrammeMix;
import vn.loa.core.model.Announcement;

/**
 * What an announcement sounds like before any codec: its sound (spoken text or a recording) and how it is mixed
 * (chime, repeats, pauses).
 * The live stream and the file a node prefetches are made from the same programme.
 */
record Programme(OnAir.Spoken spoken, MixPlan plan) {

    /** The pause between two plays of a repeated notice. */
    static final Duration PAUSE_BETWEEN_PLAYS = Duration.ofSeconds(3);

    /** The programme of {@code a}, made of its {@code sound} (spoken text or an uploaded recording). */
    static Programme of(Announcement a, OnAir.Spoken sound) {
        return new Programme(sound, new MixPlan(a.chime() ? Chime.dingDong() : null,
                a.chime() ? Chime.dingDong() : null, a.repeat(), PAUSE_BETWEEN_PLAYS));
    }

    PcmBufferSource source() {
        return new PcmBufferSource(spoken.samples(), spoken.sampleRate());
    }

    /** The whole programme, mixed and levelled, at {@code sampleRate}. */
    short[] render(int sampleRate) {
        return ProgrammeMix.render(source(), plan, sampleRate);
    }
}
