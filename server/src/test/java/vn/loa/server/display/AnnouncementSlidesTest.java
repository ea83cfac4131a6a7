package vn.loa.server.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.display.screen.MediaStore;
import vn.loa.server.refusal.Refusal;
import vn.loa.server.testing.MemoryDatabase;
import vn.loa.server.testing.Pictures;

/** The checks a picture for the boards passes before it is kept, and what is kept once it passes. */
class AnnouncementSlidesTest {

    @TempDir
    Path data;

    private final MemoryDatabase db = new MemoryDatabase();

    private AnnouncementSlides slides() {
        return new AnnouncementSlides(db.jdbi(), new MediaStore(data), null, null,
                Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void aPngIsKeptOnceByItsHashWithItsSize() throws Exception {
        byte[] png = png(40, 30, "png");
        AnnouncementSlides slides = slides();
        var first = slides.store("image/png", png);
        var again = slides.store("image/png; charset=binary", png);
        assertThat(again).isEqualTo(first);
        assertThat(first.width()).isEqualTo(40);
        assertThat(first.height()).isEqualTo(30);
        assertThat(first.size()).isEqualTo(png.length);
        assertThat(Files.readAllBytes(slides.file(first.sha256()))).isEqualTo(png);
        boolean held = db.jdbi().withHandle(h -> slides.holds(h, first.sha256()));
        assertThat(held).isTrue();
        assertThat(pictures()).isEqualTo(1);
    }

    @Test
    void aJpegIsTakenAsJpeg() throws Exception {
        assertThat(slides().store("image/jpeg", png(20, 20, "jpeg")).type()).isEqualTo("image/jpeg");
    }

    @Test
    void aCorruptPngIsRefusedAsInvalidAndNothingIsKept() throws Exception {
        byte[] png = png(40, 30, "png");
        byte[] cut = Arrays.copyOf(png, png.length / 2);
        assertRefused("image/png", cut, Refusal.Kind.INVALID, "corrupt_media");
        assertRefused("image/png", "không phải ảnh".getBytes(), Refusal.Kind.UNSUPPORTED_TYPE, "unsupported_format");
    }

    @Test
    void aPictureOfAnotherTypeThanDeclaredOrNotPngOrJpegIsRefused() throws Exception {
        assertRefused("image/jpeg", png(10, 10, "png"), Refusal.Kind.INVALID, "corrupt_media");
        assertRefused("image/gif", png(10, 10, "gif"), Refusal.Kind.UNSUPPORTED_TYPE, "unsupported_format");
        assertRefused(null, png(10, 10, "png"), Refusal.Kind.UNSUPPORTED_TYPE, "unsupported_format");
        assertRefused("image/png", new byte[0], Refusal.Kind.INVALID, "empty_upload");
    }

    @Test
    void aPictureOverTheLimitOrClaimingTooManyPixelsIsRefusedAsTooLarge() throws Exception {
        assertRefused("image/png", new byte[(int) AnnouncementSlides.LIMIT + 1], Refusal.Kind.TOO_LARGE,
                "picture_too_large");
        // A PNG header claiming 50,000 × 50,000 pixels (a decompression bomb) is refused before decoding.
        byte[] bomb = png(1, 1, "png");
        java.nio.ByteBuffer.wrap(bomb, 16, 8).putInt(50_000).putInt(50_000);
        assertRefused("image/png", bomb, Refusal.Kind.TOO_LARGE, "image_too_large");
    }

    private void assertRefused(String type, byte[] bytes, Refusal.Kind kind, String code) throws Exception {
        assertThatThrownBy(() -> slides().store(type, bytes)).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.kind()).isEqualTo(kind);
            assertThat(r.code()).isEqualTo(code);
            assertThat(r.getMessage()).isNotBlank();
        });
        try (Stream<Path> kept = Files.list(data.resolve("board-media"))) {
            assertThat(kept).as("nothing kept").isEmpty();
        }
        assertThat(pictures()).isZero();
    }

    private int pictures() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM slide_picture").mapTo(Integer.class).one());
    }

    private static byte[] png(int width, int height, String format) {
        return Pictures.solid(new Color(200, 30, 30), width, height, format);
    }
}
