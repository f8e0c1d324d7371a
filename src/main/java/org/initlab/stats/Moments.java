package org.initlab.stats;

import java.lang.ref.Reference;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;
import org.initlab.nn.Floats;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The one reducer of a tensor, for the lab's {@link TensorStats} and training's telemetry alike: the
 * mean, std (unbiased), min, max and fraction with |x| ≤ {@value TensorStats#NEAR_ZERO}, whether
 * anything was NaN/Inf or beyond the tensor's type, and optionally a histogram over fixed {@link Bins}
 * (the same bins every step, so the histograms of a run line up as a heat map). {@link #moments} takes
 * only what a finiteness check needs. Float tensors are read in chunks small enough to stay in the
 * first-level cache; the arrays are reused. Mutable and for one thread: copy the numbers out
 * ({@link #stats()}, or the {@link Telemetry}) before handing them to another.
 */
public final class Moments {
    /** Floats read at a time, and the lanes summed side by side (the JIT turns that loop into vector code). */
    private static final int CHUNK = 1024;
    /** Chunks a lane sums in float before its total moves to a double: 32 terms keep float's rounding below 1e-5 relative. */
    private static final int FOLD = 32;

    private final Bins bins;
    private final Bins.Binner binner;
    private final BinTable table;
    private final boolean fastBins; // the table serves these bins (log bins narrower than its cells: the exact binner)
    private final BitCells bitCells; // bins counted by cells of bits: a large tensor is counted there
    private final double[] hist;
    private final int[] lanes; // four histograms, one per lane of the scan, so no increment waits on the one before
    private final float[] chunk = new float[CHUNK], laneSum = new float[CHUNK], laneSq = new float[CHUNK];
    private final float[] laneMin = new float[CHUNK], laneMax = new float[CHUNK];
    private final int[] bits = new int[CHUNK], laneNear = new int[CHUNK];
    private final int[] laneZero = new int[CHUNK], nonzeroBits = new int[CHUNK];
    private boolean sparse;
    private int skipped;
    private float[] scratch;
    private long count;
    private double mean, std, min, max, nearZero;
    private boolean nonFinite, overflows;

    /** @param bins the histogram's bins, or null for none */
    public Moments(Bins bins) {
        this.bins = bins;
        this.binner = bins == null ? null : bins.binner();
        this.table = bins == null ? null : new BinTable(bins);
        this.fastBins = table != null && table.fast();
        this.bitCells = bins == null ? null : BitCells.of(bins);
        this.hist = bins == null ? new double[0] : new double[bins.count()];
        this.lanes = new int[4 * hist.length];
    }

    // what a pass takes besides the mean and std
    private static final int NEAR = 1, MIN_MAX = 2, HISTOGRAM = 4;

    /** Everything: min, max and the near-zero fraction too, and the histogram when {@code withHistogram}. */
    public Moments of(INDArray x, boolean withHistogram) {
        return reduce(x, NEAR | MIN_MAX | (withHistogram && bins != null ? HISTOGRAM : 0));
    }

    /** What training records each step: mean, std, near-zero fraction and histogram (min and max only for a non-finite tensor, else NaN). */
    public Moments telemetry(INDArray x) {
        return reduce(x, NEAR | (bins != null ? HISTOGRAM : 0));
    }

    /**
     * Only the mean, std, {@link #nonFinite()} and {@link #overflows()}, in one vectorized pass: what a
     * step checks when it records nothing. Min, max and the near-zero fraction are NaN after it unless
     * the tensor was non-finite, when the reference pass fills them in.
     */
    public Moments moments(INDArray x) {
        return reduce(x, 0);
    }

    private Moments reduce(INDArray x, int what) {
        if (x.dataType() == DataType.FLOAT) {
            if (!Floats.contiguous(x)) x = x.dup('c');
            FloatBuffer b = Floats.buffer(x);
            chunked(b, Floats.bits(x), b.position(), (int) x.length(), what);
            Reference.reachabilityFence(x); // the buffer views do not keep a copy made above alive
            if (nonFinite) exact(scratch = Floats.read(x, scratch), (int) x.length(), (what & HISTOGRAM) != 0); // tells overflow from NaN/Inf, and counts exactly
        } else {
            reduce(x.dup('c').data().asDouble(), (what & HISTOGRAM) != 0);
        }
        double largest = x.dataType() == DataType.DOUBLE ? Double.MAX_VALUE : x.dataType() == DataType.FLOAT ? Float.MAX_VALUE : 65504;
        overflows = !nonFinite && std * std + mean * mean > largest;
        return this;
    }

    /** Reduces plain numbers (no type limit: never {@link #overflows()}). */
    public Moments of(double[] v, boolean withHistogram) {
        reduce(v, withHistogram && bins != null);
        overflows = false;
        return this;
    }

    /**
     * The hot path, over native memory ({@code from}, {@code fromBits} the same memory as ints), a chunk
     * at a time. Every float tensor comes through here, so the JIT compiles one set of branches, not a
     * new one when the window's training follows its lab. Loops the JIT turns into vector code: sums of
     * x − x₀ and its square in float lanes (shifted by the first element against cancellation), which
     * move to doubles every {@link #FOLD} chunks, and the near-zero count on the bits. Scalar scans of
     * the same chunk: min and max, the histogram. A NaN or Inf makes a sum non-finite, and the caller
     * then takes the {@link #exact} pass.
     */
    private void chunked(FloatBuffer from, IntBuffer fromBits, int base, int n, int what) {
        if (n == 0) {
            empty();
            return;
        }
        float shift = from.get(base);
        float[] u = chunk, s = laneSum, q = laneSq;
        int[] w = bits, z = laneNear, zz = laneZero;
        Arrays.fill(s, 0);
        Arrays.fill(q, 0);
        Arrays.fill(z, 0);
        Arrays.fill(zz, 0);
        if ((what & HISTOGRAM) != 0) {
            Arrays.fill(lanes, 0);
            Arrays.fill(hist, 0);
        }
        // by cells where summing them costs less than an element each
        boolean byCells = (what & HISTOGRAM) != 0 && fastBins && bitCells != null && n >= bitCells.cells();
        int[][] counts = byCells ? bitCells.begin() : null; // this thread's cells, then the upper counts of split cells
        skipped = 0;
        final int tiny = Float.floatToRawIntBits((float) TensorStats.NEAR_ZERO);
        double sum = 0, sq = 0;
        boolean mm = (what & MIN_MAX) != 0;
        if (mm) {
            Arrays.fill(laneMin, shift);
            Arrays.fill(laneMax, shift);
        }
        for (int at = 0, c = 1; at < n; at += CHUNK, c++) {
            int len = Math.min(CHUNK, n - at);
            from.get(base + at, u, 0, len);
            sums(u, len, shift, s, q);
            if ((what & (NEAR | HISTOGRAM)) != 0) {
                fromBits.get(base + at, w, 0, len);
                nearCounts(w, len, tiny, z, zz);
            }
            if (mm) minMax(u, len, laneMin, laneMax);
            if ((what & HISTOGRAM) != 0) histogram(u, w, len, counts);
            if (c % FOLD == 0 || at + len == n) {
                sum = addLanes(sum, s);
                sq = addLanes(sq, q);
            }
        }
        int near = 0, zeros = 0;
        for (int j = 0; j < CHUNK; j++) {
            near += z[j];
            zeros += zz[j];
        }
        float min = shift, max = shift;
        if (mm)
            for (int j = 0; j < CHUNK; j++) {
                min = Math.min(min, laneMin[j]);
                max = Math.max(max, laneMax[j]);
            }
        finish(n, shift, sum, sq, mm ? min : Double.NaN, mm ? max : Double.NaN, (what & NEAR) != 0 ? near : -1);
        if ((what & HISTOGRAM) == 0 || !fastBins) return; // without the table, counted straight into hist
        int bc = hist.length;
        for (int b = 0; b < bc; b++) hist[b] = lanes[b] + lanes[bc + b] + lanes[2 * bc + b] + lanes[3 * bc + b];
        if (byCells) bitCells.fold(counts[0], counts[1], hist);
        hist[table.bin(0f)] += skipped;
        sparse = zeros > n / 4; // the next tensor of this module will look alike
    }

    // Each pass over a chunk is a small method of its own, which the JIT compiles in milliseconds once
    // it has run a few hundred chunks, within the first steps. Inside one large method the loops would
    // wait on its compilations (on-stack, whole, and again after a branch first taken later): over half
    // a second of the optimizing compiler on two busy cores, running interpreted meanwhile.

    /** Adds each element's x − shift and its square to its lane. */
    private static void sums(float[] u, int len, float shift, float[] s, float[] q) {
        for (int j = 0; j < len; j++) {
            float d = u[j] - shift;
            s[j] += d;
            q[j] += d * d;
        }
    }

    /** Counts, per lane, the elements with |x| ≤ tiny and those equal to ±0, from their bits. */
    private static void nearCounts(int[] w, int len, int tiny, int[] z, int[] zz) {
        for (int j = 0; j < len; j++) {
            int abs = w[j] & 0x7fffffff;
            z[j] += (tiny - abs) >>> 31 ^ 1; // |x| ≤ tiny: positive floats order as their bits
            zz[j] += (abs + 0x7fffffff) >>> 31 ^ 1; // x = ±0
        }
    }

    /** {@code t} plus each lane in turn, in double; the lanes start again from zero. */
    private static double addLanes(double t, float[] lanes) {
        for (int j = 0; j < CHUNK; j++) t += lanes[j];
        Arrays.fill(lanes, 0);
        return t;
    }

    /**
     * Min and max of a chunk into lanes, one per chunk position, which the JIT turns into vector code
     * (four running minima in one loop took four times as long). A NaN makes its lane NaN; a tensor
     * with one takes the {@link #exact} pass.
     */
    private static void minMax(float[] u, int len, float[] lo, float[] hi) {
        for (int j = 0; j < len; j++) {
            lo[j] = Math.min(lo[j], u[j]);
            hi[j] = Math.max(hi[j], u[j]);
        }
    }

    /**
     * A chunk into the cells of bits ({@code counts}, from {@link BitCells#begin}, where not null) or
     * the four lane histograms ({@link BinTable#count}).
     * For the lanes, where the last tensor was mostly exact zeros (a ReLU's output, the gradient below
     * one), the nonzero elements are first moved together without a branch and the zeros are counted
     * at once; the cells count zeros for less than that move costs.
     */
    private void histogram(float[] u, int[] w, int len, int[][] counts) {
        if (!fastBins) {
            for (int j = 0; j < len; j++) add(u[j]);
            return;
        }
        if (counts != null) {
            bitCells.count(w, len, counts[0], counts[1]);
            return;
        }
        int[] b = w;
        int m = len;
        if (sparse) {
            b = nonzeroBits;
            m = 0;
            for (int j = 0; j < len; j++) {
                b[m] = w[j];
                m += (w[j] & 0x7fffffff) + 0x7fffffff >>> 31; // + 1 unless ±0
            }
            skipped += len - m;
        }
        table.count(b, m, lanes);
    }

    /**
     * The reference pass, in doubles throughout: taken for a tensor with NaN or Inf, or with sums beyond
     * float's range, so a non-finite tensor is told from one whose variance overflows, min and max
     * become NaN as Math.min would make them, and the histogram skips NaN exactly.
     */
    void exact(float[] v, int n, boolean histogram) {
        if (n == 0) {
            empty();
            return;
        }
        double shift = v[0], sum = 0, sq = 0;
        float lo = v[0], hi = v[0];
        int near = 0;
        for (int i = 0; i < n; i++) {
            float f = v[i];
            double a = f - shift;
            sum += a;
            sq += a * a;
            lo = f < lo ? f : lo;
            hi = f > hi ? f : hi;
            near += Math.abs(f) <= (float) TensorStats.NEAR_ZERO ? 1 : 0;
        }
        finish(n, shift, sum, sq, lo, hi, near);
        if (nonFinite) for (int k = 0; k < n; k++) // comparisons skip NaN; a NaN anywhere makes min and max NaN, as Math.min would
            if (Float.isNaN(v[k])) {
                min = max = Double.NaN;
                break;
            }
        if (histogram) recount(v, n);
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
        nearZero = near < 0 ? Double.NaN : (double) near / n;
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
