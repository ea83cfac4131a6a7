package vn.loa.display.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import vn.loa.core.model.BoardKind;
import vn.loa.display.BoardProfile;
import vn.loa.display.BrightnessSchedule;
import vn.loa.display.Orientation;

class MarqueeTest {

    static final BoardProfile LED = new BoardProfile("led", BoardKind.LED, 128, 32, Orientation.LANDSCAPE, 8,
            BrightnessSchedule.FULL, null);

    @Test
    void theTextEntersFromTheRightAndTheScrollWrapsAroundAfterOnePass() {
        Marquee m = Marquee.of(LED, "Chào mừng ngày Quốc khánh 2/9");
        assertThat(m.period()).isGreaterThan(128 * 2);
        BufferedImage first = m.frame(0);
        assertThat(first.getWidth()).isEqualTo(128);
        assertThat(SlideRendererTest.countOf(first, m.background().getRGB())).isEqualTo(128 * 32);
        BufferedImage later = m.frame(128 + 10);
        assertThat(SlideRendererTest.countOf(later, m.background().getRGB())).isLessThan(128 * 32);
        assertThat(pixels(m.frame(m.period() + 140))).isEqualTo(pixels(m.frame(140)));
    }

    static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
