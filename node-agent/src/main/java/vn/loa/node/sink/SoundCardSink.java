package vn.loa.node.sink;

import java.util.Optional;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import vn.loa.wire.pcm.PcmFrame;

/**
 * An {@link AudioSink} that plays to the box's sound card through {@code javax.sound.sampled}, at the node's volume.
 *
 * <p>Used by the playout thread only; {@link #write} blocks while the line's buffer is full, which paces the thread
 * to the sound card. The line stays open between takes and is reopened only when the sample rate changes.
 */
public final class SoundCardSink implements AudioSink {

    /** About 200 ms of line buffer: enough to ride out a scheduling hiccup, short enough to keep latency low. */
    private static final int BUFFER_MILLIS = 200;

    private SourceDataLine line;
    private int lineRate;
    private volatile double gain;
    private long samples;

    private SoundCardSink(int volume) {
        volume(volume);
    }

    /** The sound card sink, or empty when this machine has no audio output that takes 16-bit mono PCM. */
    public static Optional<SoundCardSink> find(int volume) {
        try {
            if (AudioSystem.isLineSupported(new DataLine.Info(SourceDataLine.class, format(8000)))) {
                return Optional.of(new SoundCardSink(volume));
            }
        } catch (RuntimeException | LinkageError e) {
            // a headless JDK or missing ALSA library: treated as no sound card
        }
        return Optional.empty();
    }

    @Override
    public void open(String announcement, int sampleRate) {
        samples = 0;
        if (line != null && lineRate == sampleRate) {
            return;
        }
        closeLine();
        try {
            AudioFormat format = format(sampleRate);
            SourceDataLine opened = AudioSystem.getSourceDataLine(format);
            opened.open(format, sampleRate * 2 * BUFFER_MILLIS / 1000);
            opened.start();
            line = opened;
            lineRate = sampleRate;
        } catch (LineUnavailableException | IllegalArgumentException e) {
            throw new IllegalStateException("sound card unavailable at " + sampleRate + " Hz: " + e.getMessage(), e);
        }
    }

    @Override
    public void write(PcmFrame frame) {
        short[] pcm = frame.samples();
        byte[] bytes = new byte[pcm.length * 2];
        double g = gain;
        for (int i = 0; i < pcm.length; i++) {
            int s = (int) Math.round(pcm[i] * g);
            bytes[2 * i] = (byte) s;
            bytes[2 * i + 1] = (byte) (s >> 8);
        }
        line.write(bytes, 0, bytes.length);
        samples = frame.endTimestamp();
    }

    @Override
    public String finish() {
        return "phát ra loa / played on the sound card (" + samples * 1000 / Math.max(1, lineRate) + " ms)";
    }

    /** 100 is full scale; each step below takes 0.4 dB off, so 50 is -20 dB and 1 is about -40 dB; 0 is mute. */
    @Override
    public void announce(String announcement) {
        // nothing to rename
    }

    @Override
    public void volume(int level) {
        gain = level <= 0 ? 0 : Math.pow(10, (level - 100) * 0.4 / 20);
    }

    @Override
    public String description() {
        return "phát ra card âm thanh / playing on the sound card";
    }

    @Override
    public void close() {
        closeLine();
    }

    private void closeLine() {
        if (line != null) {
            line.drain();
            line.close();
            line = null;
        }
    }

    private static AudioFormat format(int sampleRate) {
        return new AudioFormat(sampleRate, 16, 1, true, false);
    }
}
