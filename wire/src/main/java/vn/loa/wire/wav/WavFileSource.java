package vn.loa.wire.wav;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;

/**
 * A source that decodes a WAV (or AIFF, AU) file to mono 16-bit PCM at the file's own sample rate.
 *
 * <p>Not thread-safe. Any PCM the JDK can read is accepted (8, 16, 24, 32 bit; signed or not; either byte order);
 * more than one channel is mixed down to mono by averaging, since a loudspeaker column plays one channel.
 */
public final class WavFileSource implements MediaSource<PcmFrame> {

    private final AudioInputStream pcm;
    private final int channels;
    private final int sampleRate;
    private final byte[] buffer;
    private long timestamp;
    private boolean ended;

    private WavFileSource(AudioInputStream pcm) {
        this.pcm = pcm;
        this.channels = pcm.getFormat().getChannels();
        this.sampleRate = Math.round(pcm.getFormat().getSampleRate());
        // 20 ms of interleaved 16-bit samples per read.
        this.buffer = new byte[Math.max(1, sampleRate / 50) * channels * 2];
    }

    /** Opens {@code file}; fails at once if it is not audio the JDK can decode. */
    public static WavFileSource open(Path file) {
        try {
            return open(new BufferedInputStream(Files.newInputStream(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads audio from {@code in}, which must support mark/reset (a buffered stream does). */
    public static WavFileSource open(InputStream in) {
        try {
            AudioInputStream original = AudioSystem.getAudioInputStream(in);
            AudioFormat source = original.getFormat();
            AudioFormat target = new AudioFormat(source.getSampleRate(), 16, source.getChannels(), true, false);
            return new WavFileSource(AudioSystem.getAudioInputStream(target, original));
        } catch (UnsupportedAudioFileException e) {
            throw new IllegalArgumentException("not an audio file the JDK can decode: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no conversion to 16-bit PCM: " + e.getMessage(), e);
        }
    }

    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public PcmFrame pull() {
        if (ended) {
            return null;
        }
        int filled = readFully();
        int frames = filled / (2 * channels);
        if (frames == 0) {
            ended = true;
            return null;
        }
        short[] mono = new short[frames];
        for (int i = 0; i < frames; i++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                int at = 2 * (i * channels + c);
                sum += (short) ((buffer[at] & 0xFF) | (buffer[at + 1] << 8));
            }
            mono[i] = (short) (sum / channels);
        }
        PcmFrame frame = new PcmFrame(mono, sampleRate, timestamp);
        timestamp += frames;
        return frame;
    }

    private int readFully() {
        try {
            int filled = 0;
            while (filled < buffer.length) {
                int n = pcm.read(buffer, filled, buffer.length - filled);
                if (n < 0) {
                    break;
                }
                filled += n;
            }
            return filled;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            pcm.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
