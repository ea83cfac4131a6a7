package vn.loa.core.media;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;

/**
 * Live PCM for a reader that runs ahead of the air (a programme session's maker): a pull waits for the next 20 ms
 * frame, and when none comes within {@link #PATIENCE_MS} gives that long of silence, so a dead upstream costs the
 * reader the time it stands for and the air hears silence instead of a stall.
 *
 * <p>Thread-safe between one producer and one consumer. Beyond a few seconds unread the oldest audio gives way.
 */
final class SteadyPcmSource implements MediaSource<PcmFrame>, RelayOutlet {

    static final int PATIENCE_MS = 100;

    private final int sampleRate;
    private final int frameLength;
    private final short[] ring;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private int head;
    private int size;
    private long timestamp;
    private boolean ended;

    SteadyPcmSource(int sampleRate) {
        this.sampleRate = sampleRate;
        this.frameLength = sampleRate / 50;
        this.ring = new short[sampleRate * 5];
    }

    @Override
    public void offer(short[] samples) {
        lock.lock();
        try {
            for (short sample : samples) {
                if (size == ring.length) {
                    head = (head + 1) % ring.length;
                    size--;
                }
                ring[(head + size) % ring.length] = sample;
                size++;
            }
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void end() {
        lock.lock();
        try {
            ended = true;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public PcmFrame pull() {
        lock.lock();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MS);
            while (size < frameLength && !ended) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return stamped(new short[sampleRate * PATIENCE_MS / 1000]);
                }
                arrived.awaitNanos(left);
            }
            if (size == 0) {
                return null;
            }
            short[] frame = new short[Math.min(size, frameLength)];
            for (int i = 0; i < frame.length; i++) {
                frame[i] = ring[(head + i) % ring.length];
            }
            head = (head + frame.length) % ring.length;
            size -= frame.length;
            return stamped(frame);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lock.unlock();
        }
    }

    private PcmFrame stamped(short[] samples) {
        PcmFrame out = new PcmFrame(samples, sampleRate, timestamp);
        timestamp += samples.length;
        return out;
    }
}
