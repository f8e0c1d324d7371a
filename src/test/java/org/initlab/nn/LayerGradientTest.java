package org.initlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.initlab.init.InitSpec;
import org.initlab.init.Initializer;
import org.initlab.init.Scheme;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Every layer's backward against finite differences, plus forward semantics against plain loops. */
class LayerGradientTest {
    private final Random r = new Random(42);

    private static void randomize(Layer l, long seed) {
        Random r = new Random(seed);
        for (Param p : l.params())
            for (long i = 0; i < p.value().length(); i++) p.value().putScalar(i, r.nextGaussian() * 0.5);
    }

    @Test
    void conv2dWithStridePaddingAndBias() {
        Layer conv = new Conv2d(3, 4, 3, 2, 1, true, DataType.DOUBLE);
        randomize(conv, 1);
        GradCheck.check(conv, GradCheck.awayFromZero(r, 2, 3, 7, 7), 1);
    }

    @Test
    void conv2dWithoutBias() {
        Layer conv = new Conv2d(2, 3, 5, 1, 2, false, DataType.DOUBLE);
        randomize(conv, 2);
        GradCheck.check(conv, GradCheck.awayFromZero(r, 2, 2, 6, 6), 2);
    }

    @Test
    void linear() {
        Layer lin = new Linear(6, 4, true, DataType.DOUBLE);
        randomize(lin, 3);
        GradCheck.check(lin, GradCheck.awayFromZero(r, 5, 6), 3);
    }

    @Test
    void reluFamily() {
        GradCheck.check(Relu.relu(), GradCheck.awayFromZero(r, 3, 2, 4, 4), 4);
        GradCheck.check(Relu.leaky(0.1), GradCheck.awayFromZero(r, 3, 10), 5);
        // maxv 0.5 clamps some of the values in ±[0.1, 1] − 0.4: the clamped ones must get no gradient
        GradCheck.check(Relu.general(0.1, 0.4, 0.45), GradCheck.awayFromZero(r, 4, 10), 6);
    }

    @Test
    void pools() {
        GradCheck.check(new Pool2d(true, 2, 2, 0), GradCheck.awayFromZero(r, 2, 3, 6, 6), 7);
        GradCheck.check(new Pool2d(false, 3, 2, 1), GradCheck.awayFromZero(r, 2, 2, 5, 5), 8);
        GradCheck.check(new GlobalAvgPool(), GradCheck.awayFromZero(r, 2, 3, 4, 5), 9);
        GradCheck.check(new Flatten(), GradCheck.awayFromZero(r, 2, 3, 2, 2), 10);
    }

    @Test
    void wholeSequentialAgainstFiniteDifferencesOfTheLoss() {
        ModelSpec spec = new ModelSpec("tiny", java.util.List.of(
            new LayerSpec.Conv2d(3, 3, 2, 1), new LayerSpec.ReLU(), new LayerSpec.Conv2d(2, 3, 1, 0),
            new LayerSpec.AdaptiveAvgPool2d(), new LayerSpec.Flatten(), new LayerSpec.Linear(4)), new long[] {1, 8, 8}, "cross-entropy");
        Sequential m = spec.build(DataType.DOUBLE);
        Initializer.init(m, InitSpec.of(Scheme.PYTORCH_DEFAULT), 7);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 3, 1, 8, 8);
        INDArray y = Nd4j.createFromArray(0.0, 3.0, 1.0);
        Loss loss = spec.lossFunction();
        m.zeroGrad();
        INDArray[] outs = m.forward(x);
        m.backward(loss.grad(outs[outs.length - 1], y));
        Param w = m.layers().get(0).params().get(0);
        INDArray analytic = w.grad().dup();
        for (long i = 0; i < w.value().length(); i++) {
            double v = w.value().getDouble(i), h = 1e-6;
            w.value().putScalar(i, v + h);
            double plus = loss.value(last(m.forward(x)), y);
            w.value().putScalar(i, v - h);
            double minus = loss.value(last(m.forward(x)), y);
            w.value().putScalar(i, v);
            assertEquals((plus - minus) / (2 * h), analytic.getDouble(i), 1e-7, "dL/dw0[" + i + "]");
        }
    }

    @Test
    void mseLossGradient() {
        INDArray out = Nd4j.createFromArray(1.0, 2.0, 4.0).reshape(3, 1);
        INDArray y = Nd4j.createFromArray(0.0, 2.0, 1.0);
        assertEquals((1 + 0 + 9) / 3.0, Loss.MSE.value(out, y), 1e-12);
        assertArrayEquals(new double[] {2 / 3.0, 0, 2.0}, Loss.MSE.grad(out, y).toDoubleVector(), 1e-12);
    }

    /** The step writes the loss's gradient into an array it keeps: the same numbers, in that array. */
    @Test
    void lossGradientsWriteIntoAKeptArray() {
        INDArray out = Nd4j.createFromArray(1f, 2f, 4f).reshape(3, 1), y = Nd4j.createFromArray(0f, 2f, 1f);
        Reused kept = new Reused();
        INDArray into = Loss.MSE.grad(out, y, kept);
        assertSame(into, Loss.MSE.grad(out, y, kept));
        assertArrayEquals(Loss.MSE.grad(out, y).toFloatVector(), into.toFloatVector(), 0f);
        INDArray logits = Nd4j.createFromArray(new float[][] {{1, 2, 3}, {0, -1, 5}}), labels = Nd4j.createFromArray(2f, 0f);
        Reused keptLogits = new Reused();
        INDArray g = Loss.CROSS_ENTROPY.grad(logits, labels, keptLogits);
        assertSame(g, Loss.CROSS_ENTROPY.grad(logits, labels, keptLogits));
        assertArrayEquals(Floats.read(Loss.CROSS_ENTROPY.grad(logits, labels), null), Floats.read(g, null), 0f);
        assertNotSame(into, Loss.MSE.grad(Nd4j.createFromArray(1f, 2f).reshape(2, 1), Nd4j.createFromArray(0f, 0f), kept), "another shape gets its own array");
    }

    @Test
    void firstLayerSkipsTheInputGradient() {
        Layer conv = new Conv2d(1, 2, 3, 1, 0, true, DataType.DOUBLE);
        conv.forward(Nd4j.rand(DataType.DOUBLE, 1, 1, 4, 4));
        assertNull(conv.backward(Nd4j.rand(DataType.DOUBLE, 1, 2, 2, 2), false));
    }

    /** Without parameter gradients the first layer's backward is skipped; every output-gradient is the same. */
    @Test
    void withoutParameterGradientsTheFirstLayerIsSkipped() {
        Sequential m = Models.seed4().build(DataType.FLOAT);
        Initializer.init(m, InitSpec.of(Scheme.PYTORCH_DEFAULT), 3);
        INDArray x = Nd4j.randn(DataType.FLOAT, 4, 1, 28, 28), y = Nd4j.createFromArray(1f, 7f, 0f, 3f);
        Loss loss = Loss.MSE;
        INDArray[][] grads = new INDArray[2][];
        INDArray[] w0 = new INDArray[2], w2 = new INDArray[2];
        for (int k = 0; k < 2; k++) {
            m.zeroGrad();
            INDArray[] outs = m.forward(x);
            grads[k] = m.backward(loss.grad(outs[outs.length - 1], y), Sequential.Hook.NONE, k == 0);
            for (int i = 0; i < grads[k].length; i++) if (grads[k][i] != null) grads[k][i] = grads[k][i].dup(); // layers write over them on the next pass
            w0[k] = m.layers().get(0).params().get(0).grad().dup();
            w2[k] = m.layers().get(2).params().get(0).grad().dup();
        }
        for (int i = 0; i < grads[0].length; i++) assertEquals(grads[0][i], grads[1][i], "dL/d(output " + i + ")");
        assertTrue(w0[0].norm2Number().doubleValue() > 0);
        assertEquals(0.0, w0[1].norm2Number().doubleValue());
        assertEquals(w2[0], w2[1]);
    }

    /** PyTorch semantics: cross-correlation with weights [out, in, kH, kW], zero padding, stride. */
    @Test
    void conv2dForwardMatchesPlainLoops() {
        int n = 2, ci = 2, co = 3, k = 3, s = 2, p = 1, h = 5;
        Conv2d conv = new Conv2d(ci, co, k, s, p, true, DataType.DOUBLE);
        randomize(conv, 11);
        INDArray x = Nd4j.randn(DataType.DOUBLE, n, ci, h, h);
        INDArray out = conv.forward(x);
        INDArray w = conv.params().get(0).value(), b = conv.params().get(1).value();
        int oh = (h + 2 * p - k) / s + 1;
        assertArrayEquals(new long[] {n, co, oh, oh}, out.shape());
        for (int a = 0; a < n; a++)
            for (int o = 0; o < co; o++)
                for (int i = 0; i < oh; i++)
                    for (int j = 0; j < oh; j++) {
                        double sum = b.getDouble(o);
                        for (int c = 0; c < ci; c++)
                            for (int u = 0; u < k; u++)
                                for (int v = 0; v < k; v++) {
                                    int yy = i * s - p + u, xx = j * s - p + v;
                                    if (yy >= 0 && yy < h && xx >= 0 && xx < h) sum += w.getDouble(o, c, u, v) * x.getDouble(a, c, yy, xx);
                                }
                        assertEquals(sum, out.getDouble(a, o, i, j), 1e-9);
                    }
    }

    /** PyTorch's AvgPool2d default count_include_pad=True: padded zeros count in the divisor. */
    @Test
    void avgPoolCountsPadding() {
        INDArray x = Nd4j.ones(DataType.DOUBLE, 1, 1, 2, 2);
        INDArray out = new Pool2d(false, 2, 2, 1).forward(x);
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, out.ravel().toDoubleVector(), 1e-12);
    }

    private static INDArray last(INDArray[] a) {
        return a[a.length - 1];
    }
}
