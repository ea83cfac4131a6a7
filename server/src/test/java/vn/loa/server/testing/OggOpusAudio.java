package vn.loa.server.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.gagravarr.ogg.OggFile;
import org.gagravarr.opus.OpusAudioData;
import org.gagravarr.opus.OpusFile;
import vn.loa.wire.codec.OpusAudioDecoder;

/** What a listener heard from an Ogg Opus stream or file: its packets decoded to 48 kHz mono PCM, 20 ms a frame. */
public final class OggOpusAudio {

    private OggOpusAudio() {
    }

    /** The decoded 20 ms frames of {@code ogg}, up to the last whole page (a stream cut mid-page ends there). */
    public static List<short[]> frames(byte[] ogg) throws IOException {
        List<short[]> frames = new ArrayList<>();
        OpusAudioDecoder decoder = new OpusAudioDecoder();
        try (OpusFile file = new OpusFile(new OggFile(new ByteArrayInputStream(ogg)))) {
            for (OpusAudioData packet = next(file); packet != null; packet = next(file)) {
                frames.add(decoder.decode(packet.getData()));
            }
        }
        return frames;
    }

    private static OpusAudioData next(OpusFile file) {
        try {
            return file.getNextAudioPacket();
        } catch (IOException | RuntimeException cutShort) {
            return null;
        }
    }

    /** The loudest 100 ms of the frames (root mean square): a tone is thousands, silence near zero. */
    public static double loudest(List<short[]> frames) {
        double best = 0;
        for (int i = 0; i + 5 <= frames.size(); i += 5) {
            double sum = 0;
            long n = 0;
            for (int f = i; f < i + 5; f++) {
                for (short s : frames.get(f)) {
                    sum += (double) s * s;
                    n++;
                }
            }
            best = Math.max(best, Math.sqrt(sum / Math.max(1, n)));
        }
        return best;
    }
}
