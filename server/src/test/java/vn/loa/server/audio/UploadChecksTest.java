package vn.loa.server.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.loa.server.refusal.Refusal;

class UploadChecksTest {

    private static java.util.Optional<AudioFormat> sniff(byte[] head) {
        byte[] padded = java.util.Arrays.copyOf(head, AudioFormat.HEAD);
        return AudioFormat.sniff(padded, head.length);
    }

    @Test
    void formatIsToldByItsFirstBytes() {
        assertThat(sniff("RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.ISO_8859_1))).contains(AudioFormat.WAV);
        assertThat(sniff("OggS".getBytes(StandardCharsets.ISO_8859_1))).contains(AudioFormat.OGG);
        assertThat(sniff("\0\0\0\u0020ftypM4A ".getBytes(StandardCharsets.ISO_8859_1))).contains(AudioFormat.M4A);
        assertThat(sniff("ID3\u0004".getBytes(StandardCharsets.ISO_8859_1))).contains(AudioFormat.MP3);
        assertThat(sniff(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90})).contains(AudioFormat.MP3);
        assertThat(sniff("%PDF-1.7".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(sniff(new byte[] {(byte) 0xFF, (byte) 0xE0})).as("reserved MPEG layer").isEmpty();
    }

    @Test
    void vietnameseNameIsKeptComposed() {
        assertThat(FileNames.checked("Ba\u0309n tin sa\u0301ng.mp3")).isEqualTo("Bản tin sáng.mp3");
        assertThat(FileNames.checked(null)).isEqualTo("tep-am-thanh");
    }

    @Test
    void namesThatClimbFoldersOrHideCharactersAreRefused() {
        for (String name : new String[] {"../x.mp3", "a/b.mp3", "a\\b.mp3", ".env", "a\u0000.mp3", "a\u202E.mp3",
                "<b>.mp3", "x".repeat(201)}) {
            assertThatThrownBy(() -> FileNames.checked(name)).as(name).isInstanceOf(Refusal.class);
        }
    }
}
