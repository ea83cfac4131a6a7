package vn.loa.wire.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.wire.pcm.Signals;

class OpusAudioEncoderTest {

    private static final int RATE = 48_000;
    private static final int FRAME = 960; // 20 ms

    @Test
    void packetsDecodeBackToTheToneThatWasSent() {
        short[] sine = Signals.sine(1000, 0.5, RATE, 2 * RATE);

        List<byte[]> packets = encode(OpusAudioEncoder.forSpeech(24_000), sine);
        short[] heard = decode(packets);

        assertThat(heard).hasSize(sine.length);
        assertThat(Signals.zeroCrossingFrequency(heard, RATE / 2, 3 * RATE / 2, RATE)).isCloseTo(1000, within(1.0));
        assertThat(Signals.toneAmplitude(heard, RATE / 2, 3 * RATE / 2, 1000, RATE)).isCloseTo(0.5, within(0.05));
    }

    @Test
    void aTwentyFourKilobitStreamMakesPacketsOfAboutSixtyBytes() {
        short[] sine = Signals.sine(440, 0.3, RATE, 2 * RATE);

        List<byte[]> packets = encode(OpusAudioEncoder.forSpeech(24_000), sine);

        double meanBytes = packets.stream().mapToInt(p -> p.length).average().orElseThrow();
        assertThat(meanBytes).isBetween(40.0, 80.0);
    }

    @Test
    void aLostPacketIsConcealedWithAFrameOfTheRightLength() {
        OpusAudioDecoder decoder = new OpusAudioDecoder();
        decoder.decode(encode(OpusAudioEncoder.forSpeech(24_000), Signals.sine(440, 0.3, RATE, FRAME)).get(0));

        assertThat(decoder.conceal(FRAME)).hasSize(FRAME);
    }

    static List<byte[]> encode(OpusAudioEncoder encoder, short[] pcm) {
        List<byte[]> packets = new ArrayList<>();
        for (int at = 0; at + FRAME <= pcm.length; at += FRAME) {
            packets.add(encoder.encode(Arrays.copyOfRange(pcm, at, at + FRAME)));
        }
        return packets;
    }

    static short[] decode(List<byte[]> packets) {
        OpusAudioDecoder decoder = new OpusAudioDecoder();
        short[] out = new short[0];
        for (byte[] packet : packets) {
            short[] pcm = decoder.decode(packet);
            int at = out.length;
            out = Arrays.copyOf(out, at + pcm.length);
            System.arraycopy(pcm, 0, out, at, pcm.length);
        }
        return out;
    }
}
