package vn.loa.tts.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** The pauses a notice's structure and a clerk's marks ask for, and the marks' readings. */
class ProsodyPlanTest {

    private static final VietnameseNormalizer NORMALIZER = VietnameseNormalizer.create();

    @Test
    void headingsListItemsAndSentencesPauseByStructure() {
        Normalized plan = NORMALIZER.normalize("II. CHUẨN BỊ\n+ Áo phao\n+ Đèn pin\nHọp lúc 7h. Đề nghị đi đúng giờ...");

        assertThat(plan.sentences()).containsExactly("Hai, CHUẨN BỊ.", "Áo phao.", "Đèn pin.", "Họp lúc bảy giờ.",
                "Đề nghị đi đúng giờ...");
        assertThat(plan.pauses()).containsExactly(Pauses.HEADING, Pauses.LIST_ITEM, Pauses.LIST_ITEM, Pauses.SENTENCE,
                Pauses.ELLIPSIS);
    }

    @Test
    void aClerksPauseMarkCutsTheSentenceAndLastsAsLongAsAsked() {
        Normalized plan = NORMALIZER.normalize("Mời bà con ra loa [nghỉ 2 giây] thông báo khẩn [nghỉ] "
                + "hết [nghỉ 500ms] hết [nghỉ 1,5 giây].");

        assertThat(plan.sentences()).containsExactly("Mời bà con ra loa.", "Thông báo khẩn.", "Hết.", "Hết.");
        assertThat(plan.pauses()).containsExactly(2000, 1000, 500, 1500);
        assertThat(plan.normalized()).doesNotContain("nghỉ").doesNotContain("[");
        assertThat(NORMALIZER.normalize("Chờ [nghỉ 99 giây] tiếp.").pauses()).containsExactly(Pauses.LONGEST_MARK,
                Pauses.SENTENCE);
    }

    @Test
    void aClerkCanHaveAWordSpelledOrReadAsWrittenAndSeesWhy() {
        Explanation e = NORMALIZER.explain("Liên hệ [đánh vần KTX] hoặc [HTXAB = hợp tác xã An Bình] ngay.");

        assertThat(e.normalized().normalized()).isEqualTo("Liên hệ ca tê ích hoặc hợp tác xã An Bình ngay.");
        assertThat(e.tokens()).filteredOn(t -> t.kind() == TokenKind.OVERRIDE)
                .extracting(ReadingToken::text, ReadingToken::reading)
                .containsExactly(tuple("[đánh vần KTX]", "ca tê ích"), tuple("[HTXAB = hợp tác xã An Bình]",
                        "hợp tác xã An Bình"));
    }

    @Test
    void aMarkWinsOverTheUnitsOwnReadingAndBracketsThatAreNoMarkAreLeftAlone() {
        VietnameseNormalizer unit = NORMALIZER.withReadings(java.util.Map.of("HTX", "hợp tác xã Đông"));

        assertThat(unit.normalize("[HTX = hợp tác xã Tây] họp.").normalized()).isEqualTo("Hợp tác xã Tây họp.");
        assertThat(NORMALIZER.normalize("Họp [thôn 3] lúc 7h.").normalized()).isEqualTo("Họp, thôn ba, lúc bảy giờ."); // as brackets always were
    }

    @Test
    void aNumberToRememberIsReadInItsGroupsAndRepeatedOnceWhenTheClerkAsks() {
        assertThat(NORMALIZER.normalize("Gọi 0912 345 678 khi cần.").sentences())
                .containsExactly("Gọi không chín một hai, ba bốn năm, sáu bảy tám khi cần.");
        assertThat(NORMALIZER.normalize("Gọi 0912345678 khi cần.").sentences())
                .as("unwritten groups are the usual 4-3-3").containsExactly(
                        "Gọi không chín một hai, ba bốn năm, sáu bảy tám khi cần.");

        Normalized twice = NORMALIZER.normalize("Đường dây nóng [nhắc lại 1900 1234] và STK [nhắc lại 1234 5678 9012].");
        assertThat(twice.sentences()).containsExactly("Đường dây nóng một chín không không, một hai ba bốn, "
                + "xin nhắc lại một chín không không, một hai ba bốn và số tài khoản một hai ba bốn, năm sáu bảy tám, "
                + "chín không một hai, xin nhắc lại một hai ba bốn, năm sáu bảy tám, chín không một hai.");
        assertThat(twice.pauses()).as("one sentence: the repetition cuts nothing").containsExactly(Pauses.SENTENCE);
        assertThat(NORMALIZER.explain("Gọi [nhắc lại 0912 345 678].").tokens())
                .filteredOn(t -> t.kind() == TokenKind.OVERRIDE).extracting(ReadingToken::text)
                .containsExactly("[nhắc lại 0912 345 678]");
        assertThat(ClerkMarks.shown("Gọi [nhắc lại 0912 345 678].")).isEqualTo("Gọi 0912 345 678.");
    }
}
