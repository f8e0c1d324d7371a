package org.initlab.stats;

import java.util.function.IntToDoubleFunction;
import org.initlab.nn.Floats;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Summary of one tensor: mean, std (unbiased, over all elements), min, max, the fraction with
 * |x| ≤ {@value #NEAR_ZERO}, and a histogram of {@value #BINS} equal bins over [min, max].
 * Plain Java data, safe to hand to any thread. NaN/Inf anywhere makes mean and std NaN/Inf.
 */
public record TensorStats(long count, double mean, double std, double min, double max, double nearZero, int[] histogram) {
    public static final double NEAR_ZERO = 0.05;
    public static final int BINS = 40;

    private static final ThreadLocal<float[]> SCRATCH = new ThreadLocal<>();

    /** One bulk copy of the tensor's memory into a reused Java array, then two tight passes. */
    public static TensorStats of(INDArray x) {
        if (x.dataType() == DataType.FLOAT) {
            float[] v = Floats.read(x, SCRATCH.get());
            SCRATCH.set(v);
            return of(v, (int) x.length());
        }
        double[] v = x.dup('c').data().asDouble();
        return of(v);
    }

    public static TensorStats of(double[] v) {
        return of(i -> v[i], v.length);
    }

    /** The hot path: the same two passes as below, specialized to float[] so the JIT keeps them tight. */
    static TensorStats of(float[] v, int n) {
        if (n == 0) return of(new double[0]);
        double sum = 0;
        float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
        long near = 0;
        for (int i = 0; i < n; i++) {
            float e = v[i];
            sum += e;
            min = Math.min(min, e);
            max = Math.max(max, e);
            near += Math.abs(e) <= (float) NEAR_ZERO ? 1 : 0;
        }
        double mean = sum / n, ss = 0;
        int[] hist = new int[BINS];
        double scale = max > min ? BINS / ((double) max - min) : 0;
        for (int i = 0; i < n; i++) {
            double d = v[i] - mean;
            ss += d * d;
            int b = (int) ((v[i] - min) * scale);
            hist[Math.min(Math.max(b, 0), BINS - 1)]++;
        }
        double std = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        return new TensorStats(n, mean, std, min, max, (double) near / n, hist);
    }

    private static TensorStats of(IntToDoubleFunction v, int n) {
        if (n == 0) return new TensorStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, new int[BINS]);
        double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        long near = 0;
        for (int i = 0; i < n; i++) {
            double e = v.applyAsDouble(i);
            sum += e;
            if (e < min) min = e;
            if (e > max) max = e;
            if (Math.abs(e) <= NEAR_ZERO) near++;
        }
        double mean = sum / n, ss = 0;
        int[] hist = new int[BINS];
        double scale = max > min ? BINS / (max - min) : 0;
        for (int i = 0; i < n; i++) {
            double e = v.applyAsDouble(i), d = e - mean;
            ss += d * d;
            int b = (int) ((e - min) * scale);
            hist[Math.min(Math.max(b, 0), BINS - 1)]++;
        }
        double std = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        return new TensorStats(n, mean, std, min, max, (double) near / n, hist);
    }

    /** True if any element was NaN or infinite. */
    public boolean nonFinite() {
        return !Double.isFinite(mean) || !Double.isFinite(std);
    }
}
