package vn.loa.tts.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A unit's own readings: applied before the built-in rules, and shown as overrides. */
class ClerkReadingsTest {

    private static final VietnameseNormalizer COMMUNE = VietnameseNormalizer.create().withReadings(ordered(
            "BCH", "ban chấp hành",            // this unit's BCH is always the party committee
            "Tổ #", "tổ dân phố #",
            "Km#", "ki lô mét số #",
            "Nà Pồng", "Nà Pồng",
            "HTXDV", "hợp tác xã dịch vụ"));

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String read(String text) {
        return COMMUNE.normalize(text).normalized();
    }

    @Test
    void theUnitsReadingWinsOverTheBuiltInContext() {
        assertThat(VietnameseNormalizer.create().normalize("BCH quân sự xã họp.").normalized())
                .isEqualTo("Ban chỉ huy quân sự xã họp.");
        assertThat(read("BCH quân sự xã họp.")).isEqualTo("Ban chấp hành quân sự xã họp.");
    }

    @Test
    void aNumberInAnEntryIsCarriedIntoTheReadingAndReadByTheRulesAfter() {
        assertThat(read("Tổ 5 họp lúc 19h.")).isEqualTo("Tổ dân phố năm họp lúc mười chín giờ.");
        assertThat(read("Sạt lở tại Km12 tỉnh lộ.")).isEqualTo("Sạt lở tại ki lô mét số mười hai tỉnh lộ.");
    }

    @Test
    void anEntryIsAWholeWordNeverPartOfACode() {
        assertThat(read("Tổng số 5 hộ.")).isEqualTo("Tổng số năm hộ.");
        VietnameseNormalizer cp = VietnameseNormalizer.create().withReadings(Map.of("CP", "cổ phần"));
        assertThat(cp.normalize("Theo Nghị định 13/2023/NĐ-CP, công ty CP Sông Đà.").normalized())
                .isEqualTo("Theo Nghị định mười ba năm hai nghìn không trăm hai mươi ba của chính phủ, "
                        + "công ty cổ phần Sông Đà.");
    }

    @Test
    void anEntryAfterABracketOrACommaIsStillAWord() {
        assertThat(read("Họp (BCH quân sự) tại thôn Đông,Tổ 5.")).isEqualTo(
                "Họp, ban chấp hành quân sự, tại thôn Đông, tổ dân phố năm.");
    }

    @Test
    void aSingleWordAlsoJoinsTheDictionarySoJoinedPairsReadIt() {
        assertThat(read("Ban quản lý HTXDV/HTX thông báo.")).isEqualTo("Ban quản lý hợp tác xã dịch vụ, hợp tác xã thông báo.");
    }

    @Test
    void overridesAreTheirOwnClassInTheExplanation() {
        assertThat(COMMUNE.explain("Thôn Nà Pồng, Tổ 5 họp.").tokens())
                .extracting(ReadingToken::text, ReadingToken::kind, ReadingToken::reading)
                .contains(tuple("Nà Pồng", TokenKind.OVERRIDE, "Nà Pồng"), tuple("Tổ 5", TokenKind.OVERRIDE, "tổ dân phố năm"));
    }

    @Test
    void aBlankEntryIsRefused() {
        assertThatThrownBy(() -> VietnameseNormalizer.create().withReadings(Map.of(" ", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
