package org.initlab.stats;

/**
 * {@link Bins} for float elements without a search per element: the same bin as {@link Bins#binner()}
 * for every finite float. A linear scale is one multiply; a log scale looks up the bin of the float's
 * exponent and top seven mantissa bits (a cell narrower than any bin, so at most one bin edge lies in
 * it) and steps past that edge with one comparison. The binary search this replaces was half of
 * training's telemetry time.
 */
final class BinTable {
    private final int count;
    private final boolean linear;
    private final double lo, perUnit;
    private final char[] cellBin; // log scale: the bin of the smallest |x| of each cell
    private final double[] upper; // log scale: |x| where bin b ends; NaN for the last, so no comparison steps past it

    BinTable(Bins bins) {
        count = bins.count();
        linear = bins.scale() == Bins.Scale.LINEAR;
        lo = bins.lo();
        perUnit = count / (bins.hi() - bins.lo());
        // a cell spans |x| by a factor up to 1 + 2^-7: bins narrower than that could hold two edges in one cell
        if (linear || count > Character.MAX_VALUE || (bins.hi() - bins.lo()) / count < 0.004) {
            cellBin = null;
            upper = null;
            return;
        }
        upper = new double[count];
        for (int i = 1; i < count; i++) upper[i - 1] = Math.pow(10, bins.lo() + (bins.hi() - bins.lo()) * i / count);
        upper[count - 1] = Double.NaN;
        Bins.Binner exact = bins.binner();
        cellBin = new char[1 << 15];
        for (int cell = 0; cell < cellBin.length; cell++) {
            float least = Float.intBitsToFloat(cell << 16);
            cellBin[cell] = (char) (Float.isNaN(least) ? count - 1 : exact.bin(least));
        }
    }

    /** Whether {@link #bin} serves these bins (a log scale with bins narrower than a cell does not). */
    boolean fast() {
        return linear || cellBin != null;
    }

    /** The bin of a finite float (NaN must not come here). */
    int bin(float v) {
        if (linear) {
            int b = (int) ((v - lo) * perUnit);
            return b < 0 ? 0 : b >= count ? count - 1 : b;
        }
        int b = cellBin[(Float.floatToRawIntBits(v) & 0x7fffffff) >>> 16];
        return Math.abs(v) >= upper[b] ? b + 1 : b;
    }
}
