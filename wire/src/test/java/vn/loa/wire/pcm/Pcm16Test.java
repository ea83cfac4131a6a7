package vn.loa.wire.pcm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Pcm16Test {

    @Test
    void samplesAreLittleEndianSignedSixteenBit() {
        assertThat(Pcm16.samples(new byte[] {1, 0, -1, -1, 0, -128})).containsExactly(1, -1, Short.MIN_VALUE);
        assertThat(Pcm16.bytes(new short[] {1, -1, Short.MIN_VALUE})).containsExactly(1, 0, -1, -1, 0, -128);
    }

    @Test
    void runsAreJoinedInOrder() {
        assertThat(Pcm16.samples(Pcm16.bytes(new short[] {1, 2}, new short[0], new short[] {3})))
                .containsExactly(1, 2, 3);
    }

    @Test
    void anOddLastByteIsHalfASampleAndDropped() {
        assertThat(Pcm16.samples(new byte[] {5, 0, 9})).containsExactly(5);
        assertThat(Pcm16.samples(new byte[] {5, 0, 6, 0, 9, 9}, 3)).containsExactly(5);
    }
}
