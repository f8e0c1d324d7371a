package org.initlab.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.initlab.nn.Layer;
import org.initlab.nn.LayerSpec;
import org.initlab.nn.ModelSpec;
import org.initlab.nn.Sequential;
import org.initlab.stats.TensorStats;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Each scheme's weight std against its formula (PyTorch 1.13 {@code torch/nn/init.py}; He et al. 2015, arXiv
 * 1502.01852; Glorot &amp; Bengio 2010), over enough weights for a tight tolerance.
 */
class InitFormulaTest {
    /** Conv2d(64 → 128, k=5): fan_in 1600, fan_out 3200, 204 800 weights, so the sample std is within ~0.5 %. */
    private static Layer conv(InitSpec init, long seed) {
        ModelSpec spec = new ModelSpec("c", List.of(new LayerSpec.Conv2d(128, 5, 1, 0)), new long[] {64, 8, 8}, "mean");
        Sequential m = spec.build(DataType.FLOAT);
        Initializer.init(m, init, seed);
        return m.layers().get(0);
    }

    private static TensorStats weight(InitSpec init) {
        return TensorStats.of(conv(init, 3).params().get(0).value());
    }

    @Test
    void gainsAreTheNotebooks() {
        assertEquals(1.0, Gains.leakyRelu(1), 1e-5);
        assertEquals(1.41421, Gains.leakyRelu(0), 1e-5);
        assertEquals(1.41414, Gains.leakyRelu(0.01), 1e-5);
        assertEquals(1.40720, Gains.leakyRelu(0.1), 1e-5);
        assertEquals(0.57735, Gains.leakyRelu(Math.sqrt(5)), 1e-5);
        assertEquals(new Fans(1600, 3200), Fans.of(new long[] {128, 64, 5, 5}));
        assertEquals(new Fans(25, 800), Fans.of(new long[] {32, 1, 5, 5}));
    }

    @Test
    void everySchemesStdMatchesItsFormula() {
        double fanIn = 1600, fanOut = 3200;
        assertStd(1 / Math.sqrt(3 * fanIn), InitSpec.of(Scheme.PYTORCH_DEFAULT));
        for (double a : new double[] {0, 0.1, 1, Math.sqrt(5), 3}) {
            double g = Math.sqrt(2 / (1 + a * a));
            assertStd(g / Math.sqrt(fanIn), InitSpec.kaiming(Scheme.KAIMING_UNIFORM, a));
            assertStd(g / Math.sqrt(fanIn), InitSpec.kaiming(Scheme.KAIMING_NORMAL, a));
            assertStd(g / Math.sqrt(fanOut), new InitSpec(Scheme.KAIMING_NORMAL, a, InitSpec.Mode.FAN_OUT, null, 1));
        }
        assertStd(Math.sqrt(2 / (fanIn + fanOut)), InitSpec.of(Scheme.XAVIER_UNIFORM));
        assertStd(2 * Math.sqrt(2 / (fanIn + fanOut)), new InitSpec(Scheme.XAVIER_NORMAL, 0, null, null, 2));
        assertStd(1 / Math.sqrt(fanIn), InitSpec.of(Scheme.LECUN_NORMAL));
        assertStd(1 / Math.sqrt(fanIn), InitSpec.of(Scheme.ORTHOGONAL)); // rows 128 < cols 1600: orthonormal rows
        assertEquals(0, weight(InitSpec.of(Scheme.ZEROS)).std());
    }

    private static void assertStd(double expected, InitSpec init) {
        TensorStats s = weight(init);
        assertEquals(expected, init.weightStd(new long[] {128, 64, 5, 5}), 1e-12, init + " formula");
        assertEquals(expected, s.std(), 0.01 * expected, init + " measured std");
        assertEquals(0, s.mean(), 0.01 * expected, init + " mean");
        if (init.uniform()) { // U(−b, b) with b = √3·std: the extremes come within 0.1 % of b and never pass it
            double b = Gains.uniformBound(expected);
            assertTrue(s.max() <= b * (1 + 1e-6) && s.max() > 0.999 * b, init + " max " + s.max() + " bound " + b);
            assertTrue(s.min() >= -b * (1 + 1e-6) && s.min() < -0.999 * b, init + " min " + s.min());
        }
    }

    @Test
    void pytorchDefaultBiasIsUniformOverOneOverRootFanIn() {
        Layer l = conv(InitSpec.of(Scheme.PYTORCH_DEFAULT), 1);
        INDArray b = l.params().get(1).value();
        double bound = 1 / Math.sqrt(1600);
        assertTrue(b.amaxNumber().doubleValue() <= bound && b.amaxNumber().doubleValue() > 0.5 * bound);
        assertEquals(0, conv(InitSpec.kaiming(Scheme.KAIMING_UNIFORM, 0), 1).params().get(1).value().amaxNumber().doubleValue());
        InitSpec kaimingDefaultBias = new InitSpec(Scheme.KAIMING_UNIFORM, 0, null, InitSpec.Bias.DEFAULT, 1);
        assertTrue(conv(kaimingDefaultBias, 1).params().get(1).value().amaxNumber().doubleValue() > 0);
    }

    @Test
    void orthogonalRowsAreOrthonormal() {
        INDArray w = conv(InitSpec.of(Scheme.ORTHOGONAL), 5).params().get(0).value().reshape(128, 1600).castTo(DataType.DOUBLE);
        INDArray gram = w.mmul(w.transpose());
        assertEquals(0, gram.sub(Nd4j.eye(128).castTo(DataType.DOUBLE)).amaxNumber().doubleValue(), 1e-5);
    }

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeights() {
        InitSpec k = InitSpec.kaiming(Scheme.KAIMING_NORMAL, 0);
        float[] a = conv(k, 9).params().get(0).value().data().asFloat();
        assertArrayEquals(a, conv(k, 9).params().get(0).value().data().asFloat());
        assertTrue(a[0] != conv(k, 10).params().get(0).value().getFloat(0));
    }
}
