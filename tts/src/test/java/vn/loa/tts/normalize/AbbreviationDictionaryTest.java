package vn.loa.tts.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AbbreviationDictionaryTest {

    @Test
    void shipsAtLeastOneHundredAndFiftyAbbreviations() {
        assertThat(AbbreviationDictionary.defaults().entries()).hasSizeGreaterThanOrEqualTo(150);
    }

    @Test
    void aCommunesOwnAbbreviationsAreReadAndWinOverTheDefaults() {
        VietnameseNormalizer commune = VietnameseNormalizer.create()
                .withAbbreviations(Map.of("HTXDV", "hợp tác xã dịch vụ", "CA", "ca trực"));
        assertThat(commune.normalize("HTXDV Tân Lập phân công CA đêm.").normalized())
                .isEqualTo("Hợp tác xã dịch vụ Tân Lập phân công ca trực đêm.");
        assertThat(VietnameseNormalizer.create().normalize("CA xã").normalized()).isEqualTo("Công an xã.");
    }

    @Test
    void abbreviationsMatchOnlyWholeTokens() {
        assertThat(VietnameseNormalizer.create().normalize("CAO BẰNG và CA xã").normalized())
                .isEqualTo("CAO BẰNG và công an xã.");
    }

    @Test
    void aOneLetterAbbreviationWithADotNeedsANumberOrANameAfterIt() {
        VietnameseNormalizer normalizer = VietnameseNormalizer.create();
        assertThat(normalizer.normalize("Trụ sở P. 5, Q. Ba Đình.").normalized()).isEqualTo("Trụ sở phường năm, quận Ba Đình.");
        assertThat(normalizer.normalize("Ông Nguyễn Văn P. đã về.").normalized()).isEqualTo("Ông Nguyễn Văn P. đã về.");
    }

    @Test
    void unknownAbbreviationsWithoutVowelsAreSpelledAndCapitalWordsAreLeftAsWords() {
        assertThat(VietnameseNormalizer.create().normalize("BQT thông báo KHẨN").normalized())
                .isEqualTo("Bê quy tê thông báo KHẨN.");
    }

    @Test
    void blankEntriesAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> AbbreviationDictionary.defaults().with(Map.of("A B", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'A B'");
        assertThatThrownBy(() -> AbbreviationDictionary.defaults().with(Map.of("XYZ", " ")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
