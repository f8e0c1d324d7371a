package org.initlab.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Every convolution kernel against {@link ConvReference} (which {@code LayerGradientTest} holds to finite
 * differences): forward, dx, dw and db, and the backward without dx, over strides 1 and 2, padding 0–2,
 * kernels 1, 3 and 5, with and without bias, batches of 1 and more, 1 and several channels.
 * <p>
 * Tolerance: each output is a sum of K products (and a bias). Summed in floating point in any order,
 * with each product rounded, its error is at most γ_{K+1}·Σ|terms|, γ_m = m·u/(1 − m·u), u the unit
 * roundoff (2⁻²⁴ in float, 2⁻⁵³ in double) — Higham, Accuracy and Stability of Numerical Algorithms, §3.1.
 * Σ|terms| is the reference itself run on |x|, |w|, |b|, |g|; the reference sums in double, and its own
 * error, bounded the same way with u = 2⁻⁵³, is added. A wrong index or a dropped term errs by about a
 * whole term, far beyond this bound.
 */
class ConvKernelTest {
    /** batch, in, out, kernel, stride, padding, image size, bias (1) or not. */
    private static final int[][] CONFIGS = {
        {1, 1, 1, 1, 1, 0, 4, 1}, {2, 3, 4, 3, 1, 1, 6, 0}, {3, 2, 5, 5, 2, 2, 9, 1}, {1, 4, 2, 3, 2, 0, 7, 1},
        {2, 1, 8, 5, 1, 2, 8, 0}, {4, 3, 3, 1, 2, 0, 5, 1}, {2, 16, 4, 3, 2, 1, 7, 1}, {3, 1, 8, 5, 2, 2, 28, 1}};

    private record Kernel(String name, DataType type, Supplier<ConvKernel> make) {}

    private static List<Kernel> kernels(int[] cfg, boolean oneDnn) {
        long[] xShape = {cfg[0], cfg[1], cfg[6], cfg[6]}, wShape = {cfg[2], cfg[1], cfg[3], cfg[3]};
        int k = cfg[3], s = cfg[4], p = cfg[5];
        boolean bias = cfg[7] == 1;
        if (oneDnn) return List.of(
            new Kernel("oneDNN", DataType.FLOAT, () -> new OneDnnConv(xShape, wShape, bias, s, p, false, false)),
            new Kernel("weight-only over oneDNN", DataType.FLOAT,
                () -> new WeightGradOnly(new OneDnnConv(xShape, wShape, bias, s, p, false, false), xShape, cfg[2], k, s, p)));
        return List.of(
            new Kernel("reference in double", DataType.DOUBLE, () -> new ConvReference(s, p)),
            new Kernel("reference in float", DataType.FLOAT, () -> new ConvReference(s, p)),
            new Kernel("ND4J in double", DataType.DOUBLE, () -> new Nd4jConv(k, s, p)),
            new Kernel("ND4J in float", DataType.FLOAT, () -> new Nd4jConv(k, s, p)),
            new Kernel("weight-only over ND4J", DataType.FLOAT, () -> new WeightGradOnly(new Nd4jConv(k, s, p), xShape, cfg[2], k, s, p)));
    }

    @Test
    void referenceAndNd4jKernelsMatchTheReference() {
        checkAll(false);
    }

    @Test
    void oneDnnKernelsMatchTheReference() {
        assumeTrue(OneDnn.available(), "oneDNN's natives did not load here");
        checkAll(true);
    }

    private static void checkAll(boolean oneDnn) {
        List<String> bad = new ArrayList<>();
        int seed = 0;
        for (int[] cfg : CONFIGS) {
            Case c = new Case(cfg, seed++);
            for (Kernel k : kernels(cfg, oneDnn)) bad.addAll(c.check(k));
        }
        assertTrue(bad.isEmpty(), bad.size() + " mismatches:\n" + String.join("\n", bad.subList(0, Math.min(10, bad.size()))));
    }

    /** One configuration's inputs in double, the reference's results, and the bounds on each result's error. */
    private static final class Case {
        final int[] cfg;
        final INDArray x, w, b, g, y, dx, dw, db, yAbs, dxAbs, dwAbs, dbAbs;
        final int forwardTerms, dxTerms, dwTerms;

        Case(int[] cfg, long seed) {
            this.cfg = cfg;
            int n = cfg[0], c = cfg[1], o = cfg[2], k = cfg[3], s = cfg[4], p = cfg[5], h = cfg[6], oh = (h + 2 * p - k) / s + 1;
            // float values, so that float and double kernels see the same numbers
            x = FiniteDiff.random(seed, n, c, h, h).castTo(DataType.FLOAT).castTo(DataType.DOUBLE);
            w = FiniteDiff.random(seed + 100, o, c, k, k).castTo(DataType.FLOAT).castTo(DataType.DOUBLE);
            b = cfg[7] == 1 ? FiniteDiff.random(seed + 200, o).castTo(DataType.FLOAT).castTo(DataType.DOUBLE) : null;
            g = FiniteDiff.random(seed + 300, n, o, oh, oh).castTo(DataType.FLOAT).castTo(DataType.DOUBLE);
            ConvReference ref = new ConvReference(s, p);
            y = Nd4j.zeros(DataType.DOUBLE, n, o, oh, oh);
            dx = x.ulike();
            dw = w.ulike();
            db = b == null ? null : b.ulike();
            ref.forward(x, w, b, y);
            ref.backward(x, w, g, dx, dw, db);
            yAbs = y.ulike();
            dxAbs = x.ulike();
            dwAbs = w.ulike();
            dbAbs = b == null ? null : b.ulike();
            ref.forward(abs(x), abs(w), b == null ? null : abs(b), yAbs);
            ref.backward(abs(x), abs(w), abs(g), dxAbs, dwAbs, dbAbs);
            forwardTerms = c * k * k + 1;
            dxTerms = o * k * k;
            dwTerms = n * oh * oh;
        }

        List<String> check(Kernel k) {
            List<String> bad = new ArrayList<>();
            String where = k.name() + " " + Arrays.toString(cfg);
            ConvKernel kernel = k.make().get();
            try {
                INDArray xt = x.castTo(k.type()).dup(), wt = w.castTo(k.type()).dup(), gt = g.castTo(k.type()).dup();
                INDArray bt = b == null ? null : b.castTo(k.type()).dup();
                INDArray yt = Nd4j.createUninitialized(k.type(), y.shape()), dxt = xt.ulike();
                INDArray dwt = wt.ulike(), dbt = bt == null ? null : bt.ulike();
                // the weight-only backward twice (patches taken, then kept), then with new values in the same array, then the full backward
                for (int pass = 0; pass < 4; pass++) {
                    if (pass == 2) xt.muli(-1); // patches of the old images would now be wrong
                    double sign = pass >= 2 ? -1 : 1;
                    kernel.forward(xt, wt, bt, yt);
                    compare(bad, where + " y (pass " + pass + ")", pass >= 2 ? null : y, yAbs, forwardTerms, yt, k.type());
                    boolean withDx = pass == 3;
                    kernel.backward(xt, wt, gt, withDx ? dxt : null, dwt, dbt);
                    compare(bad, where + " dw (pass " + pass + ")", dw.mul(sign), dwAbs, dwTerms, dwt, k.type());
                    if (dbt != null) compare(bad, where + " db (pass " + pass + ")", db, dbAbs, dwTerms, dbt, k.type());
                    if (withDx) compare(bad, where + " dx", dx, dxAbs, dxTerms, dxt, k.type());
                }
            } finally {
                kernel.close();
            }
            return bad;
        }
    }

    /** |actual − expected| ≤ 2·γ_{terms+1}·absSum at every element (γ of this dtype's unit roundoff plus the reference's); null expected: not compared. */
    private static void compare(List<String> bad, String what, INDArray expected, INDArray absSum, int terms, INDArray actual, DataType type) {
        if (expected == null) return;
        double u = type == DataType.FLOAT ? Math.ulp(1f) / 2 : Math.ulp(1.0) / 2, uRef = Math.ulp(1.0) / 2;
        double[] e = expected.ravel().toDoubleVector(), a = actual.castTo(DataType.DOUBLE).ravel().toDoubleVector(), s = absSum.ravel().toDoubleVector();
        for (int i = 0; i < e.length; i++) {
            double tol = (gamma(terms + 1, u) + gamma(terms + 1, uRef)) * s[i] + Double.MIN_NORMAL;
            if (!(Math.abs(a[i] - e[i]) <= tol)) {
                bad.add(what + "[" + i + "]: " + a[i] + ", reference " + e[i] + ", bound " + tol);
                return;
            }
        }
    }

    private static double gamma(int m, double u) {
        return m * u / (1 - m * u);
    }

    private static INDArray abs(INDArray a) {
        return Transforms.abs(a, true);
    }
}
