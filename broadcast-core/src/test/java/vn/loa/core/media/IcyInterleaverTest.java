package vn.loa.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IcyInterleaverTest {

    @Test
    void aTitleBlockFollowsEveryIntervalOfAudioAndAnUnchangedTitleIsOneZeroByte() {
        IcyInterleaver icy = new IcyInterleaver(8);
        byte[] audio = new byte[20];
        Arrays.fill(audio, (byte) 7);

        byte[] out = icy.interleave(audio, "Lũ quét");

        String meta = "StreamTitle='Lũ quét';";
        int blocks = (meta.getBytes(StandardCharsets.UTF_8).length + 15) / 16;
        assertThat(out.length).isEqualTo(20 + 1 + blocks * 16 + 1);
        assertThat(Arrays.copyOfRange(out, 0, 8)).containsOnly(7);
        assertThat(out[8]).isEqualTo((byte) blocks);
        assertThat(new String(out, 9, meta.getBytes(StandardCharsets.UTF_8).length, StandardCharsets.UTF_8))
                .isEqualTo(meta);
        int second = 9 + blocks * 16 + 8;
        assertThat(out[second]).isZero(); // same title again
        assertThat(Arrays.copyOfRange(out, second + 1, out.length)).containsOnly(7);
    }

    @Test
    void theIntervalCarriesOverFromOneWriteToTheNext() {
        IcyInterleaver icy = new IcyInterleaver(10);

        byte[] first = icy.interleave(new byte[6], null);
        byte[] second = icy.interleave(new byte[6], null);

        assertThat(first).hasSize(6);
        // four more bytes of audio, then an empty title block (16 bytes: StreamTitle='';), then two bytes.
        assertThat(second).hasSize(6 + 1 + 16);
        assertThat(second[4]).isEqualTo((byte) 1);
    }
}
