package vn.loa.tts.espeak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts one stream of espeak-ng PCM back into sentences at the long breaks Loa puts between them.
 *
 * <p>Pure and single-threaded: bytes in, sentence PCM out. Loa asks espeak-ng for a whole notice in one process,
 * with an SSML break of {@code breakMillis} after every sentence; espeak-ng renders a break as exact digital
 * silence, while its own pauses (commas, full stops) are under 0.7 s even at half speed. A run of zero samples at
 * least 60% of a break long therefore ends a sentence, and is reported as soon as it is that long, so a sentence can go on air
 * before the next is synthesised. A run as long as several breaks means sentences that made no sound; each gets an
 * empty PCM, so sentence numbers stay right.
 */
final class BreakSplitter {

    private final int breakSamples;
    private final int threshold;
    /** The current sentence's bytes; a plain array because this loop sees every sample of every notice. */
    private byte[] current = new byte[64 * 1024];
    private int size;
    private int zeroRun;
    private boolean emittedForRun;
    private int leftover = -1;

    BreakSplitter(int sampleRate, int breakMillis) {
        this.breakSamples = sampleRate * breakMillis / 1000;
        this.threshold = breakSamples * 6 / 10;
    }

    /** Takes the next bytes of little-endian 16-bit PCM and returns the sentences they completed. */
    List<byte[]> feed(byte[] buffer, int offset, int length) {
        List<byte[]> done = new ArrayList<>(0);
        int i = offset;
        int end = offset + length;
        if (leftover >= 0 && i < end) {
            sample(leftover | (buffer[i++] << 8), done);
            leftover = -1;
        }
        while (i + 1 < end) {
            if ((buffer[i] | buffer[i + 1]) == 0) {
                silent(done);
                i += 2;
                continue;
            }
            // a run of sound is copied at once: most of a notice's samples, and each used to cost a call
            int start = i;
            while (i + 1 < end && (buffer[i] | buffer[i + 1]) != 0) {
                i += 2;
            }
            endRun(done);
            ensure(i - start);
            System.arraycopy(buffer, start, current, size, i - start);
            size += i - start;
        }
        if (i < end) {
            leftover = buffer[i] & 0xFF;
        }
        return done;
    }

    /** Ends the stream: returns the last sentence if espeak-ng stopped without a final break. */
    List<byte[]> finish() {
        List<byte[]> done = new ArrayList<>(0);
        endRun(done);
        if (!emittedForRun && size > 0) {
            done.add(Arrays.copyOf(current, size));
        }
        size = 0;
        return done;
    }

    private void sample(int value, List<byte[]> done) {
        if ((short) value == 0) {
            silent(done);
            return;
        }
        endRun(done);
        ensure(2);
        current[size++] = (byte) value;
        current[size++] = (byte) (value >> 8);
    }

    /**
     * One more zero sample. Its bytes are only written when the run turns out to be a pause inside the sentence
     * ({@link #endRun}): the seconds of break between sentences are counted, never copied.
     */
    private void silent(List<byte[]> done) {
        zeroRun++;
        if (zeroRun == threshold) {
            done.add(Arrays.copyOf(current, size)); // the earliest moment we know this sentence is over
            emittedForRun = true;
        }
    }

    private void ensure(int bytes) {
        if (size + bytes > current.length) {
            current = Arrays.copyOf(current, Math.max(current.length * 2, size + bytes));
        }
    }

    /** A run of silence is over: sentences that made no sound get empty audio; a shorter pause is kept. */
    private void endRun(List<byte[]> done) {
        if (emittedForRun) {
            int breaks = Math.max(1, (int) (zeroRun / (breakSamples * 0.8)));
            for (int extra = 1; extra < breaks; extra++) {
                done.add(new byte[0]);
            }
            size = 0;
        } else if (zeroRun > 0) {
            ensure(zeroRun * 2);
            Arrays.fill(current, size, size + zeroRun * 2, (byte) 0);
            size += zeroRun * 2;
        }
        zeroRun = 0;
        emittedForRun = false;
    }
}
