package vn.loa.wire.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MuLawTest {

    @Test
    void silenceEncodesToAllOnes() {
        assertThat(MuLaw.encode((short) 0)).isEqualTo((byte) 0xFF);
        assertThat(MuLaw.decode((byte) 0xFF)).isZero();
    }

    @Test
    void knownCodePointsMatchTheStandard() {
        // Full-scale positive and negative clip to the top of segment 7.
        assertThat(MuLaw.encode(Short.MAX_VALUE)).isEqualTo((byte) 0x80);
        assertThat(MuLaw.encode(Short.MIN_VALUE)).isEqualTo((byte) 0x00);
        assertThat(MuLaw.decode((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(MuLaw.decode((byte) 0x00)).isEqualTo((short) -32124);
        // 0x7F is "negative zero"; the smallest non-zero step is 8.
        assertThat(MuLaw.decode((byte) 0x7F)).isZero();
        assertThat(MuLaw.decode((byte) 0xFE)).isEqualTo((short) 8);
        assertThat(MuLaw.decode((byte) 0x7E)).isEqualTo((short) -8);
        // The first code of segment 1 (0xEF inverted is 0x10).
        assertThat(MuLaw.decode((byte) 0xEF)).isEqualTo((short) 132);
    }

    @Test
    void everyCodeSurvivesDecodeThenEncode() {
        for (int code = 0; code < 256; code++) {
            if (code == 0x7F) {
                continue; // negative zero decodes to 0, which encodes as positive zero 0xFF
            }
            assertThat(MuLaw.encode(MuLaw.decode((byte) code))).as("code %02x", code).isEqualTo((byte) code);
        }
    }

    @Test
    void roundTripErrorStaysWithinHalfAStepOfTheSegment() {
        for (int x = -32_000; x <= 32_000; x++) {
            int decoded = MuLaw.decode(MuLaw.encode((short) x));
            // Steps are 8 << s and segment s starts at (128 << s) - 132, so half a step is at most (|x| + 132) / 32.
            assertThat(Math.abs(decoded - x)).as("sample %d", x).isLessThanOrEqualTo((Math.abs(x) + 132) / 32 + 1);
        }
    }

    @Test
    void encodingIsMonotonic() {
        int previous = Integer.MIN_VALUE;
        for (int x = Short.MIN_VALUE; x <= Short.MAX_VALUE; x++) {
            int decoded = MuLaw.decode(MuLaw.encode((short) x));
            assertThat(decoded).isGreaterThanOrEqualTo(previous);
            previous = decoded;
        }
    }

    @Test
    void aSpeechLevelSineKeepsMoreThanThirtyFourDecibelsSignalToNoise() {
        assertThat(G711Fixtures.sineSnrDb(MuLaw::encode, MuLaw::decode)).isGreaterThan(34.0);
    }
}
