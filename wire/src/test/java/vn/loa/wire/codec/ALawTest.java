package vn.loa.wire.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ALawTest {

    @Test
    void silenceEncodesToTheEvenBitPattern() {
        assertThat(ALaw.encode((short) 0)).isEqualTo((byte) 0xD5);
        assertThat(ALaw.encode((short) -1)).isEqualTo((byte) 0x55);
    }

    @Test
    void knownCodePointsMatchTheStandard() {
        assertThat(ALaw.decode((byte) 0xD5)).isEqualTo((short) 8);
        assertThat(ALaw.decode((byte) 0x55)).isEqualTo((short) -8);
        assertThat(ALaw.encode(Short.MAX_VALUE)).isEqualTo((byte) 0xAA);
        assertThat(ALaw.encode(Short.MIN_VALUE)).isEqualTo((byte) 0x2A);
        assertThat(ALaw.decode((byte) 0xAA)).isEqualTo((short) 32256);
        assertThat(ALaw.decode((byte) 0x2A)).isEqualTo((short) -32256);
    }

    @Test
    void everyCodeSurvivesDecodeThenEncode() {
        for (int code = 0; code < 256; code++) {
            assertThat(ALaw.encode(ALaw.decode((byte) code))).as("code %02x", code).isEqualTo((byte) code);
        }
    }

    @Test
    void roundTripErrorStaysWithinHalfAStepOfTheSegment() {
        for (int x = -32_000; x <= 32_000; x++) {
            int decoded = ALaw.decode(ALaw.encode((short) x));
            // Segments 0 and 1 step by 16; above that the step is 1/16 of the segment start, so half is |x|/32.
            assertThat(Math.abs(decoded - x)).as("sample %d", x).isLessThanOrEqualTo(Math.max(8, Math.abs(x) / 32 + 1));
        }
    }

    @Test
    void aSpeechLevelSineKeepsMoreThanThirtyFourDecibelsSignalToNoise() {
        assertThat(G711Fixtures.sineSnrDb(ALaw::encode, ALaw::decode)).isGreaterThan(34.0);
    }
}
