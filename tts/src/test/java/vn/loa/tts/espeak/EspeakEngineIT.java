package vn.loa.tts.espeak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.tts.engine.SpeechChunk;
import vn.loa.tts.engine.SpeechEngine;
import vn.loa.tts.engine.SpeechEngineContract;
import vn.loa.tts.engine.SpeechException;
import vn.loa.tts.engine.SpeechRequest;
import vn.loa.tts.normalize.VietnameseNormalizer;

/** Runs the real espeak-ng (CI installs it); skipped with a message only where it is not installed. */
class EspeakEngineIT implements SpeechEngineContract {

    private static EspeakEngine engine;

    @BeforeAll
    static void requireEspeak() {
        assumeTrue(EspeakInstallation.isInstalled(), "espeak-ng is not installed: apt-get install espeak-ng");
        engine = new EspeakEngine(EspeakConfig.defaults());
    }

    @Override
    public SpeechEngine engine() {
        return engine;
    }

    @Override
    public String voice() {
        return "vi";
    }

    @Test
    void theWavPausesAfterAHeadingAListItemAndWhereTheClerkAskedAsLongAsThePlanSays() {
        vn.loa.tts.Announcer announcer = vn.loa.tts.Announcer.withEspeak();
        byte[] wav = announcer.previewWav("I. THÔNG BÁO\n+ Mang áo phao\nBà con chú ý [nghỉ 3 giây] nước đang lên.", "vi");

        // silences of 0.4 s or more, in ms (to the sample, so 649 for 650): espeak-ng's own pauses are shorter
        List<Long> gaps = silences(Arrays.copyOfRange(wav, 44, wav.length), 22_050, 400);
        assertThat(gaps).hasSize(4); // heading, item, the clerk's mark, the end
        assertThat(gaps.get(0)).as("after the heading").isBetween(895L, 1_250L);
        assertThat(gaps.get(1)).as("after the list item").isBetween(645L, 1_000L);
        assertThat(gaps.get(2)).as("the clerk's [nghỉ 3 giây]").isBetween(2_995L, 3_350L);
    }

    @Test
    void khanCapIsSaidWithEmphasis() {
        String ssml = EspeakRun.ssml(List.of("Thông báo khẩn cấp về lũ.", "Khẩn Cấp!"));
        assertThat(ssml).contains("báo <emphasis level=\"strong\">khẩn cấp</emphasis> về")
                .contains("<emphasis level=\"strong\">Khẩn Cấp</emphasis>!");
        byte[] plain = engine.synthesizeAll(SpeechRequest.of(List.of("Thông báo cấp cứu về lũ."), "vi")).get(0).pcm();
        byte[] urgent = engine.synthesizeAll(SpeechRequest.of(List.of("Thông báo khẩn cấp về lũ."), "vi")).get(0).pcm();
        assertThat(urgent.length).as("emphasis slows the words down").isGreaterThan(plain.length);
    }

    @Test
    void anEmergencyNoticeIsSpokenSlowerAndItsPausesStretchWithIt() {
        vn.loa.tts.Announcer announcer = vn.loa.tts.Announcer.withEspeak();
        String notice = "I. THÔNG BÁO\nNước sông đang lên nhanh, bà con khu vực ven sông di chuyển đồ đạc lên cao.";
        List<SpeechChunk> normal = new java.util.ArrayList<>();
        List<SpeechChunk> urgent = new java.util.ArrayList<>();
        announcer.speak(notice, "vi", vn.loa.tts.engine.VoiceSettings.NORMAL, normal::add);
        announcer.speak(notice, "vi", vn.loa.tts.engine.VoiceSettings.URGENT, urgent::add);

        double ratio = (double) millis(urgent) / millis(normal);
        assertThat(ratio).as("85%% rate: about 1/0.85 = 1.18 times as long").isBetween(1.10, 1.30);
        long normalGap = silences(normal.get(0).pcm(), 22_050, 400).get(0);
        long urgentGap = silences(urgent.get(0).pcm(), 22_050, 400).get(0);
        assertThat((double) urgentGap / normalGap).as("the heading's pause stretches too").isBetween(1.10, 1.30);
    }

    @Test
    void aNumberToRememberIsSaidSlowlyInItsGroupsAndTwiceWhenAsked() {
        vn.loa.tts.Announcer announcer = vn.loa.tts.Announcer.withEspeak();
        List<SpeechChunk> once = new java.util.ArrayList<>();
        List<SpeechChunk> twice = new java.util.ArrayList<>();
        announcer.speak("Gọi 0912 345 678 khi cần.", "vi", vn.loa.tts.engine.VoiceSettings.NORMAL, once::add);
        announcer.speak("Gọi [nhắc lại 0912 345 678] khi cần.", "vi", vn.loa.tts.engine.VoiceSettings.NORMAL,
                twice::add);

        // the pauses inside the sentence, not its trailing one: between the three groups
        List<Long> gaps = silences(once.get(0).pcm(), 22_050, 250);
        assertThat(gaps.subList(0, gaps.size() - 1)).as("two pauses between three groups").hasSize(2);
        assertThat(EspeakRun.ssml(List.of("Gọi không chín một hai, ba bốn năm, sáu bảy tám khi cần.")))
                .contains("<prosody rate=\"slow\">không chín một hai<break time=\"300ms\"/> ba bốn năm");

        // six digits are no number to remember, seven are: compare the time per digit
        byte[] six = engine.synthesizeAll(SpeechRequest.of(List.of("Không chín một hai ba bốn."), "vi")).get(0).pcm();
        byte[] seven = engine.synthesizeAll(SpeechRequest.of(List.of("Không chín một hai ba bốn năm."), "vi")).get(0)
                .pcm();
        assertThat((seven.length / 7.0) / (six.length / 6.0)).as("said slowly").isGreaterThan(1.15);

        double repeated = (double) millis(twice) / millis(once);
        assertThat(repeated).as("the number again, after \"xin nhắc lại\"").isBetween(1.5, 2.3);
    }

    private static long millis(List<SpeechChunk> chunks) {
        return chunks.stream().mapToLong(SpeechChunk::millis).sum();
    }

    @Test
    void aPiperVoiceHearsEspeakNgsVietnamesePhonemesAndSpeaksEachSentence(@TempDir Path voices) throws IOException {
        var phonemizer = new vn.loa.tts.piper.EspeakPhonemizer(EspeakConfig.defaults().binary());
        assertThat(phonemizer.phonemes("Xin chào bà con, nước lên.", "vi")).startsWith("sˈi1n tʃˈaː2w")
                .contains(", ").endsWith(".");

        vn.loa.tts.piper.TinyPiperVoice.write(voices, "vi_VN-tiny");
        try (var piper = vn.loa.tts.piper.PiperEngine.load(voices, phonemizer)) {
            List<SpeechChunk> chunks = piper.synthesizeAll(SpeechRequest.of(List.of("Xin chào.", "Sao ạ?"), "vi_VN-tiny"));
            assertThat(chunks).extracting(SpeechChunk::index).containsExactly(0, 1);
            assertThat(chunks.get(0).millis()).isGreaterThan(450); // tones for its phonemes, then the pause
        }
    }

    @Test
    void loaSayReadsWithAPiperVoiceInTheDataDirsVoicesFolderAsTheServerDoes(@TempDir Path data) throws IOException {
        vn.loa.tts.piper.TinyPiperVoice.write(Files.createDirectories(data.resolve("voices")), "vi_VN-tiny");
        var listed = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        java.util.Map<String, String> env = java.util.Map.of("LOA_DATA_DIR", data.toString(), "LOA_TTS_ENGINE", "piper");
        assertThat(vn.loa.tts.SayCommand.run(new String[] {"--voices"}, listed, new java.io.PrintStream(err), env))
                .isZero();
        assertThat(listed.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("vi_VN-tiny\tpiper\tGiọng tự nhiên vi_VN-tiny\t(default)").contains("vi\tespeak-ng");

        Path wav = data.resolve("say.wav");
        assertThat(vn.loa.tts.SayCommand.run(new String[] {"Xin chào bà con.", "--out", wav.toString()},
                new java.io.ByteArrayOutputStream(), new java.io.PrintStream(err), env)).isZero();
        byte[] bytes = Files.readAllBytes(wav);
        int rate = java.nio.ByteBuffer.wrap(bytes, 24, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        assertThat(rate).as("the tiny Piper voice's rate, not espeak-ng's").isEqualTo(vn.loa.tts.piper.TinyPiperVoice.RATE);

        Files.writeString(data.resolve("voices/vi_VN-tiny.onnx"), "not a model");
        var spoken = new java.io.ByteArrayOutputStream();
        assertThat(vn.loa.tts.SayCommand.run(new String[] {"Xin chào."}, spoken, new java.io.PrintStream(err), env))
                .isZero();
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("espeak-ng reads instead");
        assertThat(java.nio.ByteBuffer.wrap(spoken.toByteArray(), 24, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt())
                .isEqualTo(22_050);
    }

    /** The lengths in ms of the runs of exact digital silence at least this long. */
    private static List<Long> silences(byte[] pcm, int rate, int atLeastMillis) {
        List<Long> runs = new java.util.ArrayList<>();
        int run = 0;
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            if (pcm[i] == 0 && pcm[i + 1] == 0) {
                run++;
            }
            if (pcm[i] != 0 || pcm[i + 1] != 0 || i + 3 >= pcm.length) {
                if (run * 1000L / rate >= atLeastMillis) {
                    runs.add(run * 1000L / rate);
                }
                run = 0;
            }
        }
        return runs;
    }

    @Test
    void speaksAtTwentyTwoKilohertz() {
        SpeechChunk chunk = engine.synthesizeAll(SpeechRequest.of(List.of("Xin chào bà con."), "vi")).get(0);
        assertThat(chunk.format().sampleRate()).isEqualTo(22_050);
    }

    @Test
    void theNorthernCentralAndSouthernVoicesSoundDifferent() {
        List<String> sentence = List.of("Bà con chú ý, nước sông đang lên nhanh.");
        byte[] north = engine.synthesizeAll(SpeechRequest.of(sentence, "vi")).get(0).pcm();
        byte[] centre = engine.synthesizeAll(SpeechRequest.of(sentence, "vi-vn-x-central")).get(0).pcm();
        byte[] south = engine.synthesizeAll(SpeechRequest.of(sentence, "vi-vn-x-south")).get(0).pcm();
        assertThat(Arrays.equals(north, centre)).isFalse();
        assertThat(Arrays.equals(north, south)).isFalse();
        assertThat(Arrays.equals(centre, south)).isFalse();
    }

    @Test
    void aLongerSentenceTakesLonger() {
        long shortOne = engine.synthesizeAll(SpeechRequest.of(List.of("Thông báo."), "vi")).get(0).millis();
        long longOne = engine.synthesizeAll(SpeechRequest.of(List.of(
                "Ủy ban nhân dân xã thông báo lịch tiêm phòng cho đàn gia cầm vào sáng thứ hai tuần sau."), "vi"))
                .get(0).millis();
        assertThat(longOne).isGreaterThan(shortOne * 3);
    }

    @Test
    void speaksAWholeNormalisedNoticeSentenceBySentence() {
        var normalized = VietnameseNormalizer.create().normalize(
                "THÔNG BÁO\nĐúng 7h30 ngày 28/11/2026, UBND xã họp dân tại NVH thôn 3. Liên hệ 0912 345 678.");
        List<SpeechChunk> chunks = engine.synthesizeAll(SpeechRequest.of(normalized.sentences(), "vi"));
        assertThat(chunks).hasSize(3);
        assertThat(chunks.get(1).millis()).isBetween(4_000L, 20_000L);
    }

    @Test
    void aSentenceStartingWithADashIsSpokenNotTakenForAnOption() {
        assertThat(engine.synthesizeAll(SpeechRequest.of(List.of("--help là gì"), "vi")).get(0).millis())
                .isGreaterThan(300);
    }

    @Test
    void aListenerSlowerThanTheSilenceTimeoutHearsEverySentenceBecauseItsTimeIsNotTheEnginesSilence() {
        EspeakEngine patient = new EspeakEngine(EspeakConfig.defaults().withSilenceTimeout(Duration.ofMillis(300)));
        List<String> heard = new java.util.ArrayList<>();

        patient.synthesize(SpeechRequest.of(List.of("Câu thứ nhất.", "Câu thứ hai.", "Câu thứ ba."), "vi"), chunk -> {
            heard.add(chunk.sentence());
            try {
                Thread.sleep(700); // the air plays this sentence before it takes the next one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThat(heard).containsExactly("Câu thứ nhất.", "Câu thứ hai.", "Câu thứ ba.");
    }

    @Test
    void aHungProcessIsKilledAndReported(@TempDir Path dir) throws IOException {
        Path pidFile = dir.resolve("pid");
        Path hang = script(dir, "hang", "echo $$ > " + pidFile + "\nexec sleep 60");
        EspeakEngine hanging = new EspeakEngine(EspeakConfig.defaults().withBinary(hang)
                .withSilenceTimeout(Duration.ofMillis(500)));
        long start = System.nanoTime();
        assertThatThrownBy(() -> hanging.synthesizeAll(SpeechRequest.of(List.of("Xin chào."), "vi")))
                .isInstanceOf(SpeechException.class)
                .hasMessage("espeak-ng: no audio for 500 ms; the process was killed");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void aProcessThatStopsHalfWayIsKilledAndTheSentencesAlreadySpokenStayDelivered(@TempDir Path dir)
            throws IOException {
        Path wav = dir.resolve("one-sentence.wav");
        // a WAV stream with one second of tone, one break, then nothing more: espeak-ng stuck on sentence two
        byte[] pcm = new byte[22_050 * 2 + 22_050 * 2 * 3];
        for (int i = 0; i < 22_050; i++) {
            short v = (short) (8000 * Math.sin(i * 2 * Math.PI * 200 / 22_050));
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        Files.write(wav, vn.loa.tts.engine.WavCodec.encode(vn.loa.tts.engine.PcmFormat.ESPEAK, pcm));
        Path stuck = script(dir, "stuck", "cat " + wav + "\nexec sleep 60");
        EspeakEngine engine = new EspeakEngine(EspeakConfig.defaults().withBinary(stuck)
                .withSilenceTimeout(Duration.ofMillis(500)));
        List<SpeechChunk> delivered = new java.util.ArrayList<>();
        assertThatThrownBy(() -> engine.synthesize(SpeechRequest.of(List.of("Một.", "Hai."), "vi"), delivered::add))
                .hasMessageContaining("no audio for 500 ms; the process was killed");
        assertThat(delivered).extracting(SpeechChunk::sentence).containsExactly("Một.");
    }

    @Test
    void aCrashedProcessIsReportedWithItsExitCodeAndError(@TempDir Path dir) throws IOException {
        Path crash = script(dir, "crash", "echo 'Segmentation fault' >&2\nexit 139");
        EspeakEngine crashing = new EspeakEngine(EspeakConfig.defaults().withBinary(crash));
        assertThatThrownBy(() -> crashing.synthesizeAll(SpeechRequest.of(List.of("Xin chào."), "vi")))
                .isInstanceOf(SpeechException.class)
                .hasMessage("espeak-ng: exited with code 139: Segmentation fault after 0 of 1 sentences");
    }

    @Test
    void aMissingBinaryIsReportedWithWhatToInstall(@TempDir Path dir) {
        EspeakEngine missing = new EspeakEngine(EspeakConfig.defaults().withBinary(dir.resolve("nope")));
        assertThatThrownBy(() -> missing.synthesizeAll(SpeechRequest.of(List.of("Xin chào."), "vi")))
                .isInstanceOf(SpeechException.class)
                .hasMessageContaining("is the espeak-ng package installed?");
    }

    @Test
    void everySentenceOfALongNoticeComesBackAtEveryRate() {
        List<String> sentences = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sentences.add(i % 3 == 0 ? "Bà con chú ý..." : "Đây là câu thông báo số " + (i % 10 == 0 ? "mười" : "ba")
                    + ", xin nhắc lại.");
        }
        for (int rate : new int[] {50, 100, 200}) {
            var request = new SpeechRequest(sentences, "vi", new vn.loa.tts.engine.VoiceSettings(rate, 50, 100));
            List<SpeechChunk> chunks = engine.synthesizeAll(request);
            assertThat(chunks).as("rate %d", rate).hasSize(40);
            assertThat(chunks).allSatisfy(c -> assertThat(c.millis()).isBetween(500L, 12_000L));
        }
    }

    @Test
    void aSentenceThatMakesNoSoundStillGetsItsChunk() {
        List<SpeechChunk> chunks = engine.synthesizeAll(SpeechRequest.of(List.of("Một.", "…", "Hai."), "vi"));
        assertThat(chunks).extracting(SpeechChunk::sentence).containsExactly("Một.", "…", "Hai.");
        assertThat(chunks.get(2).millis()).isGreaterThan(300);
    }

    private static Path script(Path dir, String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
