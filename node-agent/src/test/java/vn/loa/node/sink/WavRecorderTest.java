package vn.loa.node.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.wire.pcm.PcmFrame;

class WavRecorderTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T01:30:05Z"), ZoneId.of("Asia/Ho_Chi_Minh"));

    @Test
    void namesEachTakeByItsAnnouncementAndTheNodesLocalTime() throws Exception {
        WavRecorder recorder = new WavRecorder(dir, clock);
        recorder.open("42", 8000);
        recorder.write(new PcmFrame(new short[160], 8000, 0));
        assertThat(recorder.finish()).contains("42-20261128-083005.wav");
        recorder.open(null, 8000);
        recorder.write(new PcmFrame(new short[160], 8000, 0));
        recorder.finish();
        assertThat(files()).containsExactlyInAnyOrder("42-20261128-083005.wav", "stream-20261128-083005.wav");
    }

    @Test
    void aTakeResumedInTheSameSecondGetsANumberInsteadOfOverwriting() throws Exception {
        WavRecorder recorder = new WavRecorder(dir, clock);
        for (int i = 0; i < 2; i++) {
            recorder.open("42", 8000);
            recorder.write(new PcmFrame(new short[160], 8000, 0));
            recorder.finish();
        }
        assertThat(files()).containsExactlyInAnyOrder("42-20261128-083005.wav", "42-20261128-083005-2.wav");
    }

    @Test
    void aStreamThatTurnsOutToBeAnAnnouncementIsRenamedWhileRecording() throws Exception {
        WavRecorder recorder = new WavRecorder(dir, clock);
        recorder.open(null, 8000);
        recorder.write(new PcmFrame(new short[160], 8000, 0));
        recorder.announce("42");
        recorder.write(new PcmFrame(new short[160], 8000, 160));
        assertThat(recorder.finish()).contains("42-20261128-083005.wav");
        assertThat(files()).containsExactly("42-20261128-083005.wav");
        assertThat(Files.size(dir.resolve("42-20261128-083005.wav"))).isEqualTo(44 + 2 * 320);
    }

    @Test
    void fillsATimestampGapWithSilence() throws Exception {
        WavRecorder recorder = new WavRecorder(dir, clock);
        recorder.open("7", 8000);
        recorder.write(new PcmFrame(new short[160], 8000, 0));
        recorder.write(new PcmFrame(new short[160], 8000, 800)); // 100 ms pause left by the sender
        recorder.finish();
        assertThat(Files.size(dir.resolve("7-20261128-083005.wav"))).isEqualTo(44 + 2 * 960);
    }

    @Test
    void anAnnouncementIdFromTheWireCannotEscapeTheDirectory() {
        assertThat(WavRecorder.safeName("../../etc/passwd")).isEqualTo("______etc_passwd");
        assertThat(WavRecorder.safeName("thông-báo 1")).isEqualTo("th_ng-b_o_1");
    }

    private Stream<String> filesStream() throws Exception {
        return Files.list(dir).map(p -> p.getFileName().toString());
    }

    private java.util.List<String> files() throws Exception {
        try (Stream<String> names = filesStream()) {
            return names.toList();
        }
    }
}
