package vn.loa.wire.codec;

import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;
import java.util.Arrays;

/**
 * The Opus decoder to 48 kHz mono PCM, for the node agent and for tests that listen to what Loa sent.
 *
 * <p>Not thread-safe and stateful: one per received stream.
 */
public final class OpusAudioDecoder {

    /** 120 ms, the longest an Opus packet can hold. */
    private static final int MAX_FRAME = 5760;

    private final OpusDecoder decoder;
    private final short[] pcm = new short[MAX_FRAME];

    public OpusAudioDecoder() {
        try {
            this.decoder = new OpusDecoder(OpusAudioEncoder.SAMPLE_RATE, 1);
        } catch (OpusException e) {
            throw new IllegalStateException("cannot create Opus decoder", e);
        }
    }

    /** Decodes one packet's payload. */
    public short[] decode(byte[] payload) {
        return run(payload, payload.length);
    }

    /** Conceals one lost packet of {@code samples} samples by the decoder's packet-loss concealment. */
    public short[] conceal(int samples) {
        return run(null, 0, samples);
    }

    /**
     * Rebuilds a lost packet of {@code samples} samples from the in-band FEC of the packet after it ({@code next});
     * decode {@code next} itself afterwards. When {@code next} carries no FEC, this is the same as {@link #conceal}.
     */
    public short[] recover(byte[] next, int samples) {
        return run(next, next.length, samples, true);
    }

    private short[] run(byte[] payload, int length) {
        return run(payload, length, MAX_FRAME);
    }

    private short[] run(byte[] payload, int length, int frameSize) {
        return run(payload, length, frameSize, false);
    }

    private short[] run(byte[] payload, int length, int frameSize, boolean fec) {
        try {
            int samples = decoder.decode(payload, 0, length, pcm, 0, frameSize, fec);
            return Arrays.copyOf(pcm, samples);
        } catch (OpusException e) {
            throw new IllegalArgumentException("not a valid Opus packet", e);
        }
    }
}
