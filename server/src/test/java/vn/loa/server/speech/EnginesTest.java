package vn.loa.server.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.server.config.SpeechSettings;

/** With tts.engine=piper and no loadable voice, espeak-ng stays the default voice: a notice is always read. */
class EnginesTest {

    private static SpeechSettings settings(String engine, Path voices) {
        return new SpeechSettings("vi", null, null, "", List.of(), Duration.ofSeconds(8), engine, voices);
    }

    @Test
    void piperWithAnEmptyVoicesFolderLeavesEspeakAsTheDefault(@TempDir Path voices) {
        Engines.Speech speech = Engines.from(settings("piper", voices));

        assertThat(speech.announcer().defaultVoice()).isEqualTo("vi");
        assertThat(speech.voices()).contains("vi", "vi-vn-x-south").noneMatch(v -> v.startsWith("vi_VN"));
    }

    @Test
    void aBrokenVoiceIsNotOfferedAndEspeakStaysTheDefault(@TempDir Path voices) throws Exception {
        Files.write(voices.resolve("vi_VN-broken.onnx"), new byte[] {1, 2, 3});
        Files.writeString(voices.resolve("vi_VN-broken.onnx.json"), "{\"audio\": {\"sample_rate\": 22050}, "
                + "\"phoneme_id_map\": {\"_\": [0]}}");

        Engines.Speech speech = Engines.from(settings("piper", voices));

        assertThat(speech.announcer().defaultVoice()).isEqualTo("vi");
        assertThat(speech.voices()).doesNotContain("vi_VN-broken");
    }

    @Test
    void espeakIsTheDefaultEngineAndAMissingFolderIsNotLooked(@TempDir Path dataDir) {
        Engines.Speech speech = Engines.from(settings("espeak", dataDir.resolve("voices")));

        assertThat(speech.announcer().defaultVoice()).isEqualTo("vi");
    }
}
