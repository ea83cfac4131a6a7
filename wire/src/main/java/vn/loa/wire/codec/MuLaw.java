package vn.loa.wire.codec;

/**
 * The G.711 µ-law companding law (ITU-T G.711, North American and Japanese variant, RTP payload type 0 "PCMU").
 *
 * <p>Stateless and thread-safe. Works on 16-bit linear samples: the 14-bit law of the standard shifted left by two,
 * which is how every software implementation and RTP receiver treats it.
 */
public final class MuLaw {

    /** Added before finding the segment so that the segments are powers of two (0x84 = 33 in 14-bit units). */
    private static final int BIAS = 0x84;
    /** Largest magnitude that still fits the top segment once the bias is added. */
    private static final int CLIP = 32_635;

    private static final short[] DECODED = new short[256];

    static {
        for (int code = 0; code < 256; code++) {
            DECODED[code] = expand((byte) code);
        }
    }

    private MuLaw() {
    }

    /** Compresses one linear sample to its µ-law code. */
    public static byte encode(short sample) {
        int value = sample;
        int sign = 0;
        if (value < 0) {
            sign = 0x80;
            value = -value;
        }
        value = Math.min(value, CLIP) + BIAS;
        // The biased value lies in [2^7, 2^15): its top bit picks one of the eight segments.
        int segment = (31 - Integer.numberOfLeadingZeros(value)) - 7;
        int mantissa = (value >> (segment + 3)) & 0x0F;
        // Codes are sent inverted so that silence is 0xFF, which kept old lines from losing clock sync.
        return (byte) ~(sign | (segment << 4) | mantissa);
    }

    /** Expands one µ-law code back to the linear sample at the middle of its interval. */
    public static short decode(byte code) {
        return DECODED[code & 0xFF];
    }

    /** Compresses {@code samples} into a new array of codes, one byte per sample. */
    public static byte[] encode(short[] samples) {
        byte[] codes = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            codes[i] = encode(samples[i]);
        }
        return codes;
    }

    /** Expands {@code codes} into a new array of linear samples. */
    public static short[] decode(byte[] codes) {
        short[] samples = new short[codes.length];
        for (int i = 0; i < codes.length; i++) {
            samples[i] = DECODED[codes[i] & 0xFF];
        }
        return samples;
    }

    private static short expand(byte code) {
        int bits = ~code & 0xFF;
        int segment = (bits >> 4) & 0x07;
        int mantissa = bits & 0x0F;
        // Half a step (the 4 in BIAS = 128 + 4) is built in, so this lands mid-interval.
        int magnitude = (((mantissa << 3) + BIAS) << segment) - BIAS;
        return (short) ((bits & 0x80) != 0 ? -magnitude : magnitude);
    }
}
