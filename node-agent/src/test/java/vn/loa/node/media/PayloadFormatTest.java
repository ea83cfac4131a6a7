package vn.loa.node.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.loa.wire.codec.ALaw;
import vn.loa.wire.codec.MuLaw;
import vn.loa.wire.codec.OpusAudioEncoder;

class PayloadFormatTest {

    @Test
    void g711PayloadsDecodeToOneSamplePerByteAtEightKilohertz() {
        short[] tone = {0, 1000, -1000, 30000};
        assertThat(PayloadFormat.PCMU.newDecoder().decode(MuLaw.encode(tone))).containsExactly(
                MuLaw.decode(MuLaw.encode(tone)));
        assertThat(PayloadFormat.PCMA.newDecoder().decode(ALaw.encode(tone))).containsExactly(
                ALaw.decode(ALaw.encode(tone)));
        assertThat(PayloadFormat.PCMU.sampleRate()).isEqualTo(8000);
    }

    @Test
    void anOpusPacketOfTwentyMillisecondsDecodesToNineHundredSixtySamples() {
        OpusAudioEncoder encoder = OpusAudioEncoder.forSpeech(24_000);
        short[] frame = new short[960];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (short) (6000 * Math.sin(2 * Math.PI * 300 * i / 48_000.0));
        }
        PayloadDecoder decoder = PayloadFormat.OPUS.newDecoder();
        assertThat(decoder.decode(encoder.encode(frame))).hasSize(960);
        assertThat(decoder.conceal(960)).hasSize(960);
    }

    @Test
    void namesFromTheServerAreReadCaseInsensitively() {
        assertThat(PayloadFormat.named("opus")).contains(PayloadFormat.OPUS);
        assertThat(PayloadFormat.named("G722")).isEmpty();
    }

    @Test
    void onlyDynamicPayloadTypesCanBeLearned() {
        PayloadTypes types = new PayloadTypes();
        types.learn(0, PayloadFormat.OPUS);
        types.learn(100, PayloadFormat.OPUS);
        assertThat(types.formatOf(0)).contains(PayloadFormat.PCMU);
        assertThat(types.formatOf(100)).contains(PayloadFormat.OPUS);
        assertThat(types.formatOf(PayloadTypes.LOA_OPUS)).contains(PayloadFormat.OPUS);
        assertThat(types.formatOf(96)).isEmpty();
    }
}
