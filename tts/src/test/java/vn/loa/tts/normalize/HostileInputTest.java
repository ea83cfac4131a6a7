package vn.loa.tts.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever a clerk pastes, the normaliser answers clearly and quickly and never throws anything unexpected. */
class HostileInputTest {

    private final VietnameseNormalizer normalizer = VietnameseNormalizer.create();

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", " ", "\n\n\t", "...", "!!! ???", "- - -", "()[]{}", "\u0000\u0001\u0007", "🔥🌀⚠️"})
    void textWithNothingToSayGivesNoSentences(String text) {
        Normalized n = normalizer.normalize(text);
        assertThat(n.sentences()).isEmpty();
        assertThat(n.normalized()).isEmpty();
        assertThat(n.isEmpty()).isTrue();
    }

    @Test
    void nullIsReadAsEmpty() {
        assertThat(normalizer.normalize(null).isEmpty()).isTrue();
    }

    @Test
    void emojiAndControlCharactersAreDroppedAndTheWordsKept() {
        assertThat(normalizer.normalize("⚠️ Cảnh báo\u0007 bão 🌀 số 5\u200B!").normalized())
                .isEqualTo("Cảnh báo bão số năm!");
    }

    @Test
    void unpairedSurrogatesAreDropped() {
        assertThat(normalizer.normalize("Họp \uD800dân\uDC00 lúc 7h").normalized()).isEqualTo("Họp dân lúc bảy giờ.");
    }

    @Test
    void decomposedVietnameseIsComposedToNfc() {
        String decomposed = java.text.Normalizer.normalize("Thông báo khẩn", java.text.Normalizer.Form.NFD);
        assertThat(normalizer.normalize(decomposed).normalized()).isEqualTo("Thông báo khẩn.");
    }

    @Test
    void mixedScriptsPassThroughWithoutBreakingTheVietnamese() {
        assertThat(normalizer.normalize("Đoàn khách 中国 và Россия thăm xã ngày 2/9.").normalized())
                .isEqualTo("Đoàn khách 中国 và Россия thăm xã ngày hai tháng chín.");
    }

    @Test
    void onlyDigitsAreReadAsANumber() {
        assertThat(normalizer.normalize("123456").normalized())
                .isEqualTo("Một trăm hai mươi ba nghìn bốn trăm năm mươi sáu.");
    }

    @Test
    void aHundredThousandCharactersAreAcceptedAndReadQuickly() {
        String notice = "Ngày 28/11/2026 lúc 7h30, UBND xã họp dân, phí 20.000đ/hộ, gọi 0912 345 678. ";
        String text = notice.repeat(VietnameseNormalizer.MAX_LENGTH / notice.length());
        Normalized n = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> normalizer.normalize(text));
        assertThat(n.sentences()).hasSize(VietnameseNormalizer.MAX_LENGTH / notice.length());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" repeated")
    @ValueSource(strings = {"1-", "7h", "1 a/b ", "1.1.1.1", "12/", "1234 ", " ", "\t-\t", "a.b-", "www.a.", ",:",
        "1 lần/tuần/", "999999999999999999999 "})
    void aHundredThousandCharactersOfOneRepeatedPatternNeitherOverflowNorHang(String unit) {
        String text = unit.repeat(VietnameseNormalizer.MAX_LENGTH / unit.length());
        // each rule's repetitions are bounded; before that, "1-1-1-..." took three minutes and "1.1.1..." overflowed
        Normalized n = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> normalizer.normalize(text));
        assertThat(n.normalized()).doesNotContainPattern("\\d");
    }

    @Test
    void oneCharacterOverTheLimitIsRefusedWithTheLimitInTheMessage() {
        String text = "a".repeat(VietnameseNormalizer.MAX_LENGTH + 1);
        assertThatThrownBy(() -> normalizer.normalize(text))
                .isInstanceOf(TextTooLongException.class)
                .hasMessageContaining("100001 characters")
                .hasMessageContaining("at most 100000");
    }

    @Test
    void oneEnormousWordIsCutIntoSentencesOfBoundedLength() {
        Normalized n = normalizer.normalize("a".repeat(5000));
        assertThat(n.sentences()).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(SentenceSplitter.MAX_LENGTH + 1));
    }

    @Test
    void randomGarbageNeverThrowsAndNeverHangs() {
        Random random = new Random(20261128);
        String alphabet = "0123456789./,:-–h%đĐ°C+()/\\ \n\tabcUBNDHĐQP.?!…ÂĂăơưạảấ€$😀\uD800\u0000«»µ¸¹·";
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(400);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String input = text.toString();
            Normalized n = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> normalizer.normalize(input),
                    () -> "hung on: " + input);
            assertThat(n.normalized()).doesNotContainPattern("\\d").as("every digit is read: %s", input);
        }
    }
}
