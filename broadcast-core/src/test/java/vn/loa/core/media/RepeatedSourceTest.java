package vn.loa.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.wire.pcm.Signals;

class RepeatedSourceTest {

    @Test
    void eachPlayOpensTheContentAfreshWithThePauseBetweenPlays() {
        short[] content = Signals.sine(500, 0.5, 8_000, 1_000);
        AtomicInteger opened = new AtomicInteger();

        MediaSource<PcmFrame> repeated = RepeatedSource.of(() -> {
            opened.incrementAndGet();
            return new PcmBufferSource(content, 8_000);
        }, 3, Duration.ofMillis(100));
        short[] pcm = Signals.concat(MediaPipeline.from("repeated", repeated).build().pullAll());

        assertThat(opened).hasValue(3);
        assertThat(pcm).hasSize(3 * 1_000 + 2 * 800);
        assertThat(java.util.Arrays.copyOfRange(pcm, 1_000, 1_800)).containsOnly((short) 0);
        assertThat(java.util.Arrays.copyOfRange(pcm, 1_800, 2_800)).isEqualTo(content);
    }

    @Test
    void aSinglePlayIsTheContentItself() {
        PcmBufferSource content = new PcmBufferSource(new short[10], 8_000);

        assertThat(RepeatedSource.of(() -> content, 1, Duration.ofSeconds(3))).isSameAs(content);
    }
}
