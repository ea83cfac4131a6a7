package vn.loa.display.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.core.model.BoardKind;
import vn.loa.display.BoardProfile;
import vn.loa.display.BrightnessSchedule;
import vn.loa.display.Orientation;

class SlideRendererTest {

    static final String ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY"
            + "àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
            + "ÀẢÃÁẠẰẲẴẮẶẦẨẪẤẬÈẺẼÉẸỀỂỄẾỆÌỈĨÍỊÒỎÕÓỌỒỔỖỐỘỜỞỠỚỢÙỦŨÚỤỪỬỮỨỰỲỶỸÝỴ⚠…";
    static final BoardProfile TV = new BoardProfile("tv", BoardKind.LCD, 1920, 1080, Orientation.LANDSCAPE, 8,
            BrightnessSchedule.FULL, null);

    private final SlideRenderer renderer = new SlideRenderer();

    @Test
    void theShippedFontsDrawEveryVietnameseLetterAndToneMark() {
        assertThat(Fonts.regular(20).canDisplayUpTo(ALPHABET)).isEqualTo(-1);
        assertThat(Fonts.bold(20).canDisplayUpTo(ALPHABET)).isEqualTo(-1);
        assertThat(Fonts.regular(20).getFamily()).isEqualTo("DejaVu Sans");
    }

    @Test
    void aShortNoticeFitsOnePageInLargeType() {
        TextSlide slide = new TextSlide("Thông báo", "Họp dân thôn Đông lúc 19 giờ tại nhà văn hóa.");
        SlideLayout layout = renderer.layout(TV, slide);
        assertThat(layout.pages()).hasSize(1);
        assertThat(layout.bodyFont().getSize2D()).isGreaterThan(60f);
        BufferedImage image = renderer.render(TV, slide, 0);
        assertThat(image.getWidth()).isEqualTo(1920);
        assertThat(image.getHeight()).isEqualTo(1080);
        assertThat(countOf(image, Canvas.TITLE.getRGB())).isGreaterThan(1000);
        assertThat(countOf(image, Canvas.BODY.getRGB())).isGreaterThan(1000);
    }

    @Test
    void aLongNoticeIsWrappedAndPagedWithEveryWordInOrder() {
        String body = "Ủy ban nhân dân xã thông báo lịch tiêm chủng mở rộng cho trẻ em dưới năm tuổi. ".repeat(80);
        TextSlide slide = new TextSlide("Lịch tiêm chủng", body);
        SlideLayout layout = renderer.layout(TV, slide);
        assertThat(layout.pages().size()).isBetween(2, SlideLayout.MAX_PAGES - 1);
        List<String> words = new ArrayList<>();
        for (SlideLayout.Page p : layout.pages()) {
            assertThat(p.title()).containsExactly("Lịch tiêm chủng");
            p.body().forEach(line -> words.addAll(List.of(line.split(" "))));
            for (String line : p.body()) {
                assertThat(LineBreaker.width(layout.bodyFont(), line)).isLessThanOrEqualTo(1920 - 2 * layout.margin());
            }
        }
        assertThat(String.join(" ", words)).isEqualTo(slide.body());
    }

    @Test
    void textThatCannotFitAtAllEndsInAnEllipsisInsteadOfOverflowing() {
        TextSlide slide = new TextSlide("Quá dài", "chữ ".repeat(200_000));
        SlideLayout layout = renderer.layout(TV, slide);
        assertThat(layout.pages()).hasSize(SlideLayout.MAX_PAGES);
        List<String> last = layout.pages().get(SlideLayout.MAX_PAGES - 1).body();
        assertThat(last.get(last.size() - 1)).endsWith("…");
    }

    @Test
    void aWordWiderThanTheBoardIsBrokenWithoutSplittingAToneMarkFromItsLetter() {
        BoardProfile small = new BoardProfile("s", BoardKind.LCD, 160, 120, Orientation.LANDSCAPE, 8,
                BrightnessSchedule.FULL, null);
        String word = "https://xa-dong-son.gov.vn/thong-bao/" + "ệ".repeat(30);
        SlideLayout layout = renderer.layout(small, new TextSlide("", word));
        String joined = String.join("", layout.pages().stream().flatMap(p -> p.body().stream()).toList());
        assertThat(joined).isEqualTo(word);
    }

    @Test
    void decomposedToneMarksAreComposedBeforeDrawing() {
        TextSlide slide = new TextSlide("Tie\u0302\u0301ng", "Vie\u0323\u0302t");
        assertThat(slide.title()).isEqualTo("Tiếng");
        assertThat(slide.body()).isEqualTo("Việt");
    }

    @Test
    void aPortraitBoardGetsAPanelFrameOfItsMountedSize() {
        BoardProfile portrait = TV.withOrientation(Orientation.PORTRAIT);
        BufferedImage image = renderer.render(portrait, new TextSlide("Dọc", "Bảng đặt dọc"), 0);
        assertThat(image.getWidth()).isEqualTo(1920);
        assertThat(image.getHeight()).isEqualTo(1080);
    }

    @Test
    void theEmergencyBannerIsRedWithItsHeading() {
        BufferedImage banner = new BannerRenderer().render(TV, "Lũ về, mời bà con sơ tán lên chỗ cao.");
        assertThat(banner.getRGB(2, 2)).isEqualTo(BannerRenderer.RED.getRGB());
    }

    static int countOf(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
