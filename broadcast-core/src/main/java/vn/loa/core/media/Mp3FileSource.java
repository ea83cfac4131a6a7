package vn.loa.core.media;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.SampleBuffer;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;

/**
 * A source that decodes an MP3 file (MPEG-1, 2 and 2.5 layer I–III) to mono 16-bit PCM with jlayer, one MPEG frame
 * per pull.
 *
 * <p>Not thread-safe. Stereo is mixed down to mono by averaging. A corrupt frame in the middle is skipped, as
 * players do; a file with no decodable frame at all yields an empty stream.
 */
public final class Mp3FileSource implements MediaSource<PcmFrame> {

    private final InputStream in;
    private final Bitstream bitstream;
    private final Decoder decoder = new Decoder();
    private long timestamp;
    private int sampleRate;
    private boolean ended;

    public Mp3FileSource(InputStream in) {
        this.in = in;
        this.bitstream = new Bitstream(in);
    }

    public static Mp3FileSource open(Path file) {
        try {
            return new Mp3FileSource(new BufferedInputStream(Files.newInputStream(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public PcmFrame pull() {
        while (!ended) {
            try {
                Header header = bitstream.readFrame();
                if (header == null) {
                    ended = true;
                    break;
                }
                PcmFrame frame = decode(header);
                if (frame != null) {
                    return frame;
                }
            } catch (BitstreamException e) {
                ended = true; // the stream itself is broken: nothing more can be found in it
            }
        }
        return null;
    }

    private PcmFrame decode(Header header) throws BitstreamException {
        try {
            SampleBuffer output = (SampleBuffer) decoder.decodeFrame(header, bitstream);
            int channels = output.getChannelCount();
            int rate = output.getSampleFrequency();
            if (sampleRate != 0 && rate != sampleRate) {
                return null; // a frame claiming another rate is noise in the stream, not a rate change
            }
            sampleRate = rate;
            short[] interleaved = output.getBuffer();
            int frames = output.getBufferLength() / channels;
            short[] mono = new short[frames];
            for (int i = 0; i < frames; i++) {
                int sum = 0;
                for (int c = 0; c < channels; c++) {
                    sum += interleaved[i * channels + c];
                }
                mono[i] = (short) (sum / channels);
            }
            PcmFrame frame = new PcmFrame(mono, rate, timestamp);
            timestamp += frames;
            return frame;
        } catch (DecoderException | RuntimeException e) {
            return null; // skip one corrupt frame
        } finally {
            bitstream.closeFrame();
        }
    }

    @Override
    public void close() {
        try {
            bitstream.close();
            in.close();
        } catch (BitstreamException | IOException e) {
            throw new IllegalStateException("cannot close MP3 stream", e);
        }
    }
}
