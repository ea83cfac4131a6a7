package vn.loa.display;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Test pictures: real PNGs, and a PNG whose header claims any size (a decompression bomb's first bytes). */
public final class Pictures {

    private Pictures() {
    }

    public static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG signature and IHDR chunk for {@code width × height} 8-bit RGB, then a tiny IDAT and IEND. */
    public static byte[] claimingPng(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12 + 12 + 12);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
        chunk(b, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(b, "IDAT", new byte[0]);
        chunk(b, "IEND", new byte[0]);
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    private static void chunk(ByteBuffer b, String type, byte[] data) {
        b.putInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        b.put(t).put(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        b.putInt((int) crc.getValue());
    }

    /** The bounds of the pixels in {@code at} that differ from its top-left pixel (its background); null if none. */
    public static java.awt.Rectangle ink(BufferedImage image, java.awt.Rectangle at) {
        int background = image.getRGB(at.x, at.y);
        java.awt.Rectangle ink = null;
        for (int y = at.y; y < at.y + at.height; y++) {
            for (int x = at.x; x < at.x + at.width; x++) {
                if (image.getRGB(x, y) != background) {
                    java.awt.Rectangle p = new java.awt.Rectangle(x, y, 1, 1);
                    ink = ink == null ? p : ink.union(p);
                }
            }
        }
        return ink;
    }
}
