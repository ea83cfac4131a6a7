package vn.loa.wire.codec;

/**
 * The G.722 encoder for 16 kHz PCM at 64 kbit/s (ITU-T G.722 mode 1), written from the recommendation: a quadrature
 * mirror filter splits each pair of input samples into one lower-band (0-4 kHz) and one higher-band (4-8 kHz) sample,
 * coded by 6-bit and 2-bit ADPCM into one byte, so 20 ms of audio (320 samples) makes a 160-byte payload.
 *
 * <p>Not thread-safe and stateful (the filter history, both predictors and both step sizes carry across frames, as the
 * decoder's do): one per stream. Frames must hold an even number of samples (20 ms always does).
 *
 * <p>RTP clocks G.722 at 8000 Hz although it samples at 16 kHz (RFC 3551 §4.5.2): an error in RFC 1890 that receivers
 * now rely on, so {@link #clockRate()} says 8000 and a 20 ms packet advances the timestamp by 160.
 */
public final class G722Encoder implements AudioEncoder {

    public static final int SAMPLE_RATE = 16_000;

    /** Transmit QMF coefficients h0..h23, scaled by 2^13; the filter is symmetric. */
    private static final int[] QMF = {
        3, -11, -11, 53, 12, -156, 32, 362, -210, -805, 951, 3876,
        3876, 951, -805, -210, 362, 32, -156, 12, 53, -11, -11, 3,
    };

    /** QUANTL: lower-band decision levels Q6(1..29), scaled so that (Q6 * DETL) >> 12 is the level. */
    private static final int[] Q6 = {
        0, 35, 72, 110, 150, 190, 233, 276, 323, 370, 422, 473, 530, 587, 650, 714,
        786, 858, 940, 1023, 1121, 1219, 1339, 1458, 1612, 1765, 1980, 2195, 2557, 2919, 0, 0,
    };
    /** QUANTL: the 6-bit code of interval MIL for a negative difference (ILN). */
    private static final int[] ILN = {
        0, 63, 62, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19,
        18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 0,
    };
    /** QUANTL: the 6-bit code of interval MIL for a positive difference (ILP). */
    private static final int[] ILP = {
        0, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47,
        46, 45, 44, 43, 42, 41, 40, 39, 38, 37, 36, 35, 34, 33, 32, 0,
    };
    /** INVQAL: the 4-bit inverse quantiser (QM4), the only part of the lower code the predictor may see. */
    private static final int[] QM4 = {
        0, -20456, -12896, -8968, -6288, -4240, -2584, -1200,
        20456, 12896, 8968, 6288, 4240, 2584, 1200, 0,
    };
    /** LOGSCL: maps a 4-bit code to its magnitude class (RIL to IL4). */
    private static final int[] RL42 = {0, 7, 6, 5, 4, 3, 2, 1, 7, 6, 5, 4, 3, 2, 1, 0};
    /** LOGSCL: log step-size multipliers by magnitude class (WL). */
    private static final int[] WL = {-60, -30, 58, 172, 334, 538, 1198, 3042};

    /** QUANTH: the one higher-band decision level, as Q2 scaled like Q6. */
    private static final int Q2 = 564;
    /** QUANTH: 2-bit code for a negative (IHN) and positive (IHP) difference, by interval MIH. */
    private static final int[] IHN = {0, 1, 0};
    private static final int[] IHP = {0, 3, 2};
    /** INVQAH: the 2-bit inverse quantiser (QM2). */
    private static final int[] QM2 = {-7408, -1616, 7408, 1616};
    /** LOGSCH: magnitude class of a 2-bit code (RH2) and its log step-size multiplier (WH). */
    private static final int[] RH2 = {2, 1, 2, 1};
    private static final int[] WH = {0, -214, 798};

    /** SCALEL and SCALEH: the antilog table ILB, 2048 * 2^(i/32), for the fraction of the log step size. */
    private static final int[] ILB = {
        2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383, 2435, 2489, 2543, 2599, 2656, 2714, 2774, 2834,
        2896, 2960, 3025, 3091, 3158, 3228, 3298, 3371, 3444, 3520, 3597, 3676, 3756, 3838, 3922, 4008,
    };
    /** Upper limits of the log step sizes NBL and NBH; the lower limit of both is 0. */
    private static final int MAX_LOG_LOWER = 18432;
    private static final int MAX_LOG_HIGHER = 22528;

    private final int[] history = new int[QMF.length]; // newest input sample at index 0
    private final G722Predictor lower = new G722Predictor();
    private final G722Predictor higher = new G722Predictor();
    private int logStepLower;  // NBL
    private int stepLower = stepSize(0, 8);   // DETL, 32 at reset
    private int logStepHigher; // NBH
    private int stepHigher = stepSize(0, 10); // DETH, 8 at reset

    @Override
    public int sampleRate() {
        return SAMPLE_RATE;
    }

    @Override
    public int clockRate() {
        return 8000; // RFC 3551 §4.5.2
    }

    @Override
    public String encodingName() {
        return "G722";
    }

    @Override
    public byte[] encode(short[] frame) {
        if (frame.length % 2 != 0) {
            throw new IllegalArgumentException("G.722 codes samples in pairs; odd frame of " + frame.length);
        }
        byte[] payload = new byte[frame.length / 2];
        for (int n = 0; n < payload.length; n++) {
            push(frame[2 * n]);
            push(frame[2 * n + 1]);
            // QMF analysis: even taps on the newest sample and every other one before it, odd taps on the rest.
            long even = 0;
            long odd = 0;
            for (int i = 0; i < QMF.length; i += 2) {
                even += (long) QMF[i] * history[i];
                odd += (long) QMF[i + 1] * history[i + 1];
            }
            // 16-bit input and coefficients in units of 2^-13: the shift leaves 15-bit sub-band samples.
            int lowerSample = G722Predictor.saturate((int) ((even + odd) >> 14));
            int higherSample = G722Predictor.saturate((int) ((even - odd) >> 14));
            payload[n] = (byte) (encodeHigher(higherSample) << 6 | encodeLower(lowerSample));
        }
        return payload;
    }

    private void push(short sample) {
        System.arraycopy(history, 0, history, 1, history.length - 1);
        history[0] = sample;
    }

    /** One lower-band sample to its 6-bit code (SUBTRA, QUANTL, INVQAL, LOGSCL, SCALEL, then the predictor). */
    private int encodeLower(int sample) {
        int difference = G722Predictor.saturate(sample - lower.estimate());
        int magnitude = magnitude(difference);
        int interval = 1;
        while (interval < 30 && magnitude >= (Q6[interval] * stepLower) >> 12) {
            interval++;
        }
        int code = difference < 0 ? ILN[interval] : ILP[interval];

        // The predictor and step size follow only the top four bits, so a decoder given fewer bits stays in step.
        int coarse = code >> 2;
        int quantised = (QM4[coarse] * stepLower) >> 15;
        logStepLower = adaptLog(logStepLower, WL[RL42[coarse]], MAX_LOG_LOWER);
        stepLower = stepSize(logStepLower, 8);
        lower.update(quantised);
        return code;
    }

    /** One higher-band sample to its 2-bit code (SUBTRA, QUANTH, INVQAH, LOGSCH, SCALEH, then the predictor). */
    private int encodeHigher(int sample) {
        int difference = G722Predictor.saturate(sample - higher.estimate());
        int interval = magnitude(difference) >= (Q2 * stepHigher) >> 12 ? 2 : 1;
        int code = difference < 0 ? IHN[interval] : IHP[interval];

        int quantised = (QM2[code] * stepHigher) >> 15;
        logStepHigher = adaptLog(logStepHigher, WH[RH2[code]], MAX_LOG_HIGHER);
        stepHigher = stepSize(logStepHigher, 10);
        higher.update(quantised);
        return code;
    }

    /** The recommendation's magnitude of a difference: one's complement, so -1 counts as 0. */
    private static int magnitude(int difference) {
        return difference >= 0 ? difference : -(difference + 1);
    }

    /** LOGSCL and LOGSCH: the log step size leaks by 127/128 and moves by the multiplier of the code just sent. */
    private static int adaptLog(int log, int multiplier, int max) {
        return Math.max(0, Math.min(max, ((log * 32512) >> 15) + multiplier));
    }

    /** SCALEL and SCALEH: the linear step size of a log step size; {@code offset} is 8 (lower) or 10 (higher). */
    private static int stepSize(int log, int offset) {
        int mantissa = ILB[(log >> 6) & 31];
        int shift = offset - (log >> 11);
        int scaled = shift >= 0 ? mantissa >> shift : mantissa << -shift;
        return scaled << 2;
    }
}
