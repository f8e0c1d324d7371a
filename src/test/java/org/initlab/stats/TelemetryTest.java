package org.initlab.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class TelemetryTest {
    @Test
    void ringKeepsTheNewestRowsInOrder() {
        Ring r = new Ring(3, 2);
        for (int i = 0; i < 7; i++) r.add(new double[] {i, -i});
        assertEquals(3, r.size());
        assertEquals(7, r.added());
        assertArrayEquals(new double[] {4, -4, 5, -5, 6, -6}, r.toArray());
        assertArrayEquals(new double[] {6, -6}, r.rows()[2]);
    }

    @Test
    void telemetryStaysBoundedOverManySteps() {
        Telemetry t = new Telemetry(List.of("Conv2d", "ReLU"), List.of(0), 4, 10);
        long memory = t.memoryDoubles();
        Moments[] act = {t.activationMoments(0), t.activationMoments(1)}, grad = {t.gradientMoments(0), t.gradientMoments(1)};
        var x = Nd4j.createFromArray(new float[] {-1, 0, 0.01f, 2, 30});
        Telemetry.Snapshot early = null;
        for (int step = 0; step < 100_000; step++) {
            t.addLoss(step, 1.0 / (step + 1), 0.5);
            if (step % 7 == 0) {
                for (Moments m : act) m.of(x, true);
                for (Moments m : grad) m.of(x, true);
                t.addModules(step, act, grad, new double[] {step, Double.NaN});
            }
            if (step == 20) early = t.snapshot();
        }
        assertEquals(memory, t.memoryDoubles());
        var s = t.snapshot();
        assertEquals(10, s.loss().length);
        assertEquals(99_999, s.lossSteps()[9]);
        assertEquals(4, s.steps().length);
        assertArrayEquals(new long[] {99_974, 99_981, 99_988, 99_995}, s.steps());
        assertEquals(4, s.modules().get(1).actHist().length);
        assertArrayEquals(new double[] {99_974, 99_981, 99_988, 99_995}, s.modules().get(0).updateRatio());
        assertEquals(0, s.modules().get(1).updateRatio().length); // no weight: no ratio
        assertTrue(s.modules().get(0).weighted());
        // at most 3 records for a chart: every second one, the newest kept
        var few = t.snapshot(3);
        assertArrayEquals(new long[] {99_981, 99_995}, few.steps());
        assertArrayEquals(new double[] {99_981, 99_995}, few.modules().get(0).updateRatio());
        assertEquals(2, few.modules().get(1).gradHist().length);
        assertArrayEquals(s.steps(), t.snapshot(4).steps());
        assertEquals(10, few.loss().length); // the loss is not thinned
        // a snapshot is a copy: later steps do not change it
        assertArrayEquals(new long[] {0, 7, 14}, early.steps());
        assertEquals(11, early.lossSteps()[0]); // capacity 10: steps 11..20 held
        assertEquals(1.0 / 12, early.loss()[0]);
    }

    @Test
    void momentsMatchTensorStatsAndHistogramsCountEveryFiniteValue() {
        float[] v = new float[1000];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < v.length; i++) v[i] = (float) (3 * r.nextGaussian() + 1);
        var x = Nd4j.createFromArray(v).reshape(10, 100);
        Moments m = new Moments(Bins.SIGNED).of(x, true);
        TensorStats ts = TensorStats.of(x);
        assertEquals(ts.mean(), m.mean(), 1e-9);
        assertEquals(ts.std(), m.std(), 1e-9);
        assertEquals(ts.nearZero(), m.nearZero(), 0);
        assertEquals(1000, Arrays.stream(m.histogram()).sum());
        assertFalse(m.nonFinite());
        // a view (a column slice) is read correctly
        Moments col = new Moments(null).of(x.getColumn(3), false);
        assertEquals(x.getColumn(3).dup().meanNumber().doubleValue(), col.mean(), 1e-6);
    }

    @Test
    void fixedBinsPlaceValuesWhereTheDocsSay() {
        Moments relu = new Moments(Bins.RELU).of(Nd4j.createFromArray(0f, 0.2f, 0.3f, 9.99f, 50f, -1f), true);
        double[] h = relu.histogram();
        assertEquals(3, h[0]);  // 0, 0.2 and −1 (below range) in [0, 0.25)
        assertEquals(1, h[1]);  // 0.3
        assertEquals(2, h[39]); // 9.99 and 50 (above range)
        Moments grad = new Moments(Bins.GRADIENT).of(Nd4j.createFromArray(0f, 1e-12f, -1e-3f, 1e-3f, 5f), true);
        double[] g = grad.histogram();
        assertEquals(2, g[0]);  // 0 and 1e−12 below 1e−10
        assertEquals(2, g[28]); // |g| = 1e−3: log10 −3 is the lower edge of bin (−3+10)·4 = 28
        assertEquals(1, g[39]);
        assertTrue(new Moments(null).of(Nd4j.createFromArray(1f, Float.NaN), false).nonFinite());
        assertTrue(new Moments(null).of(Nd4j.createFromArray(1f, Float.POSITIVE_INFINITY), false).nonFinite());
        assertFalse(new Moments(null).of(Nd4j.zeros(DataType.DOUBLE, 3), false).nonFinite());
        // finite elements whose variance is beyond float32: flagged for float tensors only
        Moments big = new Moments(null).of(Nd4j.createFromArray(1e20f, -1e20f), false);
        assertFalse(big.nonFinite());
        assertTrue(big.overflows());
        assertFalse(new Moments(null).of(Nd4j.createFromArray(1e20, -1e20), false).overflows());
        assertFalse(new Moments(null).of(Nd4j.createFromArray(1e18f, -1e18f), false).overflows());
    }

    /**
     * The table-driven binner against the exact one (a binary search over the edges, in double) on
     * every bin edge and its float neighbours, zeros, infinities, and a million floats spread over
     * 40 decades: the same bin for each.
     */
    @Test
    void tableAndCellBinsEqualTheExactBinsForEveryFloatTried() {
        for (Bins bins : List.of(Bins.GRADIENT, Bins.RELU, Bins.SIGNED, new Bins(-3, 2, 7, Bins.Scale.LOG10_ABS),
                new Bins(-10, 0, 400, Bins.Scale.LOG10_ABS), // a table of the cells near its bins only
                new Bins(-100, 100, 25, Bins.Scale.LINEAR), new Bins(-3, 7, 13, Bins.Scale.LINEAR))) { // float with a fraction in c; in double (13/10 a unit)
            BinTable table = new BinTable(bins);
            Bins.Binner exact = bins.binner();
            assertTrue(table.fast());
            assertEquals(bins.scale() == Bins.Scale.LINEAR && bins.count() != 13, table.inFloat(), "float or double: " + bins);
            List<Float> tried = new java.util.ArrayList<>(List.of(0f, -0f, Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY));
            for (double e : bins.edges()) {
                double at = bins.scale() == Bins.Scale.LINEAR ? e : Math.pow(10, e);
                for (float f : new float[] {(float) at, Math.nextUp((float) at), Math.nextDown((float) at)}) {
                    tried.add(f);
                    tried.add(-f);
                }
            }
            java.util.Random r = new java.util.Random(7);
            for (int i = 0; i < 1_000_000; i++) tried.add((float) ((r.nextBoolean() ? 1 : -1) * Math.pow(10, -45 + 85 * r.nextDouble())));
            for (float f : tried) assertEquals(exact.bin(f), table.bin(f), "bins " + bins + ", value " + f);
            int[] all = new int[tried.size()]; // and through the counting loops, four lanes a round
            for (int i = 0; i < all.length; i++) all[i] = Float.floatToRawIntBits(tried.get(i));
            int[] lanes = new int[4 * bins.count()];
            table.count(all, all.length, lanes);
            double[] want = new double[bins.count()], got = new double[bins.count()];
            for (float f : tried) want[exact.bin(f)]++;
            for (int i = 0; i < lanes.length; i++) got[i % bins.count()] += lanes[i];
            assertArrayEquals(want, got, "counted into " + bins);
            BitCells cells = BitCells.of(bins); // and into cells of bits, where the bins allow
            // linear edges on multiples of a power of two (all here but 13 in 10 units) fit whole cells; log bins wider than a cell split one
            assertEquals(bins.count() != 13, cells != null, "cells for " + bins);
            if (cells == null) continue;
            for (int round = 0; round < 2; round++) { // the second time on counts the first left
                int[][] counts = cells.begin();
                cells.count(all, all.length, counts[0], counts[1]);
                Arrays.fill(got, 0);
                cells.fold(counts[0], counts[1], got);
                assertArrayEquals(want, got, "counted by cells into " + bins);
            }
        }
        assertFalse(new BinTable(new Bins(0, 0.001, 10, Bins.Scale.LOG10_ABS)).fast()); // bins narrower than a table cell
        assertNull(BitCells.of(new Bins(0, 0.001, 10, Bins.Scale.LOG10_ABS)), "bins narrower than a cell");
        assertFalse(new BinTable(new Bins(-16777216, 16777216, 33554432, Bins.Scale.LINEAR)).inFloat(), "past 2^24 bins float skips integers");
    }

    /** The fused pass with the table against the exact binner, also with a NaN in the tensor (no bin for it). */
    @Test
    void histogramsOfTheFastPassEqualTheExactOnes() {
        java.util.Random r = new java.util.Random(3);
        float[] v = new float[10_003];
        for (int i = 0; i < v.length; i++) v[i] = (float) (r.nextGaussian() * Math.pow(10, -8 + 8 * r.nextDouble()));
        for (Bins bins : List.of(Bins.GRADIENT, Bins.SIGNED)) {
            for (boolean nan : new boolean[] {false, true}) {
                float[] x = v.clone();
                if (nan) x[5] = Float.NaN;
                double[] got = new Moments(bins).of(Nd4j.createFromArray(x), true).histogram().clone();
                double[] want = new double[bins.count()];
                for (float f : x) if (!Float.isNaN(f)) want[bins.binner().bin(f)]++;
                assertArrayEquals(want, got, bins + (nan ? " with a NaN" : ""));
            }
        }
    }

    /**
     * Tensors large enough to be counted by cells of bits: every edge of the bins and its float
     * neighbours (on a log scale, inside split cells), both zeros, tiny negatives (which the reference's double arithmetic puts beside
     * zero), among normal values over many decades; then a mostly-zero tensor twice (cells count its
     * zeros where the bin table would first move the nonzero elements together: MomentsTest covers that).
     */
    @Test
    void histogramsCountedByCellsEqualTheExactOnes() {
        java.util.Random r = new java.util.Random(11);
        for (Bins bins : List.of(Bins.RELU, Bins.SIGNED, Bins.GRADIENT)) {
            List<Float> special = new java.util.ArrayList<>(List.of(0f, -0f, -1e-30f, -0x1p-50f, Math.nextUp(-0x1p-50f), Math.nextDown(-0x1p-50f),
                Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE));
            for (double e : bins.edges()) {
                double at = bins.scale() == Bins.Scale.LINEAR ? e : Math.pow(10, e);
                for (float f : new float[] {(float) at, Math.nextUp((float) at), Math.nextDown((float) at)}) {
                    special.add(f);
                    special.add(-f);
                }
            }
            float[] dense = new float[40_000], sparse = new float[40_000];
            for (int i = 0; i < dense.length; i++) {
                dense[i] = i < special.size() ? special.get(i) : (float) (r.nextGaussian() * Math.pow(10, -8 + 9.5 * r.nextDouble()));
                sparse[i] = r.nextInt(4) == 0 ? dense[i] : (i % 2 == 0 ? 0f : -0f);
            }
            assertTrue(dense.length >= BitCells.of(bins).cells(), "large enough for cells");
            Moments m = new Moments(bins);
            for (float[] x : List.of(dense, sparse, sparse)) {
                double[] got = m.telemetry(Nd4j.createFromArray(x)).histogram().clone();
                double[] want = new double[bins.count()];
                for (float f : x) want[bins.binner().bin(f)]++;
                assertArrayEquals(want, got, bins + (x == dense ? " dense" : " mostly zeros"));
            }
        }
    }
}
