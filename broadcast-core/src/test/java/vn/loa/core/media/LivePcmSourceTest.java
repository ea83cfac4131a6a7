package vn.loa.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.wire.pcm.Signals;

class LivePcmSourceTest {

    private static final int RATE = 8000;

    @Test
    void speechOfferedInIrregularChunksComesOutInWhole20MillisecondFrames() {
        LivePcmSource live = new LivePcmSource(RATE, Duration.ofMillis(200));
        short[] speech = Signals.sine(300, 0.3, RATE, 480);
        live.offer(Arrays.copyOfRange(speech, 0, 100));
        live.offer(Arrays.copyOfRange(speech, 100, 480));

        PcmFrame first = live.pull();
        PcmFrame second = live.pull();

        assertThat(first.length()).isEqualTo(160);
        assertThat(first.samples()).isEqualTo(Arrays.copyOfRange(speech, 0, 160));
        assertThat(second.timestamp()).isEqualTo(160);
        assertThat(second.samples()).isEqualTo(Arrays.copyOfRange(speech, 160, 320));
        assertThat(live.underruns()).isZero();
    }

    @Test
    void lateAudioIsCoveredWithSilenceSoTheStreamNeverStalls() {
        LivePcmSource live = new LivePcmSource(RATE, Duration.ofMillis(200));
        live.offer(new short[] {5, 5, 5});

        PcmFrame frame = live.pull();

        assertThat(frame.length()).isEqualTo(160);
        assertThat(Arrays.copyOf(frame.samples(), 3)).containsOnly(5);
        assertThat(Arrays.copyOfRange(frame.samples(), 3, 160)).containsOnly(0);
        assertThat(live.pull().samples()).containsOnly(0);
        assertThat(live.underruns()).isEqualTo(2);
    }

    @Test
    void audioPilingUpBeyondTheLatencyBoundLosesItsOldestPart() {
        LivePcmSource live = new LivePcmSource(RATE, Duration.ofMillis(40)); // 320 samples
        short[] burst = new short[480];
        for (int i = 0; i < burst.length; i++) {
            burst[i] = (short) i;
        }

        live.offer(burst);

        assertThat(live.droppedSamples()).isEqualTo(160);
        assertThat(live.pull().samples()[0]).isEqualTo((short) 160);
    }

    @Test
    void theStreamEndsOnceTheSpeakerIsDoneAndWhatWaitedWasPlayed() {
        LivePcmSource live = new LivePcmSource(RATE, Duration.ofMillis(200));
        live.offer(new short[200]);
        live.end();

        assertThat(live.pull()).isNotNull();
        assertThat(live.pull()).isNotNull();
        assertThat(live.pull()).isNull();
        assertThat(live.underruns()).isZero();
    }
}
