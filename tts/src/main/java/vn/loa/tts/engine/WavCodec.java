package vn.loa.tts.engine;

import java.io.ByteArrayOutputStream;
import java.util.List;
import vn.loa.wire.wav.WavFormat;

/**
 * Reads and writes RIFF WAVE files of 16-bit mono PCM for speech: the layout is wire's {@link WavFormat}, whose reader
 * copes with espeak-ng's {@code --stdout} header (lengths it cannot know yet).
 *
 * <p>Stateless; bytes in, bytes out.
 */
public final class WavCodec {

    private WavCodec() {
    }

    /** A complete WAV file for this PCM, as served by {@code POST /api/v1/tts/preview}. */
    public static byte[] encode(PcmFormat format, byte[] pcm) {
        return WavFormat.file(format.sampleRate(), pcm);
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
        WavFormat.Audio audio = WavFormat.read(wav);
        return new Decoded(new PcmFormat(audio.sampleRate()), audio.pcm());
    }

    /** The PCM inside a WAV file. */
    public record Decoded(PcmFormat format, byte[] pcm) {
    }
}
