package org.initlab.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Central finite differences for one layer in double precision: with L = Σ out·r for a fixed random
 * r, every entry of dL/dx and dL/dparam from {@link Layer#backward} is compared with
 * (L(θ+h) − L(θ−h))/2h. Returns the mismatches as sentences (empty when all agree), so a test can
 * assert on them and print what failed.
 */
public final class FiniteDiff {
    public static final double H = 1e-6;

    private FiniteDiff() {}

    public static INDArray random(long seed, long... shape) {
        Random r = new Random(seed);
        INDArray a = Nd4j.zeros(DataType.DOUBLE, shape);
        for (long i = 0; i < a.length(); i++) a.putScalar(i, r.nextGaussian());
        return a;
    }

    public static List<String> check(Layer layer, INDArray x, long seed, double tol) {
        if (x.dataType() != DataType.DOUBLE) throw new IllegalArgumentException("finite differences need double precision");
        List<String> bad = new ArrayList<>();
        INDArray out = layer.forward(x);
        INDArray r = random(seed, out.shape());
        for (Param p : layer.params()) p.zeroGrad();
        INDArray gx = layer.backward(r.dup(), true).dup();
        compare(bad, layer.type() + " dL/dx", gx, layer, x, x, r, tol);
        for (Param p : layer.params()) compare(bad, layer.type() + " dL/d" + p.name(), p.grad().dup(), layer, x, p.value(), r, tol);
        return bad;
    }

    private static void compare(List<String> bad, String what, INDArray analytic, Layer layer, INDArray x, INDArray target, INDArray r, double tol) {
        for (long i = 0; i < target.length(); i++) {
            double v = target.getDouble(i);
            target.putScalar(i, v + H);
            double plus = layer.forward(x).mul(r).sumNumber().doubleValue();
            target.putScalar(i, v - H);
            double minus = layer.forward(x).mul(r).sumNumber().doubleValue();
            target.putScalar(i, v);
            double num = (plus - minus) / (2 * H), a = analytic.getDouble(i);
            if (!(Math.abs(num - a) <= tol * Math.max(1, Math.abs(num))))
                bad.add(what + "[" + i + "]: backward " + a + ", finite difference " + num);
        }
    }
}
