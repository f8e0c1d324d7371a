package org.initlab.stats;

/** Mean and (unbiased) std of one figure across seeds. */
public record Summary(double mean, double std) {
    public static Summary of(double[] values) {
        TensorStats s = TensorStats.of(values);
        return new Summary(s.mean(), s.std());
    }
}
