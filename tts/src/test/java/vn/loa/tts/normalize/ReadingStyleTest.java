package vn.loa.tts.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Where usage varies between regions the choice is a setting; the standard one is the northern broadcast usage. */
class ReadingStyleTest {

    @Test
    void standardStyleSaysNghinLeTuAndNoMongBeforeEarlyDays() {
        assertThat(VietnameseNormalizer.create().normalize("Ngày 5/6 thu 1.024 hộ, 105 người.").normalized())
                .isEqualTo("Ngày năm tháng sáu thu một nghìn không trăm hai mươi tư hộ, một trăm lẻ năm người.");
    }

    @Test
    void southernStyleSaysNganLinhBonAndMungBeforeEarlyDays() {
        VietnameseNormalizer south = VietnameseNormalizer.create(ReadingStyle.southern(),
                AbbreviationDictionary.defaults());
        assertThat(south.normalize("Ngày 5/6 thu 1.024 hộ, 105 người.").normalized())
                .isEqualTo("Ngày mùng năm tháng sáu thu một ngàn không trăm hai mươi bốn hộ, một trăm linh năm người.");
    }

    @Test
    void aStyleWithoutWordsIsRefused() {
        assertThatThrownBy(() -> new ReadingStyle(" ", "lẻ", true, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
