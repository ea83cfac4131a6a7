package vn.loa.display.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import vn.loa.display.ContentException;

/**
 * Reads uploaded pictures safely: the size is read from the file's header before anything is decoded, so a small file
 * claiming 50,000 × 50,000 pixels (a decompression bomb: 10 GB once decoded) is refused without allocating it; a picture
 * far larger than any board is decoded at a fraction of its resolution. Stateless.
 */
public final class ImageLoader {

    /** Pixels a picture may claim: 40 megapixels (a 7,680 × 5,120 photo). */
    public static final long MAX_PIXELS = 40_000_000L;
    /** Decoded pictures are subsampled to at most this many pixels on their longer side. */
    static final int DECODE_SIDE = 4096;

    /** What the header says, before decoding. */
    public record Header(String format, int width, int height) {
    }

    public Header header(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = reader(in);
            try {
                reader.setInput(in, true, true);
                return checked(new Header(reader.getFormatName().toLowerCase(java.util.Locale.ROOT),
                        reader.getWidth(0), reader.getHeight(0)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ContentException c) {
                throw c;
            }
            throw new ContentException("corrupt_media", "Tệp ảnh bị hỏng, không đọc được kích thước. / corrupt image", e);
        }
    }

    public BufferedImage read(byte[] bytes) {
        Header header = header(bytes);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = reader(in);
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.ceil(Math.max(header.width(), header.height()) / (double) DECODE_SIDE);
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new ContentException("corrupt_media", "Tệp ảnh bị hỏng, không giải mã được. / corrupt image", e);
        }
    }

    private static ImageReader reader(ImageInputStream in) {
        Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
        if (readers == null || !readers.hasNext()) {
            throw new ContentException("unsupported_format",
                    "Định dạng ảnh không được hỗ trợ; hãy dùng PNG, JPEG, GIF hoặc BMP. / unsupported image format");
        }
        return readers.next();
    }

    private static Header checked(Header h) {
        if (h.width() < 1 || h.height() < 1 || (long) h.width() * h.height() > MAX_PIXELS) {
            throw new ContentException("image_too_large", "Ảnh " + h.width() + " × " + h.height()
                    + " điểm quá lớn (tối đa " + MAX_PIXELS / 1_000_000 + " triệu điểm ảnh). / image too large");
        }
        return h;
    }
}
