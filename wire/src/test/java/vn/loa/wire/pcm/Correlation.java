package vn.loa.wire.pcm;

/** Aligns two recordings of the same audio and says how alike they are, as the interoperability tests judge. */
public final class Correlation {

    private Correlation() {
    }

    /** The lag (in samples, {@code b} later than {@code a}) within +-maxLag where the two match best. */
    public static int bestLag(short[] a, short[] b, int maxLag) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int lag = -maxLag; lag <= maxLag; lag += 1) {
            double score = normalised(a, b, lag);
            if (score > bestScore) {
                bestScore = score;
                best = lag;
            }
        }
        return best;
    }

    /** Normalised cross-correlation of {@code a[i]} with {@code b[i + lag]} over their overlap, -1..1. */
    public static double normalised(short[] a, short[] b, int lag) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = Math.max(0, -lag); i < a.length && i + lag < b.length; i++) {
            double x = a[i];
            double y = b[i + lag];
            ab += x * y;
            aa += x * x;
            bb += y * y;
        }
        return aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
    }
}
