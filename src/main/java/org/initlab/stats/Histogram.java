package org.initlab.stats;

import org.initlab.nn.Floats;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Counts of one tensor's elements in {@code counts.length} equal bins over [lo, hi]; elements outside
 * the range count in the end bins, NaN in none. The range is chosen from the data by {@link #rangeOf}
 * and rounded outward to 1, 2 or 5 × 10^k, so it stays put while a slider nudges the data, and a
 * tanh's output reads [−1, 1], a ReLU's [0, hi].
 */
public record Histogram(double lo, double hi, long[] counts) {
    public static final int BINS = 40;

    public Histogram {
        if (!(hi > lo)) throw new IllegalArgumentException("a histogram needs lo < hi (got " + lo + ", " + hi + ")");
    }

    /** The bins of a tensor, its range chosen from its min and max. */
    public static Histogram of(INDArray x) {
        float[] v = Floats.read(x, null);
        int n = (int) x.length();
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            float f = v[i];
            if (f < min) min = f;
            if (f > max) max = f;
        }
        double[] r = rangeOf(min, max);
        return of(v, n, r[0], r[1], BINS);
    }

    /** Bins {@code v[0..n)} over [lo, hi]. */
    public static Histogram of(float[] v, int n, double lo, double hi, int bins) {
        long[] c = new long[bins];
        double k = bins / (hi - lo);
        for (int i = 0; i < n; i++) {
            float f = v[i];
            if (f != f) continue;
            int b = (int) ((f - lo) * k);
            c[f <= lo ? 0 : b >= bins ? bins - 1 : b]++;
        }
        return new Histogram(lo, hi, c);
    }

    /**
     * The range shown for data within [min, max]: [0, nice(max)] when nothing is negative (after a ReLU),
     * else symmetric ±nice(max |x|), so zero sits in the middle; [−1, 1] when all is zero or not finite.
     */
    public static double[] rangeOf(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) return new double[] {-1, 1};
        double m = Math.max(Math.abs(min), Math.abs(max));
        if (m == 0) return new double[] {-1, 1};
        double top = niceCeil(m);
        return min >= 0 ? new double[] {0, top} : new double[] {-top, top};
    }

    /** The smallest 1, 2 or 5 × 10^k at or above x (x > 0). */
    public static double niceCeil(double x) {
        double p = Math.pow(10, Math.floor(Math.log10(x)));
        for (double m : new double[] {1, 2, 5, 10})
            if (m * p >= x * (1 - 1e-12)) return m * p;
        return 10 * p;
    }

    public long total() {
        long t = 0;
        for (long c : counts) t += c;
        return t;
    }

    /** The centre of bin i. */
    public double centre(int i) {
        return lo + (hi - lo) * (i + 0.5) / counts.length;
    }
}
