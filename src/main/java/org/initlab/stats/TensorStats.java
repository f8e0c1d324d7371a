package org.initlab.stats;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Summary of one tensor: mean, std (unbiased, over all elements), min, max, the fraction with
 * |x| ≤ {@value #NEAR_ZERO}. Plain Java data, safe to hand to any thread. NaN/Inf anywhere makes
 * mean and std NaN. {@link Moments} computes it.
 */
public record TensorStats(long count, double mean, double std, double min, double max, double nearZero) {
    public static final double NEAR_ZERO = 0.05;

    private static final ThreadLocal<Moments> REDUCER = ThreadLocal.withInitial(() -> new Moments(null));

    public static TensorStats of(INDArray x) {
        return REDUCER.get().of(x, false).stats();
    }

    public static TensorStats of(double[] v) {
        return REDUCER.get().of(v, false).stats();
    }

    /** True if any element was NaN or infinite. */
    public boolean nonFinite() {
        return !Double.isFinite(mean) || !Double.isFinite(std);
    }
}
