package org.initlab.stats;

import java.util.Arrays;

/**
 * Fixed histogram bins, the same at every step so histograms over time line up (fastai's
 * "colorful dimension": {@code histc(40, 0, 10)}). {@link Scale#LINEAR} bins x over [lo, hi];
 * {@link Scale#LOG10_ABS} bins log10|x| over [lo, hi] (gradients span many decades; the sign is
 * dropped). Values outside the range count in the end bins (zeros in the first bin of a log
 * scale), so every finite element is counted; NaN is not.
 */
public record Bins(double lo, double hi, int count, Scale scale) {
    public enum Scale { LINEAR, LOG10_ABS }

    /** 40 bins over [0, 10]: post-ReLU activations, as fastai. */
    public static final Bins RELU = new Bins(0, 10, 40, Scale.LINEAR);
    /** 40 bins over [−10, 10]: activations that can be negative (conv, linear, leaky/general ReLU, pools). */
    public static final Bins SIGNED = new Bins(-10, 10, 40, Scale.LINEAR);
    /** 40 bins over |g| from 1e−10 to 1, a quarter decade each: gradients. */
    public static final Bins GRADIENT = new Bins(-10, 0, 40, Scale.LOG10_ABS);

    public Bins {
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) throw new IllegalArgumentException("bins need lo < hi (got " + lo + ", " + hi + ")");
        if (count <= 0) throw new IllegalArgumentException("bins need count > 0 (got " + count + ")");
        if (scale == null) scale = Scale.LINEAR;
    }

    /** The activation bins for a module type: [0, 10] after a plain ReLU, else symmetric. */
    public static Bins forActivations(String moduleType) {
        return "ReLU".equals(moduleType) ? RELU : SIGNED;
    }

    /** Lower edges of the bins on the x axis (for the log scale: |x| = 10^edge), plus the upper end. */
    public double[] edges() {
        double[] e = new double[count + 1];
        for (int i = 0; i <= count; i++) e[i] = lo + (hi - lo) * i / count;
        return e;
    }

    /** A fast binner: for the log scale, a binary search over precomputed |x| edges instead of a log per element. */
    Binner binner() {
        if (scale == Scale.LINEAR) {
            double k = count / (hi - lo);
            return v -> {
                if (v != v) return -1;
                int b = (int) ((v - lo) * k);
                return v <= lo ? 0 : b >= count ? count - 1 : b;
            };
        }
        double[] inner = new double[count - 1]; // |x| at the boundaries between bins
        for (int i = 1; i < count; i++) inner[i - 1] = Math.pow(10, lo + (hi - lo) * i / count);
        return v -> {
            if (v != v) return -1;
            int i = Arrays.binarySearch(inner, Math.abs(v));
            return i >= 0 ? i + 1 : -i - 1;
        };
    }

    @FunctionalInterface
    interface Binner {
        /** Bin index, or −1 for NaN. */
        int bin(double v);
    }
}
