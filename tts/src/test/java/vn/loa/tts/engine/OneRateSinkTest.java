package vn.loa.tts.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneRateSinkTest {

    private final List<SpeechChunk> out = new ArrayList<>();

    @Test
    void theFirstChunkFixesTheRateAndLaterChunksAreResampledToIt() {
        OneRateSink sink = new OneRateSink(out::add);
        sink.accept(chunk(0, new PcmFormat(22_050)));
        sink.accept(chunk(1, new PcmFormat(48_000)));
        sink.accept(chunk(2, new PcmFormat(16_000)));

        assertThat(out).extracting(SpeechChunk::format).containsOnly(new PcmFormat(22_050));
        assertThat(out).extracting(SpeechChunk::millis).containsExactly(600L, 600L, 600L);
        assertThat(out).extracting(SpeechChunk::sentence).containsExactly("s0", "s1", "s2");
    }

    @Test
    void aResampledToneKeepsItsPitch() {
        new OneRateSink(out::add, new PcmFormat(22_050)).accept(chunk(0, new PcmFormat(48_000)));
        // FakeEngine's tone is 180 Hz: 360 zero crossings a second, whatever the rate.
        short[] samples = samples(out.get(0).pcm());
        int crossings = 0;
        for (int i = 1; i < samples.length; i++) {
            if ((samples[i - 1] < 0) != (samples[i] < 0)) {
                crossings++;
            }
        }
        assertThat(crossings).isBetween(210, 222); // 0.6 s
    }

    @Test
    void chunksAlreadyAtTheRatePassUntouched() {
        SpeechChunk same = chunk(0, new PcmFormat(16_000));
        new OneRateSink(out::add, new PcmFormat(16_000)).accept(same);
        assertThat(out.get(0)).isSameAs(same);
    }

    @Test
    void theLengthIsTheInputsDurationAtTheNewRateToTheSample() {
        byte[] pcm = OneRateSink.resample(new byte[2 * 16_001], 16_000, 22_050);
        assertThat(pcm.length / 2).isEqualTo(22_052); // ceil(16,001 × 22,050 / 16,000)
    }

    private static SpeechChunk chunk(int index, PcmFormat format) {
        return new SpeechChunk(index, "s" + index, format, FakeEngine.tone(2, format));
    }

    private static short[] samples(byte[] pcm) {
        short[] s = new short[pcm.length / 2];
        ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
        return s;
    }
}
