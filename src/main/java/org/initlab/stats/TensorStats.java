package org.initlab.stats;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Summary of one tensor: mean, std (unbiased, over all elements), min, max, the fraction with
 * |x| ≤ {@value #NEAR_ZERO}, and a histogram of {@value #BINS} equal bins over [min, max].
 * Plain Java data, safe to hand to any thread.
 */
public record TensorStats(long count, double mean, double std, double min, double max, double nearZero, int[] histogram) {
    public static final double NEAR_ZERO = 0.05;
    public static final int BINS = 40;

    /** Reads the tensor's memory directly (no copy, no per-element JNI): two passes in plain Java. */
    public static TensorStats of(INDArray x) {
        if (x.isView() || x.ordering() != 'c') x = x.dup('c');
        return x.dataType() == DataType.DOUBLE ? of(Values.of(x.data().asNioDouble(), x.offset(), x.length()))
                                                : of(Values.of(x.data().asNioFloat(), x.offset(), x.length()));
    }

    public static TensorStats of(double[] v) {
        return of(Values.of(v));
    }

    private static TensorStats of(Values v) {
        int n = v.length();
        if (n == 0) return new TensorStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, new int[BINS]);
        double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        long near = 0;
        for (int i = 0; i < n; i++) {
            double e = v.get(i);
            sum += e;
            if (e < min) min = e;
            if (e > max) max = e;
            if (Math.abs(e) <= NEAR_ZERO) near++;
        }
        double mean = sum / n, ss = 0;
        int[] hist = new int[BINS];
        double scale = max > min ? BINS / (max - min) : 0;
        for (int i = 0; i < n; i++) {
            double e = v.get(i), d = e - mean;
            ss += d * d;
            int b = (int) ((e - min) * scale);
            if (b >= 0 && b < BINS) hist[b]++;
            else if (b == BINS) hist[BINS - 1]++;
        }
        double std = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        return new TensorStats(n, mean, std, min, max, (double) near / n, hist);
    }

    /** True if any element was NaN or infinite. */
    public boolean nonFinite() {
        return !Double.isFinite(mean) || !Double.isFinite(std);
    }

    /** Random access over a float or double buffer, so the loops above are written once. */
    private interface Values {
        int length();

        double get(int i);

        static Values of(FloatBuffer b, long offset, long n) {
            return new Values() {
                public int length() { return (int) n; }
                public double get(int i) { return b.get((int) offset + i); }
            };
        }

        static Values of(DoubleBuffer b, long offset, long n) {
            return new Values() {
                public int length() { return (int) n; }
                public double get(int i) { return b.get((int) offset + i); }
            };
        }

        static Values of(double[] a) {
            return new Values() {
                public int length() { return a.length; }
                public double get(int i) { return a[i]; }
            };
        }
    }
}
