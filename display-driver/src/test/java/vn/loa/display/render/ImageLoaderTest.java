package vn.loa.display.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vn.loa.display.ContentException;
import vn.loa.display.Pictures;

class ImageLoaderTest {

    private final ImageLoader loader = new ImageLoader();

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderWithoutDecoding() {
        byte[] bomb = Pictures.claimingPng(50_000, 50_000);
        assertThat(bomb.length).isLessThan(100);
        assertThatThrownBy(() -> loader.read(bomb)).isInstanceOf(ContentException.class)
                .extracting(e -> ((ContentException) e).code()).isEqualTo("image_too_large");
    }

    @Test
    void aFileThatIsNoPictureIsAnUnsupportedFormat() {
        byte[] svg = "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> loader.read(svg)).extracting(e -> ((ContentException) e).code())
                .isEqualTo("unsupported_format");
    }

    @Test
    void aTruncatedPictureIsCorrupt() {
        byte[] png = Pictures.png(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB));
        byte[] cut = Arrays.copyOf(png, png.length / 2);
        assertThatThrownBy(() -> loader.read(cut)).extracting(e -> ((ContentException) e).code())
                .isEqualTo("corrupt_media");
    }

    @Test
    void aPictureIsCroppedToFillTheBoardOrLetterboxedToShowItWhole() {
        BufferedImage square = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = square.createGraphics();
        g.setColor(Color.GREEN);
        g.fillRect(0, 0, 400, 400);
        g.dispose();
        BufferedImage read = loader.read(Pictures.png(square));
        ImageRenderer r = new ImageRenderer();
        BufferedImage cover = r.render(SlideRendererTest.TV, read, ImageRenderer.Fit.COVER);
        BufferedImage contain = r.render(SlideRendererTest.TV, read, ImageRenderer.Fit.CONTAIN);
        assertThat(cover.getRGB(5, 540)).isEqualTo(Color.GREEN.getRGB());
        assertThat(contain.getRGB(5, 540)).isEqualTo(Color.BLACK.getRGB());
        assertThat(contain.getRGB(960, 540)).isEqualTo(Color.GREEN.getRGB());
    }
}
