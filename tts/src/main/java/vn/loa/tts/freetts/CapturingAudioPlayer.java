package vn.loa.tts.freetts;

import com.sun.speech.freetts.audio.AudioPlayer;
import java.io.ByteArrayOutputStream;
import javax.sound.sampled.AudioFormat;

/**
 * A FreeTTS audio player that keeps the samples instead of playing them, converted to little-endian 16-bit PCM.
 *
 * <p>Used by one synthesis at a time. Writing stops (returns false, which makes FreeTTS give up the utterance) once
 * the thread speaking has been interrupted, so a cancelled notice does not run to its end.
 */
final class CapturingAudioPlayer implements AudioPlayer {

    private final ByteArrayOutputStream pcm = new ByteArrayOutputStream();
    private AudioFormat format = new AudioFormat(16_000f, 16, 1, true, true);
    private float volume = 1f;

    /** The samples written since the last call, little-endian, and forgets them. */
    byte[] take() {
        byte[] bytes = pcm.toByteArray();
        pcm.reset();
        if (format.isBigEndian()) {
            for (int i = 0; i + 1 < bytes.length; i += 2) {
                byte high = bytes[i];
                bytes[i] = bytes[i + 1];
                bytes[i + 1] = high;
            }
        }
        return bytes;
    }

    int sampleRate() {
        return Math.round(format.getSampleRate());
    }

    @Override
    public boolean write(byte[] audio, int offset, int length) {
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        pcm.write(audio, offset, length);
        return true;
    }

    @Override
    public boolean write(byte[] audio) {
        return write(audio, 0, audio.length);
    }

    @Override
    public void setAudioFormat(AudioFormat audioFormat) {
        if (audioFormat.getSampleSizeInBits() != 16 || audioFormat.getChannels() != 1) {
            throw new IllegalArgumentException("FreeTTS offered " + audioFormat + "; Loa takes 16-bit mono");
        }
        this.format = audioFormat;
    }

    @Override
    public AudioFormat getAudioFormat() {
        return format;
    }

    @Override
    public float getVolume() {
        return volume;
    }

    @Override
    public void setVolume(float volume) {
        this.volume = volume;
    }

    // The rest of the player interface is about a sound card's timing, which a capture does not have.

    @Override
    public void pause() {
    }

    @Override
    public void resume() {
    }

    @Override
    public void reset() {
    }

    @Override
    public boolean drain() {
        return true;
    }

    @Override
    public void begin(int size) {
    }

    @Override
    public boolean end() {
        return true;
    }

    @Override
    public void cancel() {
    }

    @Override
    public void close() {
    }

    @Override
    public long getTime() {
        return 0;
    }

    @Override
    public void resetTime() {
    }

    @Override
    public void startFirstSampleTimer() {
    }

    @Override
    public void showMetrics() {
    }
}
