package vn.loa.core.media;

import java.time.Duration;
import java.util.concurrent.Executor;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.wire.pcm.Resampler;

/**
 * A source whose PCM is made on another thread (a decoder reading a file, a speech engine reading sentence after
 * sentence) into a bounded buffer, so the pacer pulls without ever waiting and a programme of any length costs a few
 * seconds of memory.
 *
 * <p>Thread-safe between the producer's thread and the one consumer. The producer blocks while the buffer is full,
 * which is how a preempted or slow-to-play programme holds its decoder; {@link #close()} stops it. When the producer
 * is behind, a pull answers a silent frame (an underrun, counted) rather than wait: one slow decode must never hold
 * the pacing thread that every zone shares. Audio at another rate than the source's is resampled by the producer.
 * A source for a file rather than the air ({@link #startWaiting}) waits instead, so nothing of the sound is lost.
 */
public final class BufferedPcmSource implements MediaSource<PcmFrame> {

    /** Makes the audio, blocking as long as it likes, handing it to the sink piece by piece. */
    @FunctionalInterface
    public interface Producer {
        void produce(Sink sink) throws Exception;
    }

    /** Takes the producer's audio; blocks while the buffer is full and throws {@link Closed} once nobody listens. */
    @FunctionalInterface
    public interface Sink {
        void accept(PcmFrame frame);

        /**
         * Audio made and not yet taken by the listener, in samples at the source's rate: what was made less this is
         * what was heard (a programme made ahead knows where its listener is; a preempted one, where it was cut).
         */
        default long queued() {
            return 0;
        }
    }

    /** Thrown to the producer when the source was closed, so it stops making audio nobody will hear. */
    public static final class Closed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private Closed() {
            super("the programme's source was closed", null, false, false);
        }
    }

    private static final System.Logger LOG = System.getLogger(BufferedPcmSource.class.getName());

    private final int sampleRate;
    private final int frameLength;
    private final boolean waits;
    private final short[] ring;
    private int head;
    private int size;
    private boolean produced;
    private boolean heard;
    private boolean closed;
    private Throwable failure;
    private long timestamp;
    private long underruns;
    private Resampler resampler;

    private BufferedPcmSource(int sampleRate, Duration capacity, boolean waits) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
        this.sampleRate = sampleRate;
        this.frameLength = Math.max(1, sampleRate / 50);
        this.waits = waits;
        this.ring = new short[(int) Math.max(2L * frameLength, capacity.toMillis() * sampleRate / 1000)];
    }

    /**
     * Starts {@code producer} on {@code executor} and answers at once.
     *
     * @param capacity how much audio may wait in the buffer: a few seconds ride out a busy CPU
     */
    public static BufferedPcmSource start(Executor executor, int sampleRate, Duration capacity, Producer producer) {
        return start(new BufferedPcmSource(sampleRate, capacity, false), executor, producer);
    }

    /** Like {@link #start}, but a pull waits for the producer: for rendering a file, never for the air. */
    public static BufferedPcmSource startWaiting(Executor executor, int sampleRate, Duration capacity,
            Producer producer) {
        return start(new BufferedPcmSource(sampleRate, capacity, true), executor, producer);
    }

    private static BufferedPcmSource start(BufferedPcmSource source, Executor executor, Producer producer) {
        executor.execute(() -> source.run(producer));
        return source;
    }

    private void run(Producer producer) {
        Throwable failed = null;
        try {
            producer.produce(new Sink() {
                @Override
                public void accept(PcmFrame frame) {
                    offer(frame);
                }

                @Override
                public long queued() {
                    synchronized (BufferedPcmSource.this) {
                        return size;
                    }
                }
            });
            if (resampler != null) {
                offer(resampler.flush());
            }
        } catch (Closed e) {
            // nobody listens any more: stopping is the point
        } catch (Exception | Error e) {
            failed = e;
            LOG.log(System.Logger.Level.WARNING, "a programme's audio stopped early: " + e, e);
        }
        synchronized (this) {
            produced = true;
            failure = failed;
            notifyAll();
        }
    }

    private void offer(PcmFrame frame) {
        short[] samples = frame.samples();
        if (frame.sampleRate() != sampleRate) {
            if (resampler == null) {
                resampler = new Resampler(frame.sampleRate(), sampleRate);
            }
            samples = resampler.process(frame).samples();
        }
        int at = 0;
        synchronized (this) {
            while (at < samples.length) {
                while (!closed && size == ring.length) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new Closed();
                    }
                }
                if (closed) {
                    throw new Closed();
                }
                int take = Math.min(samples.length - at, ring.length - size);
                for (int i = 0; i < take; i++) {
                    ring[(head + size + i) % ring.length] = samples[at + i];
                }
                size += take;
                at += take;
                heard = true;
                notifyAll();
            }
        }
    }

    /** Waits until the first audio is in (or the producer ended) for at most {@code limit}; true if it is. */
    public synchronized boolean awaitFirstAudio(Duration limit) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (!heard && !produced && !closed) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    @Override
    public synchronized PcmFrame pull() {
        while (waits && !closed && !produced && size < frameLength) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
            }
        }
        if (closed || produced && size == 0) {
            return null;
        }
        short[] frame = new short[frameLength];
        if (size >= frameLength || produced) {
            int take = Math.min(size, frameLength);
            for (int i = 0; i < take; i++) {
                frame[i] = ring[(head + i) % ring.length];
            }
            head = (head + take) % ring.length;
            size -= take;
            notifyAll();
            if (take < frameLength) {
                frame = java.util.Arrays.copyOf(frame, take); // the last, short frame: no padding after the end
            }
        } else {
            underruns++; // the producer is behind: silence now rather than a stalled pacer
        }
        PcmFrame out = new PcmFrame(frame, sampleRate, timestamp);
        timestamp += frame.length;
        return out;
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** Frames that went out silent because the producer was behind. */
    public synchronized long underruns() {
        return underruns;
    }

    /** Why the producer stopped early, or null. */
    public synchronized Throwable failure() {
        return failure;
    }

    /** Stops the producer at its next hand-over and ends the stream. */
    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
