package vn.loa.wire.codec;

/**
 * The G.711 encoder for 8 kHz PCM: one byte per sample, µ-law (PCMU) or A-law (PCMA).
 *
 * <p>Stateless and thread-safe.
 */
public final class G711Encoder implements AudioEncoder {

    private final boolean muLaw;

    private G711Encoder(boolean muLaw) {
        this.muLaw = muLaw;
    }

    /** µ-law, RTP payload type 0, what most IP speakers expect by default. */
    public static G711Encoder muLaw() {
        return new G711Encoder(true);
    }

    /** A-law, RTP payload type 8. */
    public static G711Encoder aLaw() {
        return new G711Encoder(false);
    }

    @Override
    public int sampleRate() {
        return 8000;
    }

    @Override
    public int clockRate() {
        return 8000;
    }

    @Override
    public String encodingName() {
        return muLaw ? "PCMU" : "PCMA";
    }

    @Override
    public byte[] encode(short[] frame) {
        return muLaw ? MuLaw.encode(frame) : ALaw.encode(frame);
    }
}
