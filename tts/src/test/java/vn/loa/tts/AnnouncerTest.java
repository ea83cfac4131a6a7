package vn.loa.tts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.tts.engine.FakeEngine;
import vn.loa.tts.engine.FallbackEngine;
import vn.loa.tts.engine.Language;
import vn.loa.tts.engine.PcmFormat;
import vn.loa.tts.engine.SpeechChunk;
import vn.loa.tts.engine.Voice;
import vn.loa.tts.engine.VoiceCatalog;
import vn.loa.tts.engine.VoiceSettings;
import vn.loa.tts.engine.WavCodec;
import vn.loa.tts.normalize.VietnameseNormalizer;

class AnnouncerTest {

    private final FakeEngine engine = FakeEngine.working("fake");
    private final Announcer announcer = Announcer.create(VietnameseNormalizer.create(), engine, "vi");

    @Test
    void speaksTheNormalisedSentencesInOrder() {
        List<SpeechChunk> chunks = new ArrayList<>();
        announcer.speak("UBND xã thông báo. Họp lúc 7h30.", null, VoiceSettings.NORMAL, chunks::add);
        assertThat(chunks).extracting(SpeechChunk::sentence)
                .containsExactly("Ủy ban nhân dân xã thông báo.", "Họp lúc bảy giờ ba mươi phút.");
        assertThat(engine.requests.get(0).voice()).isEqualTo("vi");
    }

    @Test
    void previewIsOneWavFileOfTheWholeNotice() {
        byte[] wav = announcer.previewWav("Một. Hai ba.", "en");
        WavCodec.Decoded audio = WavCodec.decode(wav);
        assertThat(audio.format()).isEqualTo(FakeEngine.FORMAT);
        assertThat(audio.pcm()).hasSizeGreaterThan(FakeEngine.FORMAT.sampleRate()); // 3 words of 300 ms
        assertThat(engine.requests.get(0).voice()).isEqualTo("en");
    }

    @Test
    void aNoticeWhoseEngineChangesPartWayComesOutAtOneRateWithItsWholeDuration() {
        // The first engine speaks at 48 kHz and fails at the second sentence; the next speaks the rest at 16 kHz.
        FallbackEngine chain = new FallbackEngine(List.of(
                new FallbackEngine.Choice(FakeEngine.at("cloud", new PcmFormat(48_000), 1), null, Duration.ofSeconds(5)),
                new FallbackEngine.Choice(FakeEngine.at("local", new PcmFormat(16_000), -1), null, Duration.ofSeconds(5))));
        Announcer mixed = Announcer.create(VietnameseNormalizer.create(), chain, "vi");

        List<SpeechChunk> chunks = new ArrayList<>();
        mixed.speak("Một. Hai ba. Bốn năm sáu.", null, VoiceSettings.NORMAL, chunks::add);
        assertThat(chunks).extracting(SpeechChunk::format).containsOnly(new PcmFormat(48_000));
        assertThat(chunks).extracting(SpeechChunk::millis).containsExactly(300L, 600L, 900L);

        WavCodec.Decoded preview = WavCodec.decode(mixed.previewWav("Một. Hai ba. Bốn năm sáu.", null));
        assertThat(preview.format()).isEqualTo(new PcmFormat(48_000));
        assertThat(preview.pcm().length / 2).isEqualTo(48_000 * 18 / 10); // six words of 300 ms
        chain.close();
    }

    @Test
    void anEnglishVoiceReadsTheNoticeInEnglish() {
        List<SpeechChunk> chunks = new ArrayList<>();
        announcer.speak("Boats leave at 7h30. Tickets 150,000 VND.", "en", VoiceSettings.NORMAL, chunks::add);
        assertThat(chunks).extracting(SpeechChunk::sentence)
                .containsExactly("Boats leave at seven thirty.", "Tickets one hundred and fifty thousand dong.");
        assertThat(announcer.normalize("Họp lúc 7h30.", "en").normalized()).isEqualTo("Hop luc seven thirty.");
        assertThat(announcer.normalize("Họp lúc 7h30.", null).normalized()).isEqualTo("Họp lúc bảy giờ ba mươi phút.");
        assertThat(announcer.language("kevin16")).isEqualTo(Language.ENGLISH);
        assertThat(announcer.language("banmai")).isEqualTo(Language.VIETNAMESE); // a cloud voice
    }

    @Test
    void theLocalVoicesIncludeEnglishOnesEachWithItsLanguage() {
        Announcer local = Announcer.withLocalVoices();
        assertThat(local.voices().all()).extracting(Voice::id)
                .startsWith("vi", "vi-vn-x-central", "vi-vn-x-south", "en", "en-us", "kevin16");
        assertThat(local.voices().find("kevin16")).isEqualTo(VoiceCatalog.KEVIN);
        assertThat(local.engine().supports("kevin16")).isTrue();
        assertThat(local.engine().supports("klingon")).isFalse();
    }

    @Test
    void sayCommandPrintsTheEnglishReadingForAnEnglishVoice() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = SayCommand.run(new String[] {"Boats leave at 7h30.", "--voice", "kevin16", "--print"}, out,
                new PrintStream(new ByteArrayOutputStream()));
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Boats leave at seven thirty.\n");
    }

    @Test
    void aCommunesOwnNormaliserIsUsedForItsNotices() {
        Announcer commune = announcer.withNormalizer(VietnameseNormalizer.create()
                .withAbbreviations(Map.of("HTXDV", "hợp tác xã dịch vụ")));
        assertThat(commune.normalize("HTXDV thông báo").normalized()).isEqualTo("Hợp tác xã dịch vụ thông báo.");
    }

    @Test
    void aDefaultVoiceTheEngineLacksIsRefusedAtStartUp() {
        assertThatThrownBy(() -> Announcer.create(VietnameseNormalizer.create(), engine, "fr"))
                .hasMessage("fake has no voice 'fr'");
    }

    @Test
    void sayCommandPrintsWhatWouldBeSaid() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = SayCommand.run(new String[] {"Họp lúc 7h30.", "--print"}, out, new PrintStream(new ByteArrayOutputStream()));
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Họp lúc bảy giờ ba mươi phút.\n");
    }

    @Test
    void sayCommandWithoutTextPrintsUsage() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(SayCommand.run(new String[0], new ByteArrayOutputStream(), new PrintStream(err))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: loa say");
    }
}
