package vn.loa.tts.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LegacyEncodingConverterTest {

    private final LegacyEncodingConverter converter = new LegacyEncodingConverter();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Céng hoµ x· héi chñ nghÜa ViÖt Nam|Cộng hoà xã hội chủ nghĩa Việt Nam",
        "§éc lËp - Tù do - H¹nh phóc|Độc lập - Tự do - Hạnh phúc",
        "Th«ng b¸o cña ñy ban nh©n d©n x·|Thông báo của ủy ban nhân dân xã",
        "QuyÕt ®Þnh vÒ viÖc tæ chøc tiªm chñng|Quyết định về việc tổ chức tiêm chủng",
        "ng\u00ADêi d©n cÇn chñ ®éng phßng chèng b·o|người dân cần chủ động phòng chống bão",
        "TH«NG B¸O KHÈN vÒ c¬n b·o|THÔNG BÁO KHẨN về cơn bão",
        // no code in 0xA1-0xBF: a capital code inside a word, or three words with codes no Vietnamese letter has
        "TiÕp tôc thùc hiÖn|Tiếp tục thực hiện",
        "Tæ chøc häp tæ|Tổ chức họp tổ",
    })
    void convertsTcvn3TextPastedFromAnOldDocument(String legacy, String unicode) {
        assertThat(converter.detect(legacy)).isEqualTo(LegacyEncodingConverter.Encoding.TCVN3);
        assertThat(converter.convert(legacy)).isEqualTo(unicode);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam|Cộng hòa xã hội chủ nghĩa Việt Nam",
        "Ñoäc laäp - Töï do - Haïnh phuùc|Độc lập - Tự do - Hạnh phúc",
        "Thoâng baùo cuûa UÛy ban nhaân daân xaõ|Thông báo của Ủy ban nhân dân xã",
        "Ngöôøi daân caàn chuû ñoäng phoøng choáng baõo|Người dân cần chủ động phòng chống bão",
        "Naêm hoïc môùi|Năm học mới",
    })
    void convertsVniWindowsTextPastedFromAnOldDocument(String legacy, String unicode) {
        assertThat(converter.detect(legacy)).isEqualTo(LegacyEncodingConverter.Encoding.VNI);
        assertThat(converter.convert(legacy)).isEqualTo(unicode);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
        "Hoà bình",
        "văn hoá, thuỷ lợi, khoẻ mạnh",
        "Bà có gì đâu?",
        "Nhiệt độ 35°C, độ ẩm 80%",
        "Café Müller",
        "Müller và Zoë",
        "Nguyễn Thị Hoà",
        "Cong hoa xa hoi chu nghia Viet Nam",
    })
    void neverConvertsCorrectUnicodeVietnamese(String unicode) {
        assertThat(converter.convert(unicode)).isEqualTo(unicode);
    }

    @Test
    void convertsOnlyTheLegacyLinesOfAMixedText() {
        String mixed = "Thông báo khẩn\nCéng hoµ x· héi\nHết.";
        assertThat(converter.convert(mixed)).isEqualTo("Thông báo khẩn\nCộng hoà xã hội\nHết.");
    }

    @Test
    void normaliserConvertsLegacyTextBeforeReadingIt() {
        Normalized n = VietnameseNormalizer.create().normalize("Ngµy 28/11/2026 häp t¹i nhµ v¨n ho¸");
        assertThat(n.normalized())
                .isEqualTo("Ngày hai mươi tám tháng mười một năm hai nghìn không trăm hai mươi sáu họp tại nhà văn hoá.");
    }
}
