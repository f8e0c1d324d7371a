package org.initlab.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * {@link Bins} counted by the top bits of each float: a cell is {@code 2^shift} consecutive bit
 * patterns, a tensor costs one increment per element into its cell, with no float arithmetic, and
 * the cells are summed into bins once a tensor.
 * <ul>
 * <li>Linear bins a power of two wide with edges on multiples of that width (fastai's [0, 10] in
 * quarters, [−10, 10] in halves) fill whole cells. A negative float's bits are taken one lower, so
 * that −e, the least float of its bin, starts a cell with the floats just above it.</li>
 * <li>Log-scale bins count |x|'s bits in cells a 128th of an octave wide: where a bin's edge falls
 * inside a cell (about one element in a hundred), a comparison with the edge's bits tells the two
 * bins apart.</li>
 * </ul>
 * Which bin each cell holds comes from the reference binner; bins it cannot split this way get no
 * cells ({@link #of} returns null) and are counted by {@link BinTable}. Immutable and shared; the
 * counts themselves are per thread ({@link #begin}), which is safe because a tensor is counted from
 * {@code begin} to {@code fold} without any other tensor's counting in between.
 */
final class BitCells {
    /** The finest cells: 2^16 of them (256 KB of counts), 2^7 an octave. */
    private static final int MIN_SHIFT = 16;
    private static final Map<Bins, BitCells> MADE = new ConcurrentHashMap<>();
    private static final BitCells NONE = new BitCells(0, false, new int[0], null);
    /** Per thread, the counts of the tensor being counted (cells, then upper): shared by every reducer on that thread. */
    private static final ThreadLocal<int[][]> COUNTS =
        ThreadLocal.withInitial(() -> new int[][] {new int[1 << (32 - MIN_SHIFT)], new int[1 << (31 - MIN_SHIFT)]});

    private final int shift;
    private final boolean magnitude; // the cell of |x| (log scale), else of x
    private final int[] runStart, runEnd, runBin; // cells [start, end) all hold bin runBin (their lower one where split)
    private final int[] split; // per cell: 0, or the bits of the least |x| in the next bin
    private final int[] splitCells, splitLower; // the cells split, and the lower of their two bins

    private BitCells(int shift, boolean magnitude, int[] bins, int[] split) {
        this.shift = shift;
        this.magnitude = magnitude;
        this.split = split;
        splitCells = split == null ? new int[0] : IntStream.range(0, split.length).filter(c -> split[c] != 0).toArray();
        splitLower = Arrays.stream(splitCells).map(c -> bins[c]).toArray();
        List<int[]> runs = new ArrayList<>();
        for (int c = 0; c < bins.length; ) {
            int e = c + 1;
            while (e < bins.length && bins[e] == bins[c]) e++;
            if (bins[c] >= 0) runs.add(new int[] {c, e, bins[c]});
            c = e;
        }
        runStart = runs.stream().mapToInt(r -> r[0]).toArray();
        runEnd = runs.stream().mapToInt(r -> r[1]).toArray();
        runBin = runs.stream().mapToInt(r -> r[2]).toArray();
    }

    /** The cells for these bins (made once), or null where the reference's bins do not fit them. */
    static BitCells of(Bins bins) {
        BitCells made = MADE.computeIfAbsent(bins, b -> b.scale() == Bins.Scale.LINEAR ? linear(b) : log(b));
        return made == NONE ? null : made;
    }

    /** The coarsest cells whose every float (NaN aside) falls in one bin of the reference. */
    private static BitCells linear(Bins bins) {
        Bins.Binner exact = bins.binner();
        for (int shift = 23; shift >= MIN_SHIFT; shift--) {
            int[] cellBins = linearCells(exact, shift);
            if (cellBins != null) return new BitCells(shift, false, cellBins, null);
        }
        return NONE;
    }

    /** Each cell's bin (−1: NaN only), or null if some cell holds floats of two bins. */
    private static int[] linearCells(Bins.Binner exact, int shift) {
        int cells = 1 << (32 - shift), half = cells / 2;
        int[] bin = new int[cells];
        for (int c = 0; c < cells; c++) {
            // the cell's bit patterns b, as longs: b >>> shift = c for b ≥ 0, (b − 1) >>> shift = c for b < 0
            long first = c < half ? (long) c << shift : ((long) c << shift) + 1;
            long last = c < half ? (((long) c + 1) << shift) - 1 : Math.min(((long) c + 1) << shift, 0xffffffffL);
            long infinity = c < half ? 0x7f800000L : 0xff800000L; // the patterns past it are NaN
            if (first > infinity) bin[c] = -1;
            else {
                int lo = exact.bin(Float.intBitsToFloat((int) first)), hi = exact.bin(Float.intBitsToFloat((int) Math.min(last, infinity)));
                if (lo != hi) return null; // the reference is monotone, so equal ends hold the whole cell
                bin[c] = lo;
            }
        }
        int negativeZero = exact.bin(-0f); // 0x80000000 − 1 lands in the positive half's last cell, NaN but for it
        if (bin[half - 1] >= 0 && bin[half - 1] != negativeZero) return null;
        bin[half - 1] = negativeZero;
        return bin;
    }

    /** The finest cells of |x|, each holding at most one edge of the reference's bins. */
    private static BitCells log(Bins bins) {
        Bins.Binner exact = bins.binner();
        int cells = 1 << (31 - MIN_SHIFT);
        int[] bin = new int[cells], split = new int[cells];
        for (int c = 0; c < cells; c++) {
            int first = c << MIN_SHIFT, last = Math.min(first + (1 << MIN_SHIFT) - 1, 0x7f800000);
            if (first > 0x7f800000) {
                bin[c] = -1;
                continue;
            }
            int lo = exact.bin(Float.intBitsToFloat(first)), hi = exact.bin(Float.intBitsToFloat(last));
            if (hi > lo + 1) return NONE;
            bin[c] = lo;
            if (hi == lo) continue;
            int below = first, above = last; // bin(below) = lo, bin(above) = hi: |x| grows with its bits
            while (above - below > 1) {
                int mid = (below + above) >>> 1;
                if (exact.bin(Float.intBitsToFloat(mid)) == lo) below = mid;
                else above = mid;
            }
            split[c] = above;
        }
        return new BitCells(MIN_SHIFT, true, bin, split);
    }

    /** The number of cells. */
    int cells() {
        return magnitude ? 1 << (31 - shift) : 1 << (32 - shift);
    }

    /** This thread's counts (cells, then upper), zeroed for a new tensor. */
    int[][] begin() {
        int[][] counts = COUNTS.get();
        Arrays.fill(counts[0], 0, cells(), 0);
        for (int c : splitCells) counts[1][c] = 0;
        return counts;
    }

    /**
     * Adds each of {@code bits[0..n)} (floats' raw bits) to its cell, and where its cell is split, to
     * {@code upper} too if it lies in the cell's upper bin.
     */
    void count(int[] bits, int n, int[] cells, int[] upper) {
        final int s = shift;
        if (!magnitude) {
            for (int j = 0; j < n; j++) {
                int b = bits[j];
                cells[(b - (b >>> 31)) >>> s]++;
            }
            return;
        }
        final int[] edge = split;
        for (int j = 0; j < n; j++) {
            int abs = bits[j] & 0x7fffffff, c = abs >>> s;
            cells[c]++;
            if (edge[c] != 0) upper[c] += (edge[c] - 1 - abs) >>> 31; // a branch: taken for about one element in a hundred
        }
    }

    /** Adds the cells into {@code hist}, by bin. */
    void fold(int[] cells, int[] upper, double[] hist) {
        for (int r = 0; r < runBin.length; r++) {
            int sum = 0;
            for (int c = runStart[r]; c < runEnd[r]; c++) sum += cells[c];
            hist[runBin[r]] += sum;
        }
        for (int k = 0; k < splitCells.length; k++) { // a split cell's lower bin took its whole count
            int c = splitCells[k];
            hist[splitLower[k]] -= upper[c];
            hist[splitLower[k] + 1] += upper[c];
        }
    }
}
