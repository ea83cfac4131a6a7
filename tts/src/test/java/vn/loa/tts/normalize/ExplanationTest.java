package vn.loa.tts.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/** The reading explained token by token, as the compose page shows it to a clerk. */
class ExplanationTest {

    private static final VietnameseNormalizer NORMALIZER = VietnameseNormalizer.create();

    private static ReadingToken token(String text, String notice) {
        return NORMALIZER.explain(notice).tokens().stream().filter(t -> t.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no token '" + text + "' in " + NORMALIZER.explain(notice).tokens()));
    }

    @Test
    void aHyphenAfterNgayIsADateAndBetweenCountsARange() {
        assertThat(token("30-4", "Nghỉ lễ ngày 30-4 theo quy định.")).extracting(ReadingToken::kind, ReadingToken::reading)
                .containsExactly(TokenKind.DATE, "ba mươi tháng tư");
        assertThat(token("4-6", "Phơi khô từ 4-6 ngày.")).extracting(ReadingToken::kind, ReadingToken::reading)
                .containsExactly(TokenKind.RANGE, "bốn đến sáu");
    }

    @Test
    void aSlashIsAFractionARatioOrADateByContext() {
        assertThat(token("1/3", "Khoảng 1/3 số thôn bị ngập.").kind()).isEqualTo(TokenKind.FRACTION);
        assertThat(token("7/7", "Trực 7/7 ngày trong tuần.").kind()).isEqualTo(TokenKind.RATIO);
        assertThat(token("2/9", "Mừng Quốc khánh 2/9.").kind()).isEqualTo(TokenKind.DATE);
    }

    @Test
    void eachClassOfCodeIsNamed() {
        assertThat(NORMALIZER.explain("Xe 30G-123.45 đi QL 1A, gọi 0912.345.678 hoặc xem dichvucong.gov.vn.").tokens())
                .extracting(ReadingToken::text, ReadingToken::kind)
                .contains(tuple("30G-123.45", TokenKind.PLATE), tuple("QL 1A", TokenKind.ROAD),
                        tuple("0912.345.678", TokenKind.PHONE), tuple("dichvucong.gov.vn", TokenKind.URL),
                        tuple("Xe", TokenKind.WORD));
    }

    @Test
    void aListMarkerIsABulletThatIsNotSaid() {
        List<ReadingToken> tokens = NORMALIZER.explain("Chuẩn bị:\n+ Áo phao\n+ Đèn pin").tokens();
        assertThat(tokens).filteredOn(t -> t.text().equals("+"))
                .extracting(ReadingToken::kind, ReadingToken::reading)
                .containsExactly(tuple(TokenKind.BULLET, ""), tuple(TokenKind.BULLET, ""));
    }

    @Test
    void theExplainedReadingIsTheReadingOnEveryGoldenRow() throws IOException {
        for (Arguments row : GoldenNoticesTest.notices()) {
            String written = (String) row.get()[0];
            Explanation explained = NORMALIZER.explain(written);
            assertThat(explained.normalized()).as(written).isEqualTo(NORMALIZER.normalize(written));
            String readings = String.join("", explained.tokens().stream().map(ReadingToken::reading).toList());
            assertThat(readings.replace(" ", "")).as(written)
                    .isEqualTo(explained.normalized().normalized().replace(" ", ""));
        }
    }

    @Test
    void manyMatchesSideBySideStayOneTokenEach() {
        List<ReadingToken> tokens = NORMALIZER.explain("1 ".repeat(10_000)).tokens();
        assertThat(tokens).hasSize(10_000).allSatisfy(t -> assertThat(t).extracting(ReadingToken::text,
                ReadingToken::kind).containsExactly("1", TokenKind.NUMBER));
        assertThat(NORMALIZER.explain("UBND ".repeat(4_000)).tokens()).hasSize(4_000)
                // the splitter cuts a sentence this long with commas and ends it with a full stop
                .allSatisfy(t -> assertThat(t.reading().replaceAll("[,.]", "").toLowerCase(java.util.Locale.ROOT))
                        .isEqualTo("ủy ban nhân dân"));
    }

    @Test
    void nothingToSayHasNoTokens() {
        assertThat(NORMALIZER.explain("").tokens()).isEmpty();
        assertThat(NORMALIZER.explain(null).normalized().isEmpty()).isTrue();
    }
}
