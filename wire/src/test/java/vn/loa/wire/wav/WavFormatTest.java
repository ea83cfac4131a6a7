package vn.loa.wire.wav;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import vn.loa.wire.pcm.Pcm16;
import vn.loa.wire.pcm.PcmFrame;

class WavFormatTest {

    @Test
    void theJdkReadsTheFileAsSixteenBitMonoPcmAtItsRate() throws Exception {
        byte[] pcm = Pcm16.bytes(new short[] {0, 1000, -1000, Short.MAX_VALUE, Short.MIN_VALUE});
        try (AudioInputStream in = AudioSystem.getAudioInputStream(
                new ByteArrayInputStream(WavFormat.file(8000, pcm)))) {
            AudioFormat format = in.getFormat();
            assertThat(format.getSampleRate()).isEqualTo(8000f);
            assertThat(format.getChannels()).isEqualTo(1);
            assertThat(format.getSampleSizeInBits()).isEqualTo(16);
            assertThat(format.isBigEndian()).isFalse();
            assertThat(in.getFrameLength()).isEqualTo(5);
            assertThat(in.readAllBytes()).containsExactly(pcm);
        }
    }

    @Test
    void wavFileSourceReadsBackTheSamplesWritten() {
        short[] samples = {7, -7, 300, -300};
        try (WavFileSource source = WavFileSource.open(
                new ByteArrayInputStream(WavFormat.file(22_050, Pcm16.bytes(samples))))) {
            PcmFrame frame = source.pull();
            assertThat(frame.sampleRate()).isEqualTo(22_050);
            assertThat(frame.samples()).containsExactly(samples);
        }
    }

    @Test
    void readGivesTheRateAndTheBytesOfSamples() {
        WavFormat.Audio audio = WavFormat.read(WavFormat.file(48_000, new byte[] {1, 0, 2, 0}));
        assertThat(audio.sampleRate()).isEqualTo(48_000);
        assertThat(audio.pcm()).containsExactly(1, 0, 2, 0);
    }

    @Test
    void headerLengthsCountTheSamplesWritten() {
        byte[] header = WavFormat.header(8000, 1600);
        assertThat(header).hasSize(WavFormat.HEADER_BYTES);
        ByteBuffer fields = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(fields.getInt(4)).isEqualTo(1636);
        assertThat(fields.getInt(40)).isEqualTo(1600);
    }
}
