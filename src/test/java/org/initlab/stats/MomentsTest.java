package org.initlab.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The chunked, vectorized passes of {@link Moments} against its reference pass in doubles ({@code exact}):
 * lengths around the chunk (1024) and past the point where float lanes move to doubles (32 chunks),
 * dense and mostly-zero tensors (the second call of a module takes the zero-skipping histogram), and a
 * large common offset, where summing without the shift would cancel.
 */
class MomentsTest {
    /**
     * Each float lane adds at most 32 terms before its total moves to a double, so a lane's rounding is
     * below 32·2⁻²⁴ ≈ 2e-6 of the sum of the |terms|; that bounds the mean's error by 2e-6·E|x − x₀| and
     * the variance's by 2e-6·E(x − x₀)², which stays within a few variances while the first element x₀
     * lies a few std from the mean (true of every case here; x₀ far out in the tail would loosen it):
     * 1e-5 of the std (plus the offset's share for the mean) leaves room without hiding a wrong formula.
     */
    private static final double REL = 1e-5;

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 1023, 1024, 1025, 40_000, 70_001})
    void chunkedPassesEqualTheReferencePass(int n) {
        Random r = new Random(n);
        for (String kind : new String[] {"gaussian", "relu", "offset", "gradient"}) {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                double g = r.nextGaussian();
                v[i] = (float) switch (kind) {
                    case "gaussian" -> 2 * g - 0.5;
                    case "relu" -> Math.max(0, g);
                    case "offset" -> 1000 + g;
                    default -> r.nextBoolean() ? 0 : g * 1e-4;
                };
            }
            Bins bins = kind.equals("gradient") ? Bins.GRADIENT : kind.equals("relu") ? Bins.RELU : Bins.SIGNED;
            Moments want = new Moments(bins);
            want.exact(v, n, true);
            var x = Nd4j.createFromArray(v);
            Moments fast = new Moments(bins);
            for (int call = 0; call < 2; call++) { // the second call of a mostly-zero tensor skips its zeros
                String what = kind + ", n " + n + ", call " + call;
                fast.of(x, true);
                assertClose(want, fast, what);
                assertEquals(want.min(), fast.min(), 0, what);
                assertEquals(want.max(), fast.max(), 0, what);
                assertEquals(want.nearZero(), fast.nearZero(), 0, what);
                assertArrayEquals(want.histogram(), fast.histogram(), what);
                fast.telemetry(x);
                assertClose(want, fast, what);
                assertEquals(want.nearZero(), fast.nearZero(), 0, what);
                assertArrayEquals(want.histogram(), fast.histogram(), what);
                assertTrue(Double.isNaN(fast.min()) && Double.isNaN(fast.max()), what);
                fast.moments(x);
                assertClose(want, fast, what);
                assertTrue(Double.isNaN(fast.nearZero()), what);
            }
        }
    }

    /** A row of a matrix is dense but starts past the buffer's first element: both views (floats and bits) must start there. */
    @org.junit.jupiter.api.Test
    void aViewIsReadFromItsOffset() {
        int rows = 4, cols = 3000;
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) v[i] = i < 2 * cols || i >= 3 * cols ? 0 : (i % 11) - 5f;
        var row = Nd4j.createFromArray(v).reshape(rows, cols).getRow(2);
        Moments want = new Moments(Bins.SIGNED);
        want.exact(java.util.Arrays.copyOfRange(v, 2 * cols, 3 * cols), cols, true);
        Moments got = new Moments(Bins.SIGNED).of(row, true);
        assertClose(want, got, "row 2");
        assertEquals(want.nearZero(), got.nearZero(), 0);
        assertArrayEquals(want.histogram(), got.histogram());
    }

    @ParameterizedTest
    @ValueSource(floats = {Float.NaN, Float.POSITIVE_INFINITY})
    void aNonFiniteElementTakesTheReferencePass(float bad) {
        float[] v = new float[5000];
        for (int i = 0; i < v.length; i++) v[i] = i % 7 - 3;
        v[4321] = bad;
        Moments m = new Moments(Bins.SIGNED).of(Nd4j.createFromArray(v), true);
        assertTrue(m.nonFinite());
        assertEquals(Float.isNaN(bad), Double.isNaN(m.min()));
        assertEquals(Float.isNaN(bad) ? 4999 : 5000, java.util.Arrays.stream(m.histogram()).sum()); // a NaN is in no bin
        // a NaN with every bit set, in the fourth lane, on log bins: counted in no bin, and no index past the lanes
        float[] g = new float[4096];
        for (int i = 0; i < g.length; i++) g[i] = (float) Math.pow(10, -12 + 13.0 * i / g.length) * (i % 2 == 0 ? 1 : -1);
        g[4095] = Float.intBitsToFloat(0xffffffff);
        Moments logBins = new Moments(Bins.GRADIENT).of(Nd4j.createFromArray(g), true);
        assertEquals(4095, java.util.Arrays.stream(logBins.histogram()).sum());
        // huge but finite: the float lanes overflow, the reference pass tells it from NaN/Inf
        float[] big = {3e19f, -3e19f, 1f};
        Moments b = new Moments(null).moments(Nd4j.createFromArray(big));
        assertFalse(b.nonFinite());
        assertTrue(b.overflows());
    }

    /** Log bins narrower than the table's cells: the histogram comes from the exact binner instead. */
    @org.junit.jupiter.api.Test
    void binsTheTableCannotServeAreCountedExactly() {
        Bins narrow = new Bins(0, 0.001, 10, Bins.Scale.LOG10_ABS);
        float[] v = new float[3000];
        for (int i = 0; i < v.length; i++) v[i] = (float) Math.pow(10, -0.0005 + 0.002 * i / v.length);
        Moments want = new Moments(narrow);
        want.exact(v, v.length, true);
        assertArrayEquals(want.histogram(), new Moments(narrow).telemetry(Nd4j.createFromArray(v)).histogram());
    }

    private static void assertClose(Moments want, Moments got, String what) {
        assertEquals(want.count(), got.count(), what);
        double scale = want.std() + Math.abs(want.mean()) * 1e-2; // the offset case: x₀ carries most of the mean
        assertEquals(want.mean(), got.mean(), REL * Math.max(scale, 1e-30), what + ": mean");
        assertEquals(want.std(), got.std(), REL * Math.max(want.std(), 1e-30), what + ": std");
        assertFalse(got.nonFinite(), what);
    }
}
