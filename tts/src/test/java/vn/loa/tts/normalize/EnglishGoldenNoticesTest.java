package vn.loa.tts.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The English golden set: notices of a tourist area (boats, festivals, weather, fees), each with the words to say. */
class EnglishGoldenNoticesTest {

    private static final EnglishNormalizer NORMALIZER = EnglishNormalizer.create();

    static List<Arguments> notices() throws IOException {
        return GoldenNoticesTest.rows("golden-notices-en.tsv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notices")
    void readsTheNoticeAsAnEnglishAnnouncerWould(String written, String spoken) {
        assertThat(NORMALIZER.normalize(written).normalized()).isEqualTo(spoken);
    }

    @Test
    void goldenSetHoldsAtLeastFortySentences() throws IOException {
        assertThat(notices()).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void sentencesAreCutAtTheirEndsAndEachEndsInPunctuation() {
        assertThat(NORMALIZER.normalize("Water will be cut from 7 a.m. on Monday. Please store water").sentences())
                .containsExactly("Water will be cut from seven in the morning on Monday.", "Please store water.");
    }

    @Test
    void badInputGivesAClearAnswerNeverAHang() {
        assertThat(NORMALIZER.normalize("").isEmpty()).isTrue();
        assertThat(NORMALIZER.normalize(null).isEmpty()).isTrue();
        assertThat(NORMALIZER.normalize("🎉🎉 !!! ...").isEmpty()).isTrue();
        assertThat(NORMALIZER.normalize("\u0000\u0007Hello\uD800 world").normalized()).isEqualTo("Hello world.");
        assertThat(NORMALIZER.normalize("12345").normalized()).isEqualTo("Twelve thousand three hundred and forty five.");
        String hostile = "1-1:1/1.1,1 ".repeat(TextNormalizer.MAX_LENGTH / 13);
        assertThat(NORMALIZER.normalize(hostile).sentences()).isNotEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NORMALIZER.normalize("a".repeat(100_001)))
                .isInstanceOf(TextTooLongException.class);
    }
}
