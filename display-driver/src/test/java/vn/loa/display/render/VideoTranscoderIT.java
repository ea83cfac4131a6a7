package vn.loa.display.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.core.model.BoardKind;
import vn.loa.display.BoardProfile;
import vn.loa.display.BrightnessSchedule;
import vn.loa.display.ContentException;
import vn.loa.display.Orientation;

class VideoTranscoderIT {

    static final BoardProfile SCREEN = new BoardProfile("tv", BoardKind.LCD, 320, 180, Orientation.LANDSCAPE, 8,
            BrightnessSchedule.FULL, null);

    @TempDir
    Path dir;

    private final VideoTranscoder transcoder = new VideoTranscoder(Duration.ofSeconds(60));

    @Test
    void aVideoBecomesAWebmOfTheBoardsSizeWithAPoster() throws Exception {
        Path source = Videos.testPattern(dir.resolve("in.mp4"), 640, 480, 1);
        VideoTranscoder.Transcoded out = transcoder.transcode(source, SCREEN, dir.resolve("out.webm"),
                dir.resolve("poster.png"));
        byte[] head = Files.readAllBytes(out.video());
        assertThat(head[0] & 0xff).isEqualTo(0x1a); // EBML: Matroska/WebM
        BufferedImage poster = ImageIO.read(out.poster().toFile());
        assertThat(poster.getWidth()).isEqualTo(320);
        assertThat(poster.getHeight()).isEqualTo(180);
        assertThat(poster.getRGB(5, 90) & 0xffffff).as("4:3 letterboxed to 16:9: black bars left and right")
                .isLessThan(0x202020);
    }

    @Test
    void aCorruptVideoIsAClearErrorNotACrash() throws Exception {
        byte[] junk = new byte[50_000];
        new Random(1).nextBytes(junk);
        Path corrupt = Files.write(dir.resolve("broken.mp4"), junk);
        assertThatThrownBy(() -> transcoder.transcode(corrupt, SCREEN, dir.resolve("o.webm"), dir.resolve("p.png")))
                .isInstanceOf(ContentException.class)
                .extracting(e -> ((ContentException) e).code()).isEqualTo("corrupt_media");
    }
}
