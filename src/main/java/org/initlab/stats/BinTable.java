package org.initlab.stats;

/**
 * {@link Bins} for float elements without a search per element: the same bin as {@link Bins#binner()}
 * for every finite float. Serves tensors smaller than {@link BitCells}' cells (summing those would
 * cost more than the elements) and bins that do not fit cells. A linear scale is one multiply (in
 * float where that can only err one bin upward, then one comparison with the bin's least float steps
 * back); a log scale looks up the bin of the float's exponent and top mantissa bits (a cell narrower
 * than any bin, so at most one bin edge lies in it) and steps past that edge with one comparison.
 */
final class BinTable {
    private final int count;
    private final boolean linear;
    private final double lo, perUnit;
    // linear scale in float: bin ≈ x·k + c, exact but for rounding up to the next integer, which
    // x < least[bin] undoes; null where k or c is not exact in float
    private final float k, c;
    private final float[] least;
    private final int shift, firstCell; // log scale: a cell is |x|'s bits >>> shift; the table starts at firstCell
    private final boolean clamp; // log scale: the table holds only the cells near the bins
    // log scale, per cell: the bin b of its smallest |x| (high half) and the bits of the least float |x|
    // past b's end (low half; none past the last bin), so one load serves both
    private final long[] cellBin;

    BinTable(Bins bins) {
        count = bins.count();
        linear = bins.scale() == Bins.Scale.LINEAR;
        lo = bins.lo();
        perUnit = count / (bins.hi() - bins.lo());
        k = (float) perUnit;
        c = (float) (-lo * perUnit);
        least = linear && floatExact(perUnit, -lo * perUnit, count) ? leastOfEachBin(bins) : null;
        // a cell of m mantissa bits spans |x| by a factor up to 1 + 2^-m, which must stay below a bin's factor
        double binFactor = Math.pow(10, (bins.hi() - bins.lo()) / count);
        int m = 0;
        while (m < 7 && 1 + Math.pow(2, -m) >= binFactor) m++;
        if (linear || 1 + Math.pow(2, -m) >= binFactor) {
            shift = firstCell = 0;
            clamp = false;
            cellBin = null;
            return;
        }
        int[] upperBits = new int[count];
        for (int i = 1; i < count; i++) {
            double edge = Math.pow(10, bins.lo() + (bins.hi() - bins.lo()) * i / count);
            float least = (float) edge; // positive floats order as their bits do, so the step below is an integer comparison
            upperBits[i - 1] = Float.floatToRawIntBits(least < edge ? Math.nextUp(least) : least);
        }
        upperBits[count - 1] = Integer.MAX_VALUE;
        // every cell while that table is small (a 64 KB one did not stay in the first-level cache), else
        // only those between the first and last bins' edges, the ones outside taking the end bins (clamped)
        shift = 23 - m;
        boolean whole = m <= 4;
        firstCell = whole ? 0 : Math.max(0, cell(Math.pow(10, bins.lo())) - 1);
        int lastCell = whole ? 0x7fffffff >>> shift : Math.min(0x7f800000 >>> shift, cell(Math.pow(10, bins.hi())) + 1);
        Bins.Binner exact = bins.binner();
        cellBin = new long[lastCell - firstCell + 1];
        for (int c = 0; c < cellBin.length; c++) {
            float least = Float.intBitsToFloat((firstCell + c) << shift);
            int b = Float.isNaN(least) ? count - 1 : exact.bin(least);
            cellBin[c] = (long) b << 32 | upperBits[b];
        }
        clamp = !whole;
    }

    /**
     * Whether fl(x·k + c) in float can differ from the reference's (x − lo)·k in double only by rounding
     * up to an integer the exact value falls short of: k a power of two (x·k exact) and c a float, so
     * both round the same real number, float more coarsely, and every bin index a float (at most 2²⁴
     * bins), so float's rounding cannot fall to the integer below.
     */
    private static boolean floatExact(double k, double c, int count) {
        return k > 0 && k == (float) k && k == Math.scalb(1.0, Math.getExponent(k)) && c == (float) c && count <= 1 << 24;
    }

    /** For each bin, the least float the reference puts in it or above (−∞ for the first): a bisection over the floats in order. */
    private static float[] leastOfEachBin(Bins bins) {
        Bins.Binner exact = bins.binner();
        float[] least = new float[bins.count()];
        least[0] = Float.NEGATIVE_INFINITY;
        for (int b = 1; b < least.length; b++) {
            long lo = ordered(-Float.MAX_VALUE), hi = ordered(Float.MAX_VALUE); // bin(lo) < b ≤ bin(hi)
            while (hi - lo > 1) {
                long mid = (lo + hi) >> 1;
                if (exact.bin(fromOrdered(mid)) >= b) hi = mid;
                else lo = mid;
            }
            least[b] = fromOrdered(hi);
        }
        return least;
    }

    /** The floats' order as ints: a negative float's bits count down as it grows. */
    private static long ordered(float f) {
        int bits = Float.floatToRawIntBits(f);
        return bits >= 0 ? bits : (long) (bits ^ 0x7fffffff);
    }

    private static float fromOrdered(long key) {
        int bits = (int) key;
        return Float.intBitsToFloat(bits >= 0 ? bits : bits ^ 0x7fffffff);
    }

    private int cell(double v) {
        return (Float.floatToRawIntBits((float) Math.min(v, Float.MAX_VALUE)) & 0x7fffffff) >>> shift;
    }

    /** Whether linear bins are computed in float (else in double, as the reference). */
    boolean inFloat() {
        return least != null;
    }

    /** Whether {@link #bin} serves these bins (a log scale with bins narrower than a cell does not). */
    boolean fast() {
        return linear || cellBin != null;
    }

    /**
     * Adds the bins of the floats whose raw bits are {@code v[0..n)} to four histograms of {@code count}
     * bins side by side in {@code lanes}, one element each a round, so no increment waits on the one before. One loop per
     * scale with its constants in locals: with the scale tested inside the loop, the JIT speculates on
     * the scale of the first tensors it sees and sends the others back to the interpreter.
     */
    void count(int[] v, int n, int[] lanes) {
        if (least != null) countLinear(v, n, lanes, count, k, c, least);
        else if (linear) countLinear(v, n, lanes, count, lo, perUnit);
        else if (clamp) for (int j = 0; j < n; j++) lanes[bin(Float.intBitsToFloat(v[j]))]++; // tables this wide serve tiny bins, a rare choice
        else countLog(v, n, lanes, count, cellBin, shift);
    }

    private static void countLinear(int[] v, int n, int[] lanes, int count, double lo, double perUnit) {
        final int last = count - 1, b1 = count, b2 = 2 * count, b3 = 3 * count;
        int j = 0;
        for (; j + 3 < n; j += 4) { // a NaN converts to bin 0; a non-finite tensor is counted again exactly
            lanes[doubleBin(Float.intBitsToFloat(v[j]), lo, perUnit, last)]++;
            lanes[b1 + doubleBin(Float.intBitsToFloat(v[j + 1]), lo, perUnit, last)]++;
            lanes[b2 + doubleBin(Float.intBitsToFloat(v[j + 2]), lo, perUnit, last)]++;
            lanes[b3 + doubleBin(Float.intBitsToFloat(v[j + 3]), lo, perUnit, last)]++;
        }
        for (; j < n; j++) lanes[doubleBin(Float.intBitsToFloat(v[j]), lo, perUnit, last)]++;
    }

    private static int doubleBin(float x, double lo, double perUnit, int last) {
        return Math.min(last, Math.max(0, (int) ((x - lo) * perUnit)));
    }

    private static void countLinear(int[] v, int n, int[] lanes, int count, float k, float c, float[] least) {
        final int last = count - 1, b1 = count, b2 = 2 * count, b3 = 3 * count;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            lanes[linearBin(Float.intBitsToFloat(v[j]), k, c, last, least)]++;
            lanes[b1 + linearBin(Float.intBitsToFloat(v[j + 1]), k, c, last, least)]++;
            lanes[b2 + linearBin(Float.intBitsToFloat(v[j + 2]), k, c, last, least)]++;
            lanes[b3 + linearBin(Float.intBitsToFloat(v[j + 3]), k, c, last, least)]++;
        }
        for (; j < n; j++) lanes[linearBin(Float.intBitsToFloat(v[j]), k, c, last, least)]++;
    }

    /** {@link #bin} on a linear scale in float (a NaN converts to bin 0; a non-finite tensor is counted again exactly). */
    private static int linearBin(float x, float k, float c, int last, float[] least) {
        int b = Math.min(last, Math.max(0, (int) (x * k + c)));
        return b - (x < least[b] ? 1 : 0);
    }

    private static void countLog(int[] v, int n, int[] lanes, int count, long[] cells, int shift) {
        final int b1 = count, b2 = 2 * count, b3 = 3 * count;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            lanes[logBin(cells, shift, v[j])]++;
            lanes[b1 + logBin(cells, shift, v[j + 1])]++;
            lanes[b2 + logBin(cells, shift, v[j + 2])]++;
            lanes[b3 + logBin(cells, shift, v[j + 3])]++;
        }
        for (; j < n; j++) lanes[logBin(cells, shift, v[j])]++;
    }

    /** {@link #bin} on a log scale whose table holds every cell. */
    private static int logBin(long[] cells, int shift, int bits) {
        int abs = Math.min(bits & 0x7fffffff, 0x7f800000);
        long binAndUpper = cells[abs >>> shift];
        return (int) (binAndUpper >>> 32) + (((int) binAndUpper - 1 - abs) >>> 31);
    }

    /**
     * The bin of a finite float (a NaN gets some bin). Without branches: the elements of a tensor fall
     * left and right of an edge at random, and a mispredicted branch costs more than the lookup.
     */
    int bin(float v) {
        if (least != null) return linearBin(v, k, c, count - 1, least);
        if (linear) return doubleBin(v, lo, perUnit, count - 1);
        int abs = Math.min(Float.floatToRawIntBits(v) & 0x7fffffff, 0x7f800000); // a NaN counts as ∞: no step past the last bin
        int cell = abs >>> shift;
        long binAndUpper = cellBin[clamp ? Math.min(cellBin.length - 1, Math.max(0, cell - firstCell)) : cell];
        return (int) (binAndUpper >>> 32) + (((int) binAndUpper - 1 - abs) >>> 31); // + 1 where abs reaches the next bin
    }
}
