package vn.loa.node.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavFileWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesARiffHeaderWhoseLengthsMatchTheSamples() throws Exception {
        Path path = dir.resolve("a.wav");
        try (WavFileWriter writer = WavFileWriter.create(path, 8000)) {
            writer.write(new short[] {1, -1, 32767, -32768});
            writer.writeSilence(3);
        }
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(bytes.capacity()).isEqualTo(44 + 14);
        assertThat(bytes.getInt(4)).as("RIFF length").isEqualTo(36 + 14);
        assertThat(bytes.getInt(24)).as("sample rate").isEqualTo(8000);
        assertThat(bytes.getInt(40)).as("data length").isEqualTo(14);
        assertThat(bytes.getShort(44 + 4)).isEqualTo((short) 32767);
        assertThat(bytes.getShort(44 + 6)).isEqualTo((short) -32768);
    }

    @Test
    void javaSoundReadsItBackAsSixteenBitMonoAtTheCodecsRate() throws Exception {
        Path path = dir.resolve("opus.wav");
        short[] samples = new short[48_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 48_000.0));
        }
        try (WavFileWriter writer = WavFileWriter.create(path, 48_000)) {
            writer.write(samples);
        }
        try (AudioInputStream in = AudioSystem.getAudioInputStream(path.toFile())) {
            AudioFormat format = in.getFormat();
            assertThat(format.getSampleRate()).isEqualTo(48_000f);
            assertThat(format.getSampleSizeInBits()).isEqualTo(16);
            assertThat(format.getChannels()).isEqualTo(1);
            assertThat(in.getFrameLength()).isEqualTo(48_000);
        }
    }

    @Test
    void theHeaderIsTrueToTheLastSecondWhileTheFileIsStillBeingWritten() throws Exception {
        Path path = dir.resolve("live.wav");
        try (WavFileWriter writer = WavFileWriter.create(path, 8000)) {
            writer.writeSilence(8000 * 3 / 2); // past the once-a-second header update
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(bytes.getInt(40)).as("data length mid-recording")
                    .isBetween(bytes.capacity() - 44 - 2 * 8000, bytes.capacity() - 44);
            assertThat(bytes.getInt(4)).isEqualTo(36 + bytes.getInt(40));
        }
    }
}
