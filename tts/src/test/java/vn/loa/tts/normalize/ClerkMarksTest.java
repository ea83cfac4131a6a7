package vn.loa.tts.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClerkMarksTest {

    @Test
    void aBoardShowsTheNoticeAsWrittenWithoutTheMarksThatSteerTheVoice() {
        assertThat(ClerkMarks.shown("Họp tại nhà văn hóa [nghỉ 2 giây]. Mang theo [đánh vần CCCD] và sổ [HTXAB = hợp tác xã"
                + " An Bình]."))
                .isEqualTo("Họp tại nhà văn hóa. Mang theo CCCD và sổ HTXAB.");
    }

    @Test
    void otherBracketsAndTextWithoutMarksStayAsTheyAre() {
        assertThat(ClerkMarks.shown("Điểm [1] và [2]: xem phụ lục")).isEqualTo("Điểm [1] và [2]: xem phụ lục");
        assertThat(ClerkMarks.shown("Không có dấu")).isEqualTo("Không có dấu");
        assertThat(ClerkMarks.shown(null)).isNull();
    }
}
