package vn.loa.core.media;

import java.time.Duration;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;

/**
 * A source for a person speaking now (hotline caller, web microphone): a producer thread offers PCM as it arrives and
 * the zone's pacer pulls exactly one packet time per tick.
 *
 * <p>Thread-safe between one producer and one consumer. The stream never waits: when the speaker's audio is late the
 * frame is filled with silence (an underrun), and when it piles up beyond the latency bound the oldest audio is
 * dropped (an overrun), because live speech must stay live. It ends after {@link #end()} once drained.
 */
public final class LivePcmSource implements MediaSource<PcmFrame> {

    private final int sampleRate;
    private final int frameLength;
    private final short[] ring;
    private int head;
    private int size;
    private long timestamp;
    private boolean ended;
    private long underruns;
    private long droppedSamples;

    /**
     * @param maxLatency how much audio may wait before the oldest is dropped; 200 ms absorbs a phone network's jitter
     */
    public LivePcmSource(int sampleRate, Duration maxLatency) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
        this.sampleRate = sampleRate;
        this.frameLength = sampleRate / 50;
        this.ring = new short[(int) Math.max(frameLength, maxLatency.toNanos() * sampleRate / 1_000_000_000L)];
    }

    /** Adds audio from the speaker; past the latency bound the oldest waiting audio gives way. */
    public synchronized void offer(short[] samples) {
        if (ended) {
            throw new IllegalStateException("live source already ended");
        }
        for (short sample : samples) {
            if (size == ring.length) {
                head = (head + 1) % ring.length;
                size--;
                droppedSamples++;
            }
            ring[(head + size) % ring.length] = sample;
            size++;
        }
    }

    /** The speaker is done (hung up, released the button); what waits is still played. */
    public synchronized void end() {
        ended = true;
    }

    @Override
    public synchronized PcmFrame pull() {
        if (ended && size == 0) {
            return null;
        }
        short[] frame = new short[frameLength];
        int take = Math.min(size, frameLength);
        for (int i = 0; i < take; i++) {
            frame[i] = ring[(head + i) % ring.length];
        }
        head = (head + take) % ring.length;
        size -= take;
        if (take < frameLength && !ended) {
            underruns++;
        }
        PcmFrame out = new PcmFrame(frame, sampleRate, timestamp);
        timestamp += frameLength;
        return out;
    }

    /** Frames that went out partly or wholly silent because the speaker's audio was late. */
    public synchronized long underruns() {
        return underruns;
    }

    /** Samples dropped because more than the latency bound was waiting. */
    public synchronized long droppedSamples() {
        return droppedSamples;
    }
}
