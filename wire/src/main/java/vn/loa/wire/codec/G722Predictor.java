package vn.loa.wire.codec;

/**
 * The adaptive predictor of one G.722 sub-band: two poles on the reconstructed signal and six zeros on the quantised
 * difference, adapted by sign agreement (ITU-T G.722 blocks RECONS, PARREC, UPPOL1, UPPOL2, UPZERO, DELAYA,
 * FILTEP, FILTEZ and PREDIC, which are the same for the lower and the higher band).
 *
 * <p>Not thread-safe; each band of each encoder owns one. All arithmetic is the recommendation's 16-bit fixed point,
 * because the decoder runs the same predictor and only bit-for-bit agreement keeps the two in step.
 */
final class G722Predictor {

    private int pole1;          // AL1
    private int pole2;          // AL2
    private final int[] zeros = new int[7];       // BL1..BL6 (index 0 unused)
    private final int[] differences = new int[7]; // DLT1..DLT6, the quantised differences of past samples
    private int partial1;       // PLT1, PLT2: past partially reconstructed signals
    private int partial2;
    private int reconstructed1; // RLT1, RLT2: past reconstructed signals
    private int reconstructed2;
    private int poleEstimate;   // SPL
    private int zeroEstimate;   // SZL
    private int estimate;       // SL

    /** The predicted value of the next sub-band sample (SL), which the quantiser subtracts. */
    int estimate() {
        return estimate;
    }

    /** Takes the quantised difference of the current sample (DLT) and prepares the estimate of the next one. */
    void update(int difference) {
        int partial = saturate(difference + zeroEstimate);   // PARREC
        int reconstructed = saturate(estimate + difference); // RECONS

        int sign0 = sign(partial);
        int sign1 = sign(partial1);
        int sign2 = sign(partial2);

        // UPPOL2: pole 2 leaks towards zero and follows whether the signal keeps its sign over one and two samples.
        int wd1 = saturate(pole1 * 4);
        int wd2 = (sign0 == sign1 ? saturate(-wd1) : wd1) >> 7; // -(-32768) is 32767 in 16 bits
        int wd3 = sign0 == sign2 ? 128 : -128;
        int newPole2 = clamp(wd2 + wd3 + ((pole2 * 32512) >> 15), -12288, 12288);

        // UPPOL1: the limit keeps the two-pole section stable whatever pole 2 became.
        int newPole1 = (sign0 == sign1 ? 192 : -192) + ((pole1 * 32640) >> 15);
        int bound = 15360 - newPole2;
        newPole1 = clamp(newPole1, -bound, bound);

        // UPZERO: no step when the difference is zero, so silence lets the zeros leak away.
        int step = difference == 0 ? 0 : 128;
        int signD = sign(difference);
        for (int i = 1; i <= 6; i++) {
            int agree = signD == sign(differences[i]) ? step : -step;
            zeros[i] = agree + ((zeros[i] * 32640) >> 15);
        }

        // DELAYA
        for (int i = 6; i > 1; i--) {
            differences[i] = differences[i - 1];
        }
        differences[1] = difference;
        partial2 = partial1;
        partial1 = partial;
        reconstructed2 = reconstructed1;
        reconstructed1 = reconstructed;
        pole1 = newPole1;
        pole2 = newPole2;

        // FILTEP, FILTEZ, PREDIC: each product is truncated on its own, as the decoder does.
        poleEstimate = saturate(
                ((pole1 * saturate(reconstructed1 * 2)) >> 15)
                        + ((pole2 * saturate(reconstructed2 * 2)) >> 15));
        int sum = 0;
        for (int i = 1; i <= 6; i++) {
            sum += (zeros[i] * saturate(differences[i] * 2)) >> 15;
        }
        zeroEstimate = saturate(sum);
        estimate = saturate(poleEstimate + zeroEstimate);
    }

    /** Limits to the 16-bit range, as every addition in the recommendation is limited. */
    static int saturate(int value) {
        return Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value));
    }

    /** The recommendation's sign bit: zero counts as positive. */
    private static int sign(int value) {
        return value < 0 ? 1 : 0;
    }

    private static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }
}
