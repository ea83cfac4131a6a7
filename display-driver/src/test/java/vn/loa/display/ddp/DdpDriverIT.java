package vn.loa.display.ddp;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import vn.loa.core.model.BoardKind;
import vn.loa.display.BoardProfile;
import vn.loa.display.BrightnessSchedule;
import vn.loa.display.Orientation;
import vn.loa.display.render.Marquee;
import vn.loa.display.render.SlideRenderer;
import vn.loa.display.render.TextSlide;

class DdpDriverIT {

    static final BoardProfile MATRIX = new BoardProfile("led", BoardKind.LED, 256, 128, Orientation.LANDSCAPE, 8,
            BrightnessSchedule.FULL, null);

    @Test
    void aControllerReassemblesTheRenderedSlidePixelForPixel() throws Exception {
        BufferedImage slide = new SlideRenderer().render(MATRIX, new TextSlide("Thông báo", "Họp dân lúc 19 giờ"), 0);
        try (DdpReceiver controller = new DdpReceiver(256 * 128 * 3); DdpDriver driver = new DdpDriver(30)) {
            driver.show("led", controller.address(), n -> LedFrame.rgb(slide, MATRIX, 100));
            byte[] frame = controller.nextFrame(10);
            assertThat(frame).isNotNull();
            assertThat(imageOf(frame, 256, 128)).isEqualTo(pixels(slide));
        }
    }

    @Test
    void aMarqueeArrivesFrameByFrameAndMovesBetweenFrames() throws Exception {
        BoardProfile small = new BoardProfile("m", BoardKind.LED, 64, 16, Orientation.LANDSCAPE, 8,
                BrightnessSchedule.FULL, null);
        Marquee marquee = Marquee.of(small, "Chào mừng Quốc khánh");
        try (DdpReceiver controller = new DdpReceiver(64 * 16 * 3); DdpDriver driver = new DdpDriver(30)) {
            driver.show("m", controller.address(), n -> LedFrame.rgb(marquee.frame(64 + n * 2), small, 100));
            byte[] a = controller.nextFrame(10);
            byte[] b = controller.nextFrame(10);
            assertThat(a).isNotEqualTo(b);
            boolean matches = false;
            for (int step = 64; step < 64 + 200 && !matches; step += 2) {
                matches = java.util.Arrays.equals(imageOf(a, 64, 16), pixels(marquee.frame(step)));
            }
            assertThat(matches).as("the received frame is one of the marquee's frames").isTrue();
            assertThat(driver.stats().frames()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void nightBrightnessAndAFourBitPanelScaleAndQuantiseEveryChannel() {
        BufferedImage white = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        white.getGraphics().fillRect(0, 0, 8, 8);
        byte[] rgb = LedFrame.rgb(white, MATRIX.withColourBits(4), 30);
        assertThat(rgb[0] & 0xff).isEqualTo((255 * 30 / 100) & 0xf0);
    }

    static int[] imageOf(byte[] rgb, int w, int h) {
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) {
            px[i] = 0xff000000 | (rgb[3 * i] & 0xff) << 16 | (rgb[3 * i + 1] & 0xff) << 8 | (rgb[3 * i + 2] & 0xff);
        }
        return px;
    }

    static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
