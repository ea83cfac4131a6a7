package vn.loa.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.wire.pcm.Signals;

class FrameSizerTest {

    @Test
    void oddSizedInputIsCutInto20MillisecondFramesAndTheLastIsPaddedWithSilence() {
        short[] input = Signals.sine(500, 0.5, 8000, 1000); // 125 ms: six whole frames and 40 samples
        MediaSource<PcmFrame> oddChunks = new MediaSource<>() {
            private int at;

            @Override
            public PcmFrame pull() {
                if (at >= input.length) {
                    return null;
                }
                int end = Math.min(input.length, at + 77);
                PcmFrame f = new PcmFrame(java.util.Arrays.copyOfRange(input, at, end), 8000, at);
                at = end;
                return f;
            }
        };

        List<PcmFrame> frames = MediaPipeline.from("odd", oddChunks)
                .then("frame", FrameSizer.every(Duration.ofMillis(20))).build().pullAll();

        assertThat(frames).hasSize(7).allSatisfy(f -> assertThat(f.length()).isEqualTo(160));
        assertThat(frames.get(6).timestamp()).isEqualTo(960);
        short[] all = Signals.concat(frames);
        assertThat(java.util.Arrays.copyOf(all, 1000)).isEqualTo(input);
        assertThat(java.util.Arrays.copyOfRange(all, 1000, 1120)).containsOnly(0);
    }
}
