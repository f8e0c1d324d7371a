package org.initlab.stats;

import org.initlab.nn.Floats;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The training loop's reducer: {@link TensorStats}' mean, std (unbiased) and fraction with
 * |x| ≤ {@value TensorStats#NEAR_ZERO}, whether anything was NaN/Inf or beyond the tensor's type,
 * and optionally a histogram over fixed {@link Bins} (the same bins every step, so the histograms
 * of a run line up as a heat map). The histogram and copy arrays are reused. Mutable and for one thread: copy the numbers out (the
 * {@link Telemetry} does) before handing them to another.
 */
public final class Moments {
    private final Bins bins;
    private final Bins.Binner binner;
    private final double[] hist;
    private float[] scratch;
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
        // one copy of the tensor serves the moments and the histogram
        boolean floats = x.dataType() == DataType.FLOAT;
        double[] values = null;
        TensorStats s;
        if (floats) {
            scratch = Floats.read(x, scratch);
            s = TensorStats.of(scratch, (int) x.length());
        } else {
            values = x.dup('c').data().asDouble();
            s = TensorStats.of(values);
        }
        count = s.count();
        nonFinite = s.nonFinite();
        mean = nonFinite ? Double.NaN : s.mean();
        std = nonFinite ? Double.NaN : s.std();
        nearZero = s.nearZero();
        double max = x.dataType() == DataType.DOUBLE ? Double.MAX_VALUE : floats ? Float.MAX_VALUE : 65504;
        overflows = !nonFinite && std * std + mean * mean > max;
        if (withHistogram && binner != null) {
            java.util.Arrays.fill(hist, 0);
            if (floats) for (int i = 0; i < count; i++) add(scratch[i]);
            else for (double v : values) add(v);
        }
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
