package vn.loa.display.ddp;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import vn.loa.display.BoardProfile;

/**
 * A panel frame as the bytes an LED controller takes: R, G, B per pixel, row by row from the top left, dimmed to the
 * brightness of the hour and reduced to the panel's colour depth. Pure.
 */
public final class LedFrame {

    private LedFrame() {
    }

    /** {@code percent} of full brightness (1-100). */
    public static byte[] rgb(BufferedImage frame, BoardProfile profile, int percent) {
        int w = frame.getWidth();
        int h = frame.getHeight();
        int[] pixels = frame.getType() == BufferedImage.TYPE_INT_RGB
                ? ((DataBufferInt) frame.getRaster().getDataBuffer()).getData()
                : frame.getRGB(0, 0, w, h, null, 0, w);
        int mask = (0xff << (8 - profile.colourBits())) & 0xff;
        byte[] lut = new byte[256];
        for (int v = 0; v < 256; v++) {
            lut[v] = (byte) ((v * percent / 100) & mask);
        }
        byte[] out = new byte[w * h * 3];
        int o = 0;
        for (int i = 0; i < w * h; i++) {
            int p = pixels[i];
            out[o++] = lut[(p >> 16) & 0xff];
            out[o++] = lut[(p >> 8) & 0xff];
            out[o++] = lut[p & 0xff];
        }
        return out;
    }
}
