package vn.loa.tts.piper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.tts.engine.FakeEngine;
import vn.loa.tts.engine.FallbackEngine;
import vn.loa.tts.engine.SentencePause;
import vn.loa.tts.engine.SpeechChunk;
import vn.loa.tts.engine.SpeechException;
import vn.loa.tts.engine.SpeechRequest;
import vn.loa.tts.engine.VoiceSettings;
import vn.loa.tts.engine.WavCodec;

/** The Piper engine on a tiny voice the test builds: loading, phoneme ids, the model run, streaming and fallback. */
class PiperEngineTest {

    private static final String VOICE = "vi_VN-tiny";
    /** Phonemes as espeak-ng gives them for "Xin chào." and "Sao ạ?", cut to the tiny voice's alphabet. */
    private static final Map<String, String> IPA = Map.of("Xin chào.", "sˈi1n a2.", "Sao ạ?", "sˈao a.");

    @TempDir
    static Path folder;
    private static PiperEngine engine;

    @BeforeAll
    static void buildTheVoice() throws Exception {
        TinyPiperVoice.write(folder, VOICE);
        Files.writeString(folder.resolve("notes.txt"), "not a voice");
        engine = PiperEngine.load(folder, (sentence, voice) -> IPA.get(sentence));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void aVoiceIsEachModelInTheFolderWithItsConfig() {
        assertThat(engine.voices()).containsExactly(VOICE);
        assertThat(engine.sampleRate(VOICE)).isEqualTo(TinyPiperVoice.RATE);
    }

    @Test
    void phonemesBecomeTheVoicesIdsAsPiperWritesThem() {
        PiperVoiceConfig config = PiperVoiceConfig.read(folder.resolve(VOICE + ".onnx.json"));

        // start, then each known phoneme followed by the pad, then the end; "ʃ" is not in the map and is dropped
        assertThat(PhonemeIds.of("sˈi1n ʃ", config)).containsExactly(1, 0, 7, 0, 9, 0, 5, 0, 10, 0, 6, 0, 3, 0, 2);
    }

    @Test
    void eachSentenceIsTheModelsAudioForItsIdsFollowedByItsPause() {
        List<SpeechChunk> chunks = engine.synthesizeAll(SpeechRequest.of(List.of("Xin chào.", "Sao ạ?"), VOICE));

        assertThat(chunks).extracting(SpeechChunk::index).containsExactly(0, 1);
        PiperVoiceConfig config = PiperVoiceConfig.read(folder.resolve(VOICE + ".onnx.json"));
        long[] ids = PhonemeIds.of(IPA.get("Xin chào."), config);
        short[] samples = samples(chunks.get(0).pcm());
        int pause = TinyPiperVoice.RATE * SentencePause.millisAfter("Xin chào.", VoiceSettings.NORMAL) / 1000;
        assertThat(samples).hasSize(ids.length * TinyPiperVoice.SAMPLES_PER_ID + pause);
        for (int k = 0; k < ids.length; k++) {
            for (int i = 0; i < TinyPiperVoice.SAMPLES_PER_ID; i += 7) {
                // the loudest sample (0.5) is brought to full scale, as Piper does
                int expected = Math.round(TinyPiperVoice.sample((int) ids[k], i) * (32767f / 0.5f));
                assertThat((int) samples[k * TinyPiperVoice.SAMPLES_PER_ID + i]).as("id %d sample %d", ids[k], i)
                        .isBetween(expected - 1, expected + 1);
            }
        }
        for (int i = ids.length * TinyPiperVoice.SAMPLES_PER_ID; i < samples.length; i++) {
            assertThat(samples[i]).isZero();
        }
    }

    @Test
    void theNoticeIsAWavAtTheVoicesRate() throws Exception {
        byte[] wav = WavCodec.encode(engine.synthesizeAll(SpeechRequest.of(List.of("Xin chào.", "Sao ạ?"), VOICE)));

        AudioInputStream audio = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav));
        assertThat(audio.getFormat().getSampleRate()).isEqualTo(TinyPiperVoice.RATE);
        assertThat(audio.getFormat().getSampleSizeInBits()).isEqualTo(16);
        double seconds = audio.getFrameLength() / (double) TinyPiperVoice.RATE;
        assertThat(seconds).isBetween(0.9, 1.2); // 2 × 0.45 s of pause and ~0.1 s of tones
    }

    @Test
    void theFirstSentenceIsHandedOverBeforeTheNextIsPhonemised() {
        AtomicInteger phonemised = new AtomicInteger();
        List<Integer> seenAtEachChunk = new ArrayList<>();
        try (PiperEngine counting = PiperEngine.load(folder, (sentence, voice) -> {
            phonemised.incrementAndGet();
            return IPA.get(sentence);
        })) {
            counting.synthesize(SpeechRequest.of(List.of("Xin chào.", "Sao ạ?", "Xin chào."), VOICE),
                    chunk -> seenAtEachChunk.add(phonemised.get()));
        }
        assertThat(seenAtEachChunk).containsExactly(1, 2, 3);
    }

    @Test
    void aBrokenModelOrAFailingSentenceFallsBackToTheNextEngine() throws Exception {
        Path broken = Files.createTempDirectory(folder, "broken");
        Files.write(broken.resolve("vi_VN-broken.onnx"), new byte[] {1, 2, 3});
        Files.copy(folder.resolve(VOICE + ".onnx.json"), broken.resolve("vi_VN-broken.onnx.json"));
        assertThatThrownBy(() -> PiperEngine.load(broken, (s, v) -> "a")).isInstanceOf(SpeechException.class)
                .hasMessageContaining("piper").hasMessageContaining("could not load");

        FakeEngine espeak = FakeEngine.working("espeak-ng");
        try (PiperEngine failing = PiperEngine.load(folder, (sentence, voice) -> {
            if (sentence.startsWith("Sao")) {
                throw new SpeechException(PiperEngine.NAME, "espeak-ng could not phonemise");
            }
            return IPA.get(sentence);
        })) {
            FallbackEngine chain = new FallbackEngine(List.of(
                    new FallbackEngine.Choice(failing, null, Duration.ofSeconds(10)),
                    new FallbackEngine.Choice(espeak, "vi", Duration.ofSeconds(10))));
            List<SpeechChunk> chunks = chain.synthesizeAll(SpeechRequest.of(List.of("Xin chào.", "Sao ạ?"), VOICE));

            assertThat(chunks).extracting(SpeechChunk::sentence).containsExactly("Xin chào.", "Sao ạ?");
            assertThat(chunks.get(0).format().sampleRate()).isEqualTo(TinyPiperVoice.RATE);
            assertThat(espeak.requests).singleElement().satisfies(r -> assertThat(r.sentences())
                    .containsExactly("Sao ạ?"));
        }
    }

    @Test
    void aMissingFolderGivesNoVoicesAndAnUnknownVoiceIsRefused() {
        try (PiperEngine none = PiperEngine.load(folder.resolve("absent"), (s, v) -> "a")) {
            assertThat(none.voices()).isEmpty();
        }
        assertThatThrownBy(() -> engine.synthesizeAll(SpeechRequest.of(List.of("A."), "vi")))
                .isInstanceOf(SpeechException.class).hasMessageContaining(VOICE);
    }

    private static short[] samples(byte[] pcm) {
        short[] out = new short[pcm.length / 2];
        ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(out);
        return out;
    }
}
