package org.initlab.stats;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A reusable one-pass reducer for the training loop: mean, std (unbiased), fraction with
 * |x| ≤ {@value TensorStats#NEAR_ZERO}, whether anything was NaN/Inf, and optionally a histogram
 * over fixed {@link Bins}. It reads the tensor's memory directly; the histogram array is reused,
 * so a step allocates nothing here. Mutable and for one thread: copy the numbers out (the
 * {@link Telemetry} does) before handing them to another.
 */
public final class Moments {
    private final Bins bins;
    private final Bins.Binner binner;
    private final double[] hist;
    private long count;
    private double mean, std, nearZero;
    private boolean nonFinite, overflows;

    /** @param bins the histogram's bins, or null for none */
    public Moments(Bins bins) {
        this.bins = bins;
        this.binner = bins == null ? null : bins.binner();
        this.hist = bins == null ? new double[0] : new double[bins.count()];
    }

    /** Reduces x; the histogram only when {@code withHistogram} (it costs a little more). */
    public Moments of(INDArray x, boolean withHistogram) {
        if (x.isView() || x.ordering() != 'c') x = x.dup('c');
        int n = (int) x.length(), off = (int) x.offset();
        boolean h = withHistogram && binner != null;
        if (h) java.util.Arrays.fill(hist, 0);
        double shift = 0, s = 0, ss = 0;
        long near = 0;
        if (x.dataType() == DataType.DOUBLE) {
            DoubleBuffer b = x.data().asNioDouble();
            if (n > 0) shift = b.get(off);
            for (int i = 0; i < n; i++) {
                double v = b.get(off + i), d = v - shift;
                s += d;
                ss += d * d;
                if (Math.abs(v) <= TensorStats.NEAR_ZERO) near++;
                if (h) add(v);
            }
        } else {
            FloatBuffer b = x.castTo(DataType.FLOAT).data().asNioFloat();
            if (n > 0) shift = b.get(off);
            for (int i = 0; i < n; i++) {
                float v = b.get(off + i);
                double d = v - shift;
                s += d;
                ss += d * d;
                if (Math.abs(v) <= TensorStats.NEAR_ZERO) near++;
                if (h) add(v);
            }
        }
        count = n;
        nonFinite = !Double.isFinite(s) || !Double.isFinite(ss) || !Double.isFinite(shift);
        mean = n == 0 ? Double.NaN : shift + s / n;
        std = n > 1 ? Math.sqrt(Math.max(0, (ss - s * s / n) / (n - 1))) : n == 1 ? 0 : Double.NaN;
        if (nonFinite) mean = std = Double.NaN;
        nearZero = n == 0 ? Double.NaN : (double) near / n;
        double max = x.dataType() == DataType.DOUBLE ? Double.MAX_VALUE : x.dataType() == DataType.FLOAT ? Float.MAX_VALUE : 65504;
        overflows = !nonFinite && std * std + mean * mean > max;
        return this;
    }

    private void add(double v) {
        int b = binner.bin(v);
        if (b >= 0) hist[b]++;
    }

    public long count() { return count; }
    public double mean() { return mean; }
    public double std() { return std; }
    public double nearZero() { return nearZero; }
    /** True if any element was NaN or ±Inf. */
    public boolean nonFinite() { return nonFinite; }
    /**
     * True if the mean square exceeds the largest number of the tensor's own type (float32: |x| of
     * about 1.8e19), so its variance is Inf there, as PyTorch's {@code x.var()} in float32 would be:
     * every element is finite, but the statistics are not. The trainer treats it as divergence.
     */
    public boolean overflows() { return overflows; }
    public Bins bins() { return bins; }

    /** The histogram of the last {@code of(x, true)} (live array: copy before sharing). */
    double[] histogram() { return hist; }
}
