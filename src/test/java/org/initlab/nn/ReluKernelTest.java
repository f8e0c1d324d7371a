package org.initlab.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every ReLU-family kernel against {@link ReluReference} (which {@code LayerGradientTest} holds to finite
 * differences), for ReLU, LeakyReLU and GeneralReLU, on random values and the edges: ±0, NaN of either
 * sign, ±∞, the smallest and largest floats.
 * <p>
 * Tolerance, with u = 2⁻²⁴ in float and 2⁻⁵³ in double: forward, each result is at most two rounded
 * operations (leak·x, then − sub), each off by at most u relative, so |actual − reference| ≤
 * 2u·(|leak·x| + |sub|). Backward, dx = slope·g with slope 1 or leak; ND4J forms leak as (leak − 1) + 1
 * in the array's type: rounding leak − 1 is off by at most u·(1 − leak), the addition is exact (Sterbenz,
 * for 0 ≤ leak ≤ 1/2) and the product adds u·leak·|g|, so |actual − reference| ≤ u·|g|. NaN must meet
 * NaN, infinities must be equal.
 */
class ReluKernelTest {
    private record Variant(String name, double leak, double sub, double maxv) {}

    private static final List<Variant> VARIANTS = List.of(new Variant("ReLU", 0, 0, Double.NaN), new Variant("LeakyReLU", 0.1, 0, Double.NaN),
        new Variant("GeneralReLU", 0.1, 0.4, 2.0),
        new Variant("GeneralReLU", 0.1, 0.4, 0.7)); // 0.7 is not a float: the clamp must compare with the float it clamped to

    /** Random values (some beyond maxv) followed by the edges. */
    private static INDArray input(DataType type) {
        float[] edges = {0f, -0f, Float.NaN, Float.intBitsToFloat(0xffc00000), Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 2.4f, 2.5f};
        INDArray random = FiniteDiff.random(5, 3, 40).muli(3).castTo(DataType.FLOAT).ravel();
        return Nd4j.concat(0, random, Nd4j.createFromArray(edges)).reshape(2, 66).castTo(type);
    }

    @Test
    void referenceAndNd4jKernelsMatchTheReference() {
        List<String> bad = new ArrayList<>();
        for (Variant v : VARIANTS)
            for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE})
                bad.addAll(check(v, type, "ND4J", () -> new Nd4jRelu(v.leak, v.sub, v.maxv)));
        assertTrue(bad.isEmpty(), bad.size() + " mismatches:\n" + String.join("\n", bad));
    }

    @Test
    void oneDnnKernelsMatchTheReference() {
        assumeTrue(OneDnn.available(), "oneDNN's natives did not load here");
        List<String> bad = new ArrayList<>();
        for (Variant v : VARIANTS.subList(0, 2)) // oneDNN has no GeneralReLU
            bad.addAll(check(v, DataType.FLOAT, "oneDNN", () -> new OneDnnRelu(input(DataType.FLOAT).length(), (float) v.leak)));
        assertTrue(bad.isEmpty(), bad.size() + " mismatches:\n" + String.join("\n", bad));
    }

    private static List<String> check(Variant v, DataType type, String name, Supplier<ReluKernel> make) {
        List<String> bad = new ArrayList<>();
        INDArray x = input(type), g = FiniteDiff.random(6, x.shape()).castTo(DataType.FLOAT).castTo(type);
        g.putScalar(0, Double.NaN);
        INDArray y = x.ulike(), dx = x.ulike(), yk = x.ulike(), dxk = x.ulike();
        ReluReference ref = new ReluReference(v.leak, v.sub, v.maxv);
        ref.forward(x, y);
        ref.backward(x, y, g, dx);
        try (ReluKernel k = make.get()) {
            k.forward(x, yk);
            k.backward(x, yk, g, dxk);
        }
        double u = type == DataType.FLOAT ? Math.ulp(1f) / 2 : Math.ulp(1.0) / 2;
        double[] xs = x.castTo(DataType.DOUBLE).ravel().toDoubleVector(), gs = g.castTo(DataType.DOUBLE).ravel().toDoubleVector();
        String where = name + " " + v.name + " in " + type;
        compare(bad, where + " y", y, yk, i -> 2 * u * ((v.leak == 0 ? 0 : Math.abs(v.leak * xs[i])) + Math.abs(v.sub)));
        compare(bad, where + " dx", dx, dxk, i -> u * Math.abs(gs[i]));
        return bad;
    }

    private static void compare(List<String> bad, String what, INDArray expected, INDArray actual, java.util.function.IntToDoubleFunction tol) {
        double[] e = expected.castTo(DataType.DOUBLE).ravel().toDoubleVector(), a = actual.castTo(DataType.DOUBLE).ravel().toDoubleVector();
        for (int i = 0; i < e.length; i++) {
            boolean same = Double.isNaN(e[i]) ? Double.isNaN(a[i]) : Double.isInfinite(e[i]) ? a[i] == e[i] : Math.abs(a[i] - e[i]) <= tol.applyAsDouble(i);
            if (!same) bad.add(what + "[" + i + "]: " + a[i] + ", reference " + e[i]);
        }
    }
}
