package vn.loa.bench;

import io.vertx.core.json.JsonObject;

/** The figures a benchmark reports of a set of measurements: how many, median, p90, p99 and the worst. */
final class Percentiles {

    private Percentiles() {
    }

    /** The figures of {@code sorted} (ascending), rounded to a tenth. */
    static JsonObject of(double[] sorted) {
        if (sorted.length == 0) {
            return new JsonObject().put("n", 0);
        }
        return new JsonObject().put("n", sorted.length).put("median", round(sorted[sorted.length / 2]))
                .put("p90", round(sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.90) - 1)]))
                .put("p99", round(sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)]))
                .put("max", round(sorted[sorted.length - 1]));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
