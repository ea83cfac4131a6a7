package vn.loa.wire.codec;

/**
 * The G.711 A-law companding law (ITU-T G.711, European variant used in Vietnam's telephone network, RTP payload
 * type 8 "PCMA").
 *
 * <p>Stateless and thread-safe. Works on 16-bit linear samples; the law itself is defined on 13 bits, so the three
 * low bits are dropped on the way in.
 */
public final class ALaw {

    /** Every even bit is inverted on the line (G.711 §A.2), which is the 0x55 pattern. */
    private static final int EVEN_BITS = 0x55;

    private static final short[] DECODED = new short[256];

    static {
        for (int code = 0; code < 256; code++) {
            DECODED[code] = expand((byte) code);
        }
    }

    private ALaw() {
    }

    /** Compresses one linear sample to its A-law code. */
    public static byte encode(short sample) {
        int value = sample >> 3; // 13-bit
        int sign;
        if (value >= 0) {
            sign = 0x80;
        } else {
            sign = 0x00;
            value = -value - 1; // ones' complement keeps -1 and 0 symmetric around zero
        }
        int code;
        if (value >= 0x1000) {
            code = 0x7F; // clip to the top of segment 7
        } else if (value < 0x20) {
            code = value >> 1; // segments 0 and 1 share one step size and need no shift beyond it
        } else {
            // value in [2^(s+4), 2^(s+5)) for segment s in 1..7
            int segment = (31 - Integer.numberOfLeadingZeros(value)) - 4;
            code = (segment << 4) | ((value >> segment) & 0x0F);
        }
        return (byte) ((sign | code) ^ EVEN_BITS);
    }

    /** Expands one A-law code back to the linear sample at the middle of its interval. */
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
        int bits = (code ^ EVEN_BITS) & 0xFF;
        int segment = (bits >> 4) & 0x07;
        int mantissa = bits & 0x0F;
        // In 13-bit units the interval of segment s >= 1 starts at 2^(s+4) and has steps of 2^s; add half a step.
        int magnitude13 = segment == 0
                ? (mantissa << 1) + 1
                : ((0x10 | mantissa) << segment) + (1 << (segment - 1));
        int magnitude = magnitude13 << 3;
        return (short) ((bits & 0x80) != 0 ? magnitude : -magnitude);
    }
}
