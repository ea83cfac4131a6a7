package vn.loa.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallRecordingTest {

    @TempDir
    Path folder;

    @Test
    void aCallIsRecordedIntoAWavFileWithItsLengthsFilledInAtTheEnd() throws Exception {
        CallRecording recording = CallRecording.open(folder.resolve("calls").resolve("a.wav"), () -> false);
        recording.write(new short[800]);
        recording.close();
        assertThat(recording.file()).exists();
        assertThat(Files.size(recording.file())).isEqualTo(44 + 1600);
    }

    @Test
    void onANearlyFullDiskTheCallGoesOnUnrecorded() throws Exception {
        CallRecording recording = CallRecording.open(folder.resolve("b.wav"), () -> true);
        recording.write(new short[800]);
        recording.close();
        assertThat(recording.file()).isNull();
        assertThat(folder.resolve("b.wav")).doesNotExist();
    }

    @Test
    void aFileThatCannotBeMadeLeavesTheCallUnrecordedInsteadOfRefusingIt() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("plain-file"), "x");
        CallRecording recording = CallRecording.open(notAFolder.resolve("c.wav"), () -> false);
        recording.write(new short[800]);
        recording.close();
        assertThat(recording.file()).isNull();
    }
}
