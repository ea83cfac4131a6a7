package vn.loa.tts.engine;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads and writes RIFF WAVE files of 16-bit mono PCM.
 *
 * <p>Stateless; bytes in, bytes out. The decoder ignores the RIFF and data lengths because espeak-ng's
 * {@code --stdout} writes a header before it knows them (0x7FFFFFFF and similar): the data runs to the end.
 */
public final class WavCodec {

    private static final int HEADER_BYTES = 44;

    private WavCodec() {
    }

    /** A complete WAV file for this PCM, as served by {@code POST /api/v1/tts/preview}. */
    public static byte[] encode(PcmFormat format, byte[] pcm) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + pcm.length);
        b.put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1);
        b.putInt(format.sampleRate()).putInt(format.sampleRate() * PcmFormat.BYTES_PER_SAMPLE);
        b.putShort((short) PcmFormat.BYTES_PER_SAMPLE).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(pcm.length).put(pcm);
        return b.array();
    }

    /** One WAV file of the chunks played one after another; they must share a format. */
    public static byte[] encode(List<SpeechChunk> chunks) {
        if (chunks.isEmpty()) {
            return encode(PcmFormat.ESPEAK, new byte[0]);
        }
        PcmFormat format = chunks.get(0).format();
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        for (SpeechChunk chunk : chunks) {
            if (!chunk.format().equals(format)) {
                throw new IllegalArgumentException("chunks mix " + format + " and " + chunk.format());
            }
            pcm.writeBytes(chunk.pcm());
        }
        return encode(format, pcm.toByteArray());
    }

    /** The audio of a WAV file; only 16-bit mono PCM is accepted. */
    public static Decoded decode(byte[] wav) {
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
                return new Decoded(new PcmFormat(rate), pcm);
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

    /** The PCM inside a WAV file. */
    public record Decoded(PcmFormat format, byte[] pcm) {
    }
}
