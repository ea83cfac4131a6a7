package vn.loa.tts.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private final VietnameseNormalizer normalizer = VietnameseNormalizer.create();

    @Test
    void splitsAtFullStopsQuestionAndExclamationMarks() {
        assertThat(normalizer.normalize("Bà con chú ý! Bão sắp vào. Đã chuẩn bị chưa?").sentences())
                .containsExactly("Bà con chú ý!", "Bão sắp vào.", "Đã chuẩn bị chưa?");
    }

    @Test
    void doesNotSplitAtTheDotsOfNumbersDatesOrAbbreviations() {
        assertThat(normalizer.normalize("TP. Hà Nội thu 1.500.000đ từ ngày 28.11.2026 tại Q. Ba Đình.").sentences())
                .containsExactly("Thành phố Hà Nội thu một triệu năm trăm nghìn đồng từ ngày hai mươi tám tháng mười một"
                        + " năm hai nghìn không trăm hai mươi sáu tại quận Ba Đình.");
    }

    @Test
    void treatsEachLineOfANoticeAsASentence() {
        assertThat(normalizer.normalize("THÔNG BÁO\nVề việc họp dân\nThời gian: 7h30").sentences())
                .containsExactly("THÔNG BÁO.", "Về việc họp dân.", "Thời gian: bảy giờ ba mươi phút.");
    }

    @Test
    void dropsListBulletsAndReadsListNumbers() {
        assertThat(normalizer.normalize("- Mang theo CCCD\n+ Sổ hộ khẩu\n2. Nộp lệ phí").sentences())
                .containsExactly("Mang theo căn cước công dân.", "Sổ hộ khẩu.", "Hai, Nộp lệ phí.");
    }

    @Test
    void cutsAVeryLongSentenceAtACommaSoTheFirstAudioIsNotDelayed() {
        String longSentence = "Bà con thôn một, thôn hai, thôn ba, thôn bốn, thôn năm cần chú ý ".repeat(12) + "ngay.";
        var sentences = normalizer.normalize(longSentence).sentences();
        assertThat(sentences).hasSizeGreaterThan(1);
        assertThat(sentences).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(SentenceSplitter.MAX_LENGTH + 1));
        assertThat(String.join(" ", sentences).replace(",", "")).isEqualTo(
                normalizer.normalize(longSentence).normalized().replace(",", ""));
    }

    @Test
    void aNameInitialWithADotDoesNotEndTheSentenceButLowerCaseTypingStillSplits() {
        assertThat(normalizer.normalize("Ông Nguyễn Văn P. đã nhận quà. Bà Trần Thị B. Lan vắng mặt.").sentences())
                .containsExactly("Ông Nguyễn Văn P. đã nhận quà.", "Bà Trần Thị B.", "Lan vắng mặt.");
        assertThat(normalizer.normalize("bà con chú ý. hôm nay họp lúc 7h.").sentences())
                .containsExactly("Bà con chú ý.", "Hôm nay họp lúc bảy giờ.");
    }

    @Test
    void keepsAnEllipsisAsOneSentenceEnd() {
        assertThat(normalizer.normalize("Hội nghị thành công... Xin cảm ơn.").sentences())
                .containsExactly("Hội nghị thành công...", "Xin cảm ơn.");
    }

    @Test
    void normalisedTextIsTheSentencesJoinedBySpaces() {
        Normalized n = normalizer.normalize("Một. Hai.\nBa");
        assertThat(n.normalized()).isEqualTo(String.join(" ", n.sentences()));
    }
}
