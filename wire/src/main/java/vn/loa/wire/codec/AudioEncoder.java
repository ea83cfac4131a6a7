package vn.loa.wire.codec;

/**
 * An audio codec's encoder: one frame of mono 16-bit PCM in, the bytes of one RTP payload out.
 *
 * <p>Implementations may keep state between frames (Opus does) and are then not thread-safe: one per stream.
 */
public interface AudioEncoder {

    /** The PCM sample rate this encoder takes. */
    int sampleRate();

    /** The RTP clock rate of its payload format, which may differ from the sample rate (G.722, Opus at 16 kHz). */
    int clockRate();

    /** The encoding name as SDP writes it in {@code a=rtpmap}. */
    String encodingName();

    /** Encodes one frame; the frame length must be one the codec accepts (20 ms always is). */
    byte[] encode(short[] frame);
}
