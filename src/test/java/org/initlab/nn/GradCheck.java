package org.initlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Finite-difference check of a layer's backward in double precision: with L = Σ out·w for a fixed
 * random w, dL/dx and dL/dparams from backward must match (L(θ+h) − L(θ−h)) / 2h.
 */
final class GradCheck {
    static final double H = 1e-6, TOL = 1e-6;

    private GradCheck() {}

    /** Values in ±[0.1, 1]: away from ReLU's kink at 0. */
    static INDArray awayFromZero(Random r, long... shape) {
        INDArray a = Nd4j.zeros(DataType.DOUBLE, shape);
        for (long i = 0; i < a.length(); i++) a.putScalar(i, (r.nextBoolean() ? 1 : -1) * (0.1 + 0.9 * r.nextDouble()));
        return a;
    }

    static void check(Layer layer, INDArray x, long seed) {
        Random r = new Random(seed);
        INDArray out = layer.forward(x);
        INDArray w = Nd4j.rand(DataType.DOUBLE, out.shape()).subi(0.5);
        for (Param p : layer.params()) p.zeroGrad();
        INDArray gx = layer.backward(w.dup(), true);
        for (long i = 0; i < x.length(); i++) {
            double num = numeric(layer, x, x, i, w);
            assertEquals(num, gx.getDouble(i), TOL * Math.max(1, Math.abs(num)), layer.type() + " dL/dx[" + i + "]");
        }
        for (Param p : layer.params()) {
            INDArray analytic = p.grad().dup();
            for (long i = 0; i < p.value().length(); i++) {
                double num = numeric(layer, x, p.value(), i, w);
                assertEquals(num, analytic.getDouble(i), TOL * Math.max(1, Math.abs(num)), layer.type() + " dL/d" + p.name() + "[" + i + "]");
            }
        }
    }

    private static double numeric(Layer layer, INDArray x, INDArray target, long i, INDArray w) {
        double v = target.getDouble(i);
        target.putScalar(i, v + H);
        double plus = layer.forward(x).mul(w).sumNumber().doubleValue();
        target.putScalar(i, v - H);
        double minus = layer.forward(x).mul(w).sumNumber().doubleValue();
        target.putScalar(i, v);
        return (plus - minus) / (2 * H);
    }
}
