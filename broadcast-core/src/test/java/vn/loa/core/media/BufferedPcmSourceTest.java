package vn.loa.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.wire.pcm.Signals;

class BufferedPcmSourceTest {

    private static final Executor NEW_THREAD = task -> new Thread(task, "test-producer").start();

    @Test
    void theProducersAudioComesOutWholeAndInOrderIn20MillisecondFrames() {
        short[] speech = Signals.sine(300, 0.3, 8_000, 8_000);
        BufferedPcmSource source = BufferedPcmSource.start(Runnable::run, 8_000, Duration.ofSeconds(2), sink -> {
            sink.accept(new PcmFrame(java.util.Arrays.copyOfRange(speech, 0, 3_000), 8_000, 0));
            sink.accept(new PcmFrame(java.util.Arrays.copyOfRange(speech, 3_000, 8_000), 8_000, 3_000));
        });

        List<PcmFrame> frames = pullAll(source);

        assertThat(frames.get(0).length()).isEqualTo(160);
        assertThat(frames.get(1).timestamp()).isEqualTo(160);
        assertThat(Signals.concat(frames)).isEqualTo(speech);
    }

    @Test
    void aPullWhileTheProducerIsBehindAnswersSilenceAtOnceInsteadOfWaiting() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BufferedPcmSource source = BufferedPcmSource.start(NEW_THREAD, 8_000, Duration.ofSeconds(1), sink -> {
            release.await();
            sink.accept(new PcmFrame(Signals.sine(440, 0.5, 8_000, 160), 8_000, 0));
        });

        PcmFrame early = source.pull();
        release.countDown();
        assertThat(source.awaitFirstAudio(Duration.ofSeconds(10))).isTrue();
        PcmFrame late = source.pull();

        assertThat(early.samples()).hasSize(160).containsOnly((short) 0);
        assertThat(source.underruns()).isEqualTo(1);
        assertThat(Signals.peak(late.samples())).isGreaterThan(10_000);
    }

    @Test
    void aSourceForAFileWaitsForTheProducerInsteadOfAnsweringSilence() {
        short[] tone = Signals.sine(440, 0.5, 8_000, 8_000);
        BufferedPcmSource source = BufferedPcmSource.startWaiting(NEW_THREAD, 8_000, Duration.ofMillis(100), sink -> {
            for (int at = 0; at < tone.length; at += 400) {
                sink.accept(new PcmFrame(java.util.Arrays.copyOfRange(tone, at, at + 400), 8_000, at));
            }
        });

        short[] pcm = Signals.concat(pullAll(source));

        assertThat(pcm).isEqualTo(tone);
        assertThat(source.underruns()).isZero();
    }

    @Test
    void aProducerThatWouldNeverEndHoldsNoMoreThanTheBufferAndStopsWhenTheSourceCloses() throws Exception {
        AtomicLong accepted = new AtomicLong();
        CountDownLatch stopped = new CountDownLatch(1);
        BufferedPcmSource source = BufferedPcmSource.start(NEW_THREAD, 8_000, Duration.ofSeconds(1), sink -> {
            try {
                while (true) {
                    sink.accept(new PcmFrame(new short[160], 8_000, 0));
                    accepted.addAndGet(160);
                }
            } finally {
                stopped.countDown();
            }
        });
        source.awaitFirstAudio(Duration.ofSeconds(10));

        source.close();

        assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(accepted.get()).isLessThanOrEqualTo(8_000 + 160);
        assertThat(source.pull()).isNull();
    }

    @Test
    void audioAtAnotherRateIsResampledToTheSourcesRate() {
        BufferedPcmSource source = BufferedPcmSource.start(Runnable::run, 8_000, Duration.ofSeconds(2),
                sink -> sink.accept(new PcmFrame(Signals.sine(440, 0.5, 22_050, 22_050), 22_050, 0)));

        short[] pcm = Signals.concat(pullAll(source));

        assertThat(pcm.length).isBetween(7_900, 8_100);
        assertThat(Signals.zeroCrossingFrequency(pcm, 1_000, 7_000, 8_000)).isBetween(430.0, 450.0);
    }

    @Test
    void aProducerThatFailsEndsTheStreamAfterWhatItMadeAndSaysWhy() {
        BufferedPcmSource source = BufferedPcmSource.start(Runnable::run, 8_000, Duration.ofSeconds(1), sink -> {
            sink.accept(new PcmFrame(new short[320], 8_000, 0));
            throw new IllegalStateException("ffmpeg died");
        });

        assertThat(pullAll(source)).hasSize(2);
        assertThat(source.failure()).hasMessage("ffmpeg died");
    }

    private static List<PcmFrame> pullAll(MediaSource<PcmFrame> source) {
        List<PcmFrame> frames = new ArrayList<>();
        for (PcmFrame f = source.pull(); f != null; f = source.pull()) {
            frames.add(f);
        }
        return frames;
    }
}
