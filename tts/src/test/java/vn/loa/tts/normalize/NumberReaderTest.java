package vn.loa.tts.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberReaderTest {

    private final NumberReader standard = new NumberReader(ReadingStyle.standard());
    private final NumberReader southern = new NumberReader(ReadingStyle.southern());

    @ParameterizedTest(name = "{0} is \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "0|không",
        "1|một",
        "5|năm",
        "10|mười",
        "11|mười một",
        "14|mười bốn",
        "15|mười lăm",
        "20|hai mươi",
        "21|hai mươi mốt",
        "24|hai mươi tư",
        "25|hai mươi lăm",
        "55|năm mươi lăm",
        "100|một trăm",
        "101|một trăm lẻ một",
        "105|một trăm lẻ năm",
        "110|một trăm mười",
        "115|một trăm mười lăm",
        "999|chín trăm chín mươi chín",
        "1000|một nghìn",
        "1005|một nghìn không trăm lẻ năm",
        "1010|một nghìn không trăm mười",
        "2026|hai nghìn không trăm hai mươi sáu",
        "10000|mười nghìn",
        "15500|mười lăm nghìn năm trăm",
        "1000000|một triệu",
        "1000500|một triệu năm trăm",
        "1000050|một triệu không trăm năm mươi",
        "1500000|một triệu năm trăm nghìn",
        "2340000|hai triệu ba trăm bốn mươi nghìn",
        "1000000000|một tỷ",
        "1005000000|một tỷ không trăm lẻ năm triệu",
        "2500000000|hai tỷ năm trăm triệu",
        "12000000000000|mười hai nghìn tỷ",
    })
    void readsCardinalsByVietnameseRules(long n, String spoken) {
        assertThat(standard.cardinal(n)).isEqualTo(spoken);
    }

    @ParameterizedTest(name = "{0} is \"{1}\" in the South")
    @CsvSource(delimiter = '|', value = {
        "105|một trăm linh năm",
        "24|hai mươi bốn",
        "2026|hai ngàn không trăm hai mươi sáu",
        "1500000|một triệu năm trăm ngàn",
    })
    void readsTheSouthernVariantsWhenTheStyleAsks(long n, String spoken) {
        assertThat(southern.cardinal(n)).isEqualTo(spoken);
    }

    @ParameterizedTest(name = "{0} is \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "1.500.000|một triệu năm trăm nghìn",
        "2,5|hai phẩy năm",
        "3,14|ba phẩy mười bốn",
        "0,05|không phẩy không năm",
        "1.234,56|một nghìn hai trăm ba mươi tư phẩy năm mươi sáu",
        "05|năm",
        "0123|không một hai ba",
    })
    void readsNumbersWrittenTheVietnameseWay(String written, String spoken) {
        assertThat(standard.number(written)).isEqualTo(spoken);
    }

    @Test
    void readsDigitStringsTooLongToBeQuantitiesDigitByDigit() {
        assertThat(standard.cardinal("1234567890123456789012")).startsWith("một hai ba bốn năm sáu bảy tám chín không");
    }

    @Test
    void readsOrdinalsWithNhatAndTu() {
        assertThat(standard.ordinal(1)).isEqualTo("nhất");
        assertThat(standard.ordinal(4)).isEqualTo("tư");
        assertThat(standard.ordinal(7)).isEqualTo("bảy");
    }

    @Test
    void readsNegativeNumbersWithAm() {
        assertThat(standard.cardinal(-5)).isEqualTo("âm năm");
    }
}
