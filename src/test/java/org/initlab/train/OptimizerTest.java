package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.initlab.nn.Param;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class OptimizerTest {
    private static Param param(DataType t, double... w) {
        return new Param("w", Nd4j.createFromArray(w).castTo(t), Nd4j.zeros(t, w.length));
    }

    private static double[] values(Param p) {
        return p.value().castTo(DataType.DOUBLE).toDoubleVector();
    }

    @Test
    void sgdFirstStepWithWeightDecay() {
        Param p = param(DataType.DOUBLE, 1, 2);
        p.grad().assign(Nd4j.createFromArray(0.5, -1.0));
        new Sgd(0.1, 0, 0.01).step(List.of(p));
        // g' = g + 0.01·w = [0.51, −0.98]; w − 0.1·g'
        assertArrayEquals(new double[] {0.949, 2.098}, values(p), 1e-12);
    }

    @Test
    void momentumSecondStepUsesTheBuffer() {
        Param p = param(DataType.DOUBLE, 1, -1);
        Optimizer o = OptimizerSpec.of(OptimizerSpec.Kind.MOMENTUM, 0.1, 0).build();
        p.grad().assign(Nd4j.createFromArray(1.0, 2.0));
        o.step(List.of(p)); // b = g1 = [1, 2]; w = [0.9, −1.2]
        p.grad().assign(Nd4j.createFromArray(-1.0, 0.5));
        o.step(List.of(p)); // b = 0.9·[1, 2] + [−1, 0.5] = [−0.1, 2.3]; w = [0.91, −1.43]
        assertArrayEquals(new double[] {0.91, -1.43}, values(p), 1e-12);
    }

    @Test
    void adamMatchesTheTextbookFormulaOverThreeSteps() {
        adamAgainstTheFormula(DataType.DOUBLE, 1e-12);
    }

    /**
     * The float path (one Java loop) against the same formula in double: w near 1 holds about 6e-8 of
     * float rounding per operation, and a step takes about ten, so 2e-6 over three steps.
     */
    @Test
    void adamsFloatPathMatchesTheFormulaToFloatPrecision() {
        adamAgainstTheFormula(DataType.FLOAT, 2e-6);
    }

    private static void adamAgainstTheFormula(DataType type, double tolerance) {
        double lr = 0.01, b1 = 0.9, b2 = 0.999, eps = 1e-8, wd = 0.1;
        double[] w = {0.5, -0.3, 2}, m = new double[3], v = new double[3];
        double[][] grads = {{0.2, -1, 3e-4}, {-0.1, 0.5, 1e-3}, {0.3, 0.3, -2}};
        Param p = param(type, w.clone());
        Optimizer adam = new Adam(lr, b1, b2, eps, wd);
        for (int t = 1; t <= grads.length; t++) {
            p.grad().assign(Nd4j.createFromArray(grads[t - 1]).castTo(type));
            adam.step(List.of(p));
            for (int i = 0; i < 3; i++) { // PyTorch's Adam, written out
                double g = grads[t - 1][i] + wd * w[i];
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double mhat = m[i] / (1 - Math.pow(b1, t)), vhat = v[i] / (1 - Math.pow(b2, t));
                w[i] -= lr * mhat / (Math.sqrt(vhat) + eps);
            }
            assertArrayEquals(w, values(p), tolerance, type + " step " + t);
        }
    }

    /** Least squares ½·mean((Xw − y)²) in float, as training runs: every optimizer must bring it down. */
    @Test
    void everyOptimizerFitsALinearRegression() {
        Random r = new Random(3);
        int n = 64, d = 5;
        double[][] x = new double[n][d];
        double[] truth = {1, -2, 0.5, 3, -1}, y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) x[i][j] = r.nextGaussian();
            for (int j = 0; j < d; j++) y[i] += x[i][j] * truth[j];
        }
        INDArray X = Nd4j.createFromArray(x).castTo(DataType.FLOAT), Y = Nd4j.createFromArray(y).castTo(DataType.FLOAT).reshape(n, 1);
        for (OptimizerSpec spec : List.of(OptimizerSpec.of(OptimizerSpec.Kind.SGD, 0.1, 0),
                                          OptimizerSpec.of(OptimizerSpec.Kind.MOMENTUM, 0.05, 0),
                                          OptimizerSpec.of(OptimizerSpec.Kind.ADAM, 0.05, 0))) {
            Param w = new Param("w", Nd4j.zeros(DataType.FLOAT, d, 1), Nd4j.zeros(DataType.FLOAT, d, 1));
            Optimizer o = spec.build();
            double first = 0, last = 0;
            for (int step = 0; step < 300; step++) {
                INDArray err = X.mmul(w.value()).subi(Y);
                last = err.mul(err).meanNumber().doubleValue() / 2;
                if (step == 0) first = last;
                w.zeroGrad();
                w.grad().addi(X.transpose().mmul(err).divi(n));
                o.step(List.of(w));
            }
            assertTrue(last < 1e-3 * first, spec + ": loss " + first + " → " + last);
            assertArrayEquals(truth, w.value().castTo(DataType.DOUBLE).toDoubleVector(), 0.05, spec.toString());
        }
    }

    @Test
    void badSettingsAreRejectedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> OptimizerSpec.of(OptimizerSpec.Kind.ADAM, -1, 0));
        assertTrue(e.getMessage().startsWith("lr "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OptimizerSpec.of(OptimizerSpec.Kind.SGD, 0.1, Double.NaN));
        assertTrue(e.getMessage().startsWith("weight_decay "), e.getMessage());
    }
}
