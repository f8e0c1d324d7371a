package org.initlab.stats;

import java.util.Arrays;
import org.initlab.nn.Floats;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The one reducer of a tensor, for the lab's {@link TensorStats} and training's telemetry alike: in one
 * pass, the mean, std (unbiased), min, max and fraction with |x| ≤ {@value TensorStats#NEAR_ZERO},
 * whether anything was NaN/Inf or beyond the tensor's type, and optionally a histogram over fixed
 * {@link Bins} (the same bins every step, so the histograms of a run line up as a heat map). The copy
 * and histogram arrays are reused. Mutable and for one thread: copy the numbers out ({@link #stats()},
 * or the {@link Telemetry}) before handing them to another.
 */
public final class Moments {
    private final Bins bins;
    private final Bins.Binner binner;
    private final BinTable table;
    private final double[] hist;
    private final int[] lanes; // four histograms, one per lane of the pass, so no increment waits on the one before
    private float[] scratch;
    private long count;
    private double mean, std, min, max, nearZero;
    private boolean nonFinite, overflows;

    /** @param bins the histogram's bins, or null for none */
    public Moments(Bins bins) {
        this.bins = bins;
        this.binner = bins == null ? null : bins.binner();
        this.table = bins == null ? null : new BinTable(bins);
        this.hist = bins == null ? new double[0] : new double[bins.count()];
        this.lanes = new int[4 * hist.length];
    }

    /** Reduces x; the histogram only when {@code withHistogram} (it costs a little more). */
    public Moments of(INDArray x, boolean withHistogram) {
        boolean histogram = withHistogram && bins != null;
        if (x.dataType() == DataType.FLOAT) {
            scratch = Floats.read(x, scratch); // one bulk copy, then plain Java loops
            reduce(scratch, (int) x.length(), histogram);
        } else {
            reduce(x.dup('c').data().asDouble(), histogram);
        }
        double largest = x.dataType() == DataType.DOUBLE ? Double.MAX_VALUE : x.dataType() == DataType.FLOAT ? Float.MAX_VALUE : 65504;
        overflows = !nonFinite && std * std + mean * mean > largest;
        return this;
    }

    /** Reduces the first {@code n} floats of {@code v} (overflow as float32). */
    public Moments of(float[] v, int n, boolean withHistogram) {
        reduce(v, n, withHistogram && bins != null);
        overflows = !nonFinite && std * std + mean * mean > Float.MAX_VALUE;
        return this;
    }

    /** Reduces plain numbers (no type limit: never {@link #overflows()}). */
    public Moments of(double[] v, boolean withHistogram) {
        reduce(v, withHistogram && bins != null);
        overflows = false;
        return this;
    }

    /**
     * The hot path: sums shifted by the first element for accuracy, in four independent lanes so the
     * adds do not wait on each other; min and max by plain comparisons (Math.min's NaN handling cost a
     * third of the pass); each lane counts into its own histogram.
     */
    private void reduce(float[] v, int n, boolean histogram) {
        if (n == 0) {
            empty();
            return;
        }
        boolean fastBins = histogram && table.fast();
        if (fastBins) Arrays.fill(lanes, 0);
        final int bc = hist.length;
        final double shift = v[0];
        final float tiny = (float) TensorStats.NEAR_ZERO;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, q0 = 0, q1 = 0, q2 = 0, q3 = 0;
        float min0 = v[0], max0 = v[0], min1 = v[0], max1 = v[0];
        int near = 0, i = 0;
        for (; i + 3 < n; i += 4) {
            float fa = v[i], fb = v[i + 1], fc = v[i + 2], fd = v[i + 3];
            double a = fa - shift, b = fb - shift, c = fc - shift, d = fd - shift;
            s0 += a; s1 += b; s2 += c; s3 += d;
            q0 += a * a; q1 += b * b; q2 += c * c; q3 += d * d;
            min0 = fa < min0 ? fa : min0; min1 = fb < min1 ? fb : min1; min0 = fc < min0 ? fc : min0; min1 = fd < min1 ? fd : min1;
            max0 = fa > max0 ? fa : max0; max1 = fb > max1 ? fb : max1; max0 = fc > max0 ? fc : max0; max1 = fd > max1 ? fd : max1;
            near += (Math.abs(fa) <= tiny ? 1 : 0) + (Math.abs(fb) <= tiny ? 1 : 0) + (Math.abs(fc) <= tiny ? 1 : 0) + (Math.abs(fd) <= tiny ? 1 : 0);
            if (fastBins && (fa == fa & fb == fb & fc == fc & fd == fd)) { // a NaN is counted in no bin
                lanes[table.bin(fa)]++;
                lanes[bc + table.bin(fb)]++;
                lanes[2 * bc + table.bin(fc)]++;
                lanes[3 * bc + table.bin(fd)]++;
            }
        }
        for (; i < n; i++) {
            float f = v[i];
            double a = f - shift;
            s0 += a;
            q0 += a * a;
            min0 = f < min0 ? f : min0;
            max0 = f > max0 ? f : max0;
            near += Math.abs(f) <= tiny ? 1 : 0;
            if (fastBins && f == f) lanes[table.bin(f)]++;
        }
        double sum = s0 + s1 + s2 + s3, sq = q0 + q1 + q2 + q3;
        finish(n, shift, sum, sq, Math.min(min0, min1), Math.max(max0, max1), near);
        if (nonFinite) for (int k = 0; k < n; k++) // comparisons skip NaN; a NaN anywhere makes min and max NaN, as Math.min would
            if (Float.isNaN(v[k])) {
                min = max = Double.NaN;
                break;
            }
        if (!histogram) return;
        Arrays.fill(hist, 0);
        if (fastBins) {
            for (int b = 0; b < bc; b++) hist[b] = lanes[b] + lanes[bc + b] + lanes[2 * bc + b] + lanes[3 * bc + b];
            if (nonFinite) recount(v, n); // a NaN made its whole group of four skip: count exactly instead
        } else {
            for (int k = 0; k < n; k++) add(v[k]);
        }
    }

    private void recount(float[] v, int n) {
        Arrays.fill(hist, 0);
        for (int k = 0; k < n; k++) add(v[k]);
    }

    private void reduce(double[] v, boolean histogram) {
        int n = v.length;
        if (n == 0) {
            empty();
            return;
        }
        double shift = v[0], sum = 0, sq = 0, lo = v[0], hi = v[0];
        int near = 0;
        for (double e : v) {
            double a = e - shift;
            sum += a;
            sq += a * a;
            lo = Math.min(lo, e);
            hi = Math.max(hi, e);
            near += Math.abs(e) <= TensorStats.NEAR_ZERO ? 1 : 0;
        }
        finish(n, shift, sum, sq, lo, hi, near);
        if (!histogram) return;
        Arrays.fill(hist, 0);
        for (double e : v) add(e);
    }

    /** var = (Σa² − (Σa)²/n)/(n − 1) over a = x − shift: the shift keeps the subtraction from cancelling. */
    private void finish(int n, double shift, double sum, double sq, double lo, double hi, int near) {
        count = n;
        nonFinite = !Double.isFinite(sum) || !Double.isFinite(sq);
        mean = nonFinite ? Double.NaN : shift + sum / n;
        std = nonFinite ? Double.NaN : n > 1 ? Math.sqrt(Math.max(0, (sq - sum * sum / n) / (n - 1))) : 0;
        min = lo;
        max = hi;
        nearZero = (double) near / n;
    }

    private void empty() {
        count = 0;
        mean = std = min = max = nearZero = Double.NaN;
        nonFinite = false;
        Arrays.fill(hist, 0);
    }

    private void add(double v) {
        int b = binner.bin(v);
        if (b >= 0) hist[b]++;
    }

    public long count() { return count; }
    public double mean() { return mean; }
    public double std() { return std; }
    public double min() { return min; }
    public double max() { return max; }
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

    /** The numbers of the last reduction as an immutable record. */
    public TensorStats stats() {
        return new TensorStats(count, mean, std, min, max, nearZero);
    }

    /** The histogram of the last {@code of(x, true)} (live array: copy before sharing). */
    double[] histogram() { return hist; }
}
