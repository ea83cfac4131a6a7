package vn.loa.node.media;

/**
 * Turns one RTP payload into 16-bit mono PCM at its format's sample rate, and makes up audio for a packet that
 * never came.
 *
 * <p>Not thread-safe and possibly stateful (Opus): one per received stream.
 */
public interface PayloadDecoder {

    /** The PCM in one packet's payload; throws {@link IllegalArgumentException} for a payload it cannot read. */
    short[] decode(byte[] payload);

    /** Audio to play in place of a lost packet of {@code samples} samples. */
    short[] conceal(int samples);

    /** Whether {@link #recover} rebuilds a lost packet from the next one (Opus in-band FEC) rather than concealing. */
    default boolean recovers() {
        return false;
    }

    /** Audio for a lost packet of {@code samples} samples rebuilt from the payload of the packet after it. */
    default short[] recover(byte[] next, int samples) {
        return conceal(samples);
    }
}
