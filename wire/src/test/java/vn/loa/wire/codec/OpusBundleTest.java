package vn.loa.wire.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpusBundleTest {

    private static short[] tone(int frame) {
        short[] samples = new short[960];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * (frame * 960 + i) / 48_000.0));
        }
        return samples;
    }

    @Test
    void threeTwentyMillisecondPacketsBecomeOneSixtyMillisecondPacketThatDecodesToTheSameLength() {
        OpusAudioEncoder encoder = OpusAudioEncoder.forSpeech(24_000);
        OpusBundle bundle = new OpusBundle();
        int separate = 0;
        for (int f = 0; f < 3; f++) {
            byte[] packet = encoder.encode(tone(f));
            separate += packet.length;
            assertThat(bundle.add(packet)).isTrue();
        }
        byte[] sixty = bundle.take();

        assertThat(bundle.frames()).isZero();
        assertThat(bundle.take()).isNull();
        // One TOC byte and a few length bytes instead of three TOC bytes: about the sum of the parts.
        assertThat(sixty.length).isBetween(separate - 3, separate + 4);
        short[] decoded = new OpusAudioDecoder().decode(sixty);
        assertThat(decoded).hasSize(3 * 960);
    }
}
