package vn.loa.wire.wav;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The one WAV layout Loa writes and reads back: a 44-byte RIFF header for 16-bit little-endian mono PCM, then the
 * samples (speech previews, the files node agents fetch and record, hotline call recordings).
 *
 * <p>Stateless. {@link #read} ignores the RIFF and data lengths where they cannot be true, because espeak-ng's
 * {@code --stdout} writes a header before it knows them (0x7FFFFFFF and similar): the data then runs to the end.
 */
public final class WavFormat {

    /** Bytes before the first sample. */
    public static final int HEADER_BYTES = 44;

    private WavFormat() {
    }

    /**
     * The header for {@code dataBytes} bytes of samples at {@code sampleRate}. Both lengths are RIFF's 32 bits, so a
     * writer stops (or clamps) before 4 GiB.
     */
    public static byte[] header(int sampleRate, long dataBytes) {
        return ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN)
                .put(ascii("RIFF")).putInt((int) (36 + dataBytes)).put(ascii("WAVE"))
                .put(ascii("fmt ")).putInt(16)
                .putShort((short) 1)                                  // PCM
                .putShort((short) 1)                                  // mono
                .putInt(sampleRate)
                .putInt(sampleRate * 2)                               // byte rate
                .putShort((short) 2)                                  // block align
                .putShort((short) 16)                                 // bits per sample
                .put(ascii("data")).putInt((int) dataBytes)
                .array();
    }

    /** A whole file: the header and these bytes of samples. */
    public static byte[] file(int sampleRate, byte[] pcm) {
        return ByteBuffer.allocate(HEADER_BYTES + pcm.length).put(header(sampleRate, pcm.length)).put(pcm).array();
    }

    /** The audio of a WAV file; only 16-bit mono PCM is accepted. */
    public static Audio read(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 12 || !tag(b, 0).equals("RIFF") || !tag(b, 8).equals("WAVE")) {
            throw new IllegalArgumentException("not a RIFF WAVE file (" + wav.length + " bytes)");
        }
        int at = 12;
        Integer rate = null;
        while (at + 8 <= wav.length) {
            String id = tag(b, at);
            int size = b.getInt(at + 4);
            if (id.equals("fmt ")) {
                rate = checkFormat(b, at + 8);
            } else if (id.equals("data")) {
                if (rate == null) {
                    throw new IllegalArgumentException("WAV data chunk before its fmt chunk");
                }
                int remaining = wav.length - at - 8;
                // espeak-ng's stream writes a placeholder size; a real file may have chunks after its data
                int length = (size > 0 && size <= remaining ? size : remaining) & ~1;
                byte[] pcm = new byte[length];
                System.arraycopy(wav, at + 8, pcm, 0, length);
                return new Audio(rate, pcm);
            }
            at += 8 + size + (size & 1);
        }
        throw new IllegalArgumentException("WAV file without a data chunk");
    }

    private static int checkFormat(ByteBuffer b, int at) {
        int encoding = b.getShort(at);
        int channels = b.getShort(at + 2);
        int bits = b.getShort(at + 14);
        if (encoding != 1 || channels != 1 || bits != 16) {
            throw new IllegalArgumentException("expected 16-bit mono PCM WAV, got encoding " + encoding + ", "
                    + channels + " channels, " + bits + " bits");
        }
        return b.getInt(at + 4);
    }

    private static String tag(ByteBuffer b, int at) {
        byte[] id = new byte[4];
        b.get(at, id);
        return new String(id, StandardCharsets.US_ASCII);
    }

    private static byte[] ascii(String tag) {
        return tag.getBytes(StandardCharsets.US_ASCII);
    }

    /** The samples inside a WAV file: 16-bit little-endian bytes at {@code sampleRate}. */
    public record Audio(int sampleRate, byte[] pcm) {
    }
}
