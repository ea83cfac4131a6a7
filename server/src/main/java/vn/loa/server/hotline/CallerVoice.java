package vn.loa.server.hotline;

import java.util.ArrayDeque;
import java.util.function.LongConsumer;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;

/**
 * The hotline caller's voice as a live source for one zone pipeline: the phone's 8 kHz audio goes in as it arrives,
 * the zone's pacer pulls 20 ms at a time. Live speech must stay live, so the backlog is kept short: while the chime
 * plays, the caller's first words pile up, and on the first pull after it anything over {@value #HIGH_MS} ms waiting
 * is cut to {@value #TARGET_MS} ms. A late packet is heard as silence. Each pull reports how long the oldest sample
 * it takes has waited (the server's part of the relay latency). Thread-safe between one producer and one consumer.
 */
final class CallerVoice implements MediaSource<PcmFrame> {

    static final int RATE = 8000;
    static final int HIGH_MS = 100;
    static final int TARGET_MS = 40;
    private static final int FRAME = RATE / 50;

    private final short[] ring = new short[RATE];
    private final ArrayDeque<long[]> arrivals = new ArrayDeque<>();
    private final LongConsumer waited;
    private int head;
    private int size;
    private long written;
    private long read;
    private long timestamp;
    private boolean ended;

    /** @param waited told, per pull, the nanoseconds its first sample waited */
    CallerVoice(LongConsumer waited) {
        this.waited = waited;
    }

    synchronized void offer(short[] samples) {
        if (ended) {
            return;
        }
        for (short s : samples) {
            if (size == ring.length) {
                head = (head + 1) % ring.length;
                size--;
                read++;
            }
            ring[(head + size) % ring.length] = s;
            size++;
        }
        written += samples.length;
        arrivals.add(new long[] {written, System.nanoTime()});
    }

    synchronized void end() {
        ended = true;
    }

    @Override
    public synchronized PcmFrame pull() {
        if (ended && size == 0) {
            return null;
        }
        if (size > RATE * HIGH_MS / 1000) {
            int drop = size - RATE * TARGET_MS / 1000;
            head = (head + drop) % ring.length;
            size -= drop;
            read += drop;
        }
        short[] frame = new short[FRAME];
        int take = Math.min(size, FRAME);
        if (take > 0) {
            while (!arrivals.isEmpty() && arrivals.peek()[0] <= read) {
                arrivals.poll();
            }
            if (!arrivals.isEmpty()) {
                waited.accept(System.nanoTime() - arrivals.peek()[1]);
            }
        }
        for (int i = 0; i < take; i++) {
            frame[i] = ring[(head + i) % ring.length];
        }
        head = (head + take) % ring.length;
        size -= take;
        read += take;
        PcmFrame out = new PcmFrame(frame, RATE, timestamp);
        timestamp += FRAME;
        return out;
    }

    @Override
    public void close() {
        end();
    }
}
