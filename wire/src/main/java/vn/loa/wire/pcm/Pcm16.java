package vn.loa.wire.pcm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Samples to bytes and back in the one byte layout Loa stores and pipes PCM in: 16-bit signed little-endian (what
 * espeak-ng and ffmpeg's {@code s16le} write, and what a WAV file holds).
 *
 * <p>Stateless. An odd last byte is half a sample (a killed ffmpeg, a cut-off read) and is dropped.
 */
public final class Pcm16 {

    private Pcm16() {
    }

    /** The samples of all of {@code bytes}. */
    public static short[] samples(byte[] bytes) {
        return samples(bytes, bytes.length);
    }

    /** The samples of the first {@code length} bytes of {@code bytes}. */
    public static short[] samples(byte[] bytes, int length) {
        short[] samples = new short[length / 2];
        ByteBuffer.wrap(bytes, 0, length).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return samples;
    }

    /** The bytes of these runs of samples, played one after another. */
    public static byte[] bytes(short[]... runs) {
        int length = 0;
        for (short[] run : runs) {
            length += run.length;
        }
        ByteBuffer out = ByteBuffer.allocate(length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short[] run : runs) {
            out.asShortBuffer().put(run);
            out.position(out.position() + run.length * 2);
        }
        return out.array();
    }
}
