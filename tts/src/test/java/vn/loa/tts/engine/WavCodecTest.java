package vn.loa.tts.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class WavCodecTest {

    @Test
    void encodedWavDecodesToTheSamePcm() {
        byte[] pcm = {1, 0, -1, -1, 0, 127};
        WavCodec.Decoded decoded = WavCodec.decode(WavCodec.encode(new PcmFormat(16_000), pcm));
        assertThat(decoded.format().sampleRate()).isEqualTo(16_000);
        assertThat(decoded.pcm()).containsExactly(pcm);
    }

    @Test
    void decodesEspeakStyleHeadersWhoseLengthsArePlaceholders() {
        byte[] wav = WavCodec.encode(PcmFormat.ESPEAK, new byte[] {5, 0, 6, 0});
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0x7FFFFFFF).putInt(40, 0x7FFFF000);
        assertThat(WavCodec.decode(wav).pcm()).containsExactly(5, 0, 6, 0);
    }

    @Test
    void joinsChunksIntoOneFile() {
        List<SpeechChunk> chunks = List.of(new SpeechChunk(0, "a", PcmFormat.ESPEAK, new byte[] {1, 0}),
                new SpeechChunk(1, "b", PcmFormat.ESPEAK, new byte[] {2, 0}));
        assertThat(WavCodec.decode(WavCodec.encode(chunks)).pcm()).containsExactly(1, 0, 2, 0);
    }

    @Test
    void refusesWhatIsNotSixteenBitMonoWav() {
        assertThatThrownBy(() -> WavCodec.decode(new byte[] {1, 2, 3})).hasMessageContaining("not a RIFF WAVE");
        byte[] stereo = WavCodec.encode(PcmFormat.ESPEAK, new byte[4]);
        stereo[22] = 2;
        assertThatThrownBy(() -> WavCodec.decode(stereo)).hasMessageContaining("2 channels");
    }
}
