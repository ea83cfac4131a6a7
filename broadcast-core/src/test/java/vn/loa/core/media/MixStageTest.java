package vn.loa.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.wire.pcm.Signals;

class MixStageTest {

    private static final int RATE = 8000;

    @Test
    void theChimePlaysBeforeAndAfterTheContent() {
        short[] chime = filled(100, (short) 1000);
        short[] content = filled(300, (short) 2000);
        MixPlan plan = new MixPlan(frame(chime), frame(filled(50, (short) 3000)), 1, Duration.ZERO);

        short[] out = mix(content, plan);

        assertThat(out).hasSize(100 + 300 + 50);
        assertThat(Arrays.copyOfRange(out, 0, 100)).containsOnly(1000);
        assertThat(Arrays.copyOfRange(out, 100, 400)).containsOnly(2000);
        assertThat(Arrays.copyOfRange(out, 400, 450)).containsOnly(3000);
    }

    @Test
    void contentRepeatsWithAPauseOfSilenceBetweenPlays() {
        short[] content = filled(400, (short) 2000);
        MixPlan plan = new MixPlan(null, null, 3, Duration.ofMillis(250));

        short[] out = mix(content, plan);

        int pause = RATE / 4;
        assertThat(out).hasSize(3 * 400 + 2 * pause);
        assertThat(Arrays.copyOfRange(out, 400, 400 + pause)).containsOnly(0);
        assertThat(Arrays.copyOfRange(out, 400 + pause, 800 + pause)).containsOnly(2000);
        assertThat(Arrays.copyOfRange(out, 800 + 2 * pause, 1200 + 2 * pause)).containsOnly(2000);
    }

    @Test
    void aChimeRecordedAtAnotherRateIsResampledToTheStreamRate() {
        PcmFrame chime = new PcmFrame(Signals.sine(800, 0.5, 44_100, 44_100), 44_100, 0);
        MixPlan plan = new MixPlan(chime, null, 1, Duration.ZERO);

        short[] out = mix(new short[160], plan);

        assertThat(out).hasSize(RATE + 160);
        assertThat(Signals.toneAmplitude(out, 800, 7200, 800, RATE)).isCloseTo(0.5, org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void outputTimestampsRunOnWithoutGaps() {
        MixPlan plan = new MixPlan(frame(filled(100, (short) 1)), null, 2, Duration.ofMillis(10));
        List<PcmFrame> frames = MediaPipeline.from("pcm", new PcmBufferSource(new short[500], RATE))
                .then("mix", MixStage.of(plan)).build().pullAll();

        long expected = 0;
        for (PcmFrame f : frames) {
            assertThat(f.timestamp()).isEqualTo(expected);
            expected = f.endTimestamp();
        }
    }

    @Test
    void anEmptyAnnouncementIsNotAnnouncedAtAll() {
        MixPlan plan = new MixPlan(frame(filled(100, (short) 1)), frame(filled(100, (short) 1)), 2, Duration.ZERO);

        assertThat(mix(new short[0], plan)).isEmpty();
    }

    private static short[] mix(short[] content, MixPlan plan) {
        return Signals.concat(MediaPipeline.from("pcm", new PcmBufferSource(content, RATE))
                .then("mix", MixStage.of(plan)).build().pullAll());
    }

    private static short[] filled(int length, short value) {
        short[] samples = new short[length];
        Arrays.fill(samples, value);
        return samples;
    }

    private static PcmFrame frame(short[] samples) {
        return new PcmFrame(samples, RATE, 0);
    }
}
