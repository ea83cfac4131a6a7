package vn.loa.core.media;

import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;


/**
 * Live PCM from a network stream (a relay): a producer offers audio as it arrives and the zone's pacer pulls one frame
 * per tick. Unlike {@link LivePcmSource}, which keeps a person's voice as live as possible, this source first gathers a
 * cushion ({@code prime} samples) and plays from it, and after running dry gathers it again: a stream that arrives in
 * bursts then plays whole frames rather than frames with holes in them.
 *
 * <p>Thread-safe between one producer and one consumer; never blocks. Beyond {@code capacity} the oldest audio gives
 * way. It ends at {@link #end()}, at once: a relay stops at the end of its window.
 */
final class PrimedPcmSource implements MediaSource<PcmFrame>, RelayOutlet {

    private final int sampleRate;
    private final int frameLength;
    private final int prime;
    private final short[] ring;
    private int head;
    private int size;
    private long timestamp;
    private boolean priming = true;
    private boolean ended;

    PrimedPcmSource(int sampleRate, int primeSamples, int capacitySamples) {
        this.sampleRate = sampleRate;
        this.frameLength = sampleRate / 50;
        this.prime = primeSamples;
        this.ring = new short[Math.max(capacitySamples, primeSamples + frameLength)];
    }

    @Override
    public synchronized void offer(short[] samples) {
        for (short sample : samples) {
            if (size == ring.length) {
                head = (head + 1) % ring.length;
                size--;
            }
            ring[(head + size) % ring.length] = sample;
            size++;
        }
    }

    /** The window is over: the relay stops now, and what still waits in the cushion is dropped with it. */
    @Override
    public synchronized void end() {
        ended = true;
        size = 0;
    }

    @Override
    public synchronized PcmFrame pull() {
        if (ended && size == 0) {
            return null;
        }
        if (priming && size >= prime || ended) {
            priming = false;
        }
        short[] frame = new short[frameLength];
        if (!priming) {
            if (size < frameLength && !ended) {
                priming = true; // ran dry: gather the cushion again, silence meanwhile
            } else {
                int take = Math.min(size, frameLength);
                for (int i = 0; i < take; i++) {
                    frame[i] = ring[(head + i) % ring.length];
                }
                head = (head + take) % ring.length;
                size -= take;
            }
        }
        PcmFrame out = new PcmFrame(frame, sampleRate, timestamp);
        timestamp += frameLength;
        return out;
    }
}
