package vn.loa.wire.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vn.loa.wire.pcm.Signals;

class G722EncoderTest {

    private static final int RATE = G722Encoder.SAMPLE_RATE;
    private static final int FRAME = 320; // 20 ms

    @Test
    void twentyMillisecondsOfSixteenKilohertzAudioMakeAHundredAndSixtyBytes() {
        byte[] payload = new G722Encoder().encode(Signals.sine(440, 0.5, RATE, FRAME));

        assertThat(payload).hasSize(160);
    }

    @Test
    void itSamplesAtSixteenKilohertzButRtpClocksItAtEightThousand() {
        G722Encoder encoder = new G722Encoder();

        assertThat(encoder.sampleRate()).isEqualTo(16_000);
        assertThat(encoder.clockRate()).isEqualTo(8000);
        assertThat(encoder.encodingName()).isEqualTo("G722");
    }

    @Test
    void silenceStartsAsTheZeroDifferenceCodeAndStaysInTheSmallestCodes() {
        byte[] tenSeconds = encodeAll(new G722Encoder(), new short[10 * RATE]);

        // From reset both step sizes are at their minimum: a zero difference is the higher band's smallest positive
        // code (3) and, because the first three lower decision levels truncate to 0, the lower band's 58.
        byte[] start = Arrays.copyOf(tenSeconds, 40);
        byte[] zeroDifference = new byte[40];
        Arrays.fill(zeroDifference, (byte) (3 << 6 | 58));
        assertThat(start).isEqualTo(zeroDifference);
        // Then the lower predictor idles on a few least-significant bits (ffmpeg decodes it to peaks of 4 in 32767),
        // never reaching the three largest cells either side of its 4-bit quantiser.
        for (byte code : tenSeconds) {
            assertThat(code >> 6 & 3).isEqualTo(3);
            assertThat((code & 63) >> 2).isNotIn(1, 2, 3, 8, 9, 10);
        }
    }

    @Test
    void twoEncodersGivenTheSameAudioSendTheSameBytes() {
        short[] audio = Signals.sine(1200, 0.4, RATE, 10 * FRAME);

        assertThat(encodeAll(new G722Encoder(), audio)).isEqualTo(encodeAll(new G722Encoder(), audio));
    }

    @Test
    void fullScaleSquareWavesAndAlternatingExtremesEncodeWithoutError() {
        short[] square = new short[50 * FRAME];
        short[] alternating = new short[50 * FRAME];
        for (int i = 0; i < square.length; i++) {
            square[i] = (i / 20) % 2 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE;
            alternating[i] = (short) (i % 2 == 0 ? 32767 : -32767);
        }

        assertThat(encodeAll(new G722Encoder(), square)).hasSize(square.length / 2);
        assertThat(encodeAll(new G722Encoder(), alternating)).hasSize(alternating.length / 2);
    }

    @Test
    void anOddNumberOfSamplesIsRefused() {
        assertThatThrownBy(() -> new G722Encoder().encode(new short[319]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] encodeAll(G722Encoder encoder, short[] pcm) {
        byte[] out = new byte[pcm.length / 2];
        for (int at = 0; at + FRAME <= pcm.length; at += FRAME) {
            byte[] payload = encoder.encode(Arrays.copyOfRange(pcm, at, at + FRAME));
            System.arraycopy(payload, 0, out, at / 2, payload.length);
        }
        return out;
    }
}
