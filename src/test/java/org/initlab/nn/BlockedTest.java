package org.initlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.initlab.init.InitSpec;
import org.initlab.init.Initializer;
import org.initlab.init.Scheme;
import org.initlab.stats.Bins;
import org.initlab.stats.Histogram;
import org.initlab.stats.Moments;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Convolutions that hand channel blocks to each other compute, forward and backward, bit for bit what
 * the same model computes in NCHW: every module's output and gradient (read back in NCHW) and every
 * parameter gradient, through ReLU, tanh, batch norm, a global pool, a first layer that skips dL/dimages,
 * and channel counts that are not a multiple of eight.
 */
class BlockedTest {
    private static ModelSpec mixed() {
        return new ModelSpec("mixed", List.of(
            new LayerSpec.Conv2d(12, 3, 2, 1), new LayerSpec.ReLU(),          // 12 channels: no blocks
            new LayerSpec.Conv2d(16, 3, 2, 1), new LayerSpec.BatchNorm2d(),   // batch norm reads NCHW
            new LayerSpec.ReLU(), new LayerSpec.Conv2d(8, 3, 1, 1), new LayerSpec.Tanh(),
            new LayerSpec.AdaptiveAvgPool2d(), new LayerSpec.Flatten(), new LayerSpec.Linear(10)), null, "cross-entropy");
    }

    @Test
    void convolutionsHandingBlocksComputeWhatTheyComputeInNchw() {
        assumeTrue(OneDnn.available(), "channel blocks are oneDNN's; its natives did not load");
        // which module outputs come in blocks: the cnn's four convolutions and ReLUs, seed4's first three
        // pairs (its last convolution has one channel), and only the 8-channel convolution and its tanh here
        record Case(ModelSpec spec, List<Integer> blocked) {}
        for (Case c : List.of(new Case(Models.cnn(), List.of(0, 1, 2, 3, 4, 5, 6, 7)), new Case(Models.seed4(), List.of(0, 1, 2, 3, 4, 5)),
                              new Case(mixed(), List.of(5, 6)))) {
            Sequential blocks = c.spec.build(DataType.FLOAT, true), plain = c.spec.build(DataType.FLOAT, false);
            InitSpec init = InitSpec.of(Scheme.PYTORCH_DEFAULT); // biases too
            Initializer.init(blocks, init, 7);
            Initializer.init(plain, init, 7);
            Nd4j.getRandom().setSeed(3);
            INDArray x = Nd4j.randn(DataType.FLOAT, 6, 1, 28, 28);
            for (int pass = 0; pass < 2; pass++) { // the second pass runs the kernels each layer keeps
                INDArray[] outB = blocks.forward(x), outP = plain.forward(x);
                List<Integer> blockedNow = new ArrayList<>();
                for (int i = 0; i < outB.length; i++) {
                    if (Blocked.is(outB[i])) blockedNow.add(i);
                    assertArrayEquals(flat(outP[i]), flat(Blocked.plain(outB[i])), 0f, c.spec.name() + " output " + i);
                }
                assertEquals(c.blocked, blockedNow, c.spec.name() + ": outputs in blocks");
                INDArray g = Nd4j.randn(DataType.FLOAT, outP[outP.length - 1].shape());
                blocks.zeroGrad();
                plain.zeroGrad();
                INDArray[] gB = blocks.backward(g, Sequential.Hook.NONE, true), gP = plain.backward(g, Sequential.Hook.NONE, true);
                for (int i = 0; i < gB.length; i++) {
                    assertEquals(Blocked.is(outB[i]), Blocked.is(gB[i]), c.spec.name() + " gradient " + i + " in the output's layout");
                    assertArrayEquals(flat(gP[i]), flat(Blocked.plain(gB[i])), 0f, c.spec.name() + " gradient " + i);
                }
                for (int l = 0; l < blocks.size(); l++)
                    for (int p = 0; p < blocks.layers().get(l).params().size(); p++)
                        assertArrayEquals(flat(plain.layers().get(l).params().get(p).grad()),
                            flat(blocks.layers().get(l).params().get(p).grad()), 0f, c.spec.name() + " layer " + l + " param " + p);
            }
        }
    }

    private static float[] flat(INDArray a) {
        return a.ravel().toFloatVector();
    }

    /** Statistics read every element: a blocked tensor has the histogram, extremes and near-zero share of its NCHW form, and its moments within rounding. */
    @Test
    void statisticsOfBlocksAreThoseOfNchw() {
        assumeTrue(OneDnn.available(), "channel blocks are oneDNN's; its natives did not load");
        Sequential blocks = Models.cnn().build(DataType.FLOAT, true);
        Initializer.init(blocks, InitSpec.of(Scheme.KAIMING_NORMAL), 1);
        Nd4j.getRandom().setSeed(5);
        INDArray y = blocks.forward(Nd4j.randn(DataType.FLOAT, 8, 1, 28, 28))[1];
        assertEquals(5, y.rank());
        Moments b = new Moments(Bins.RELU).telemetry(y), p = new Moments(Bins.RELU).telemetry(Blocked.plain(y));
        assertArrayEquals(Histogram.of(Blocked.plain(y)).counts(), Histogram.of(y).counts());
        assertEquals(p.min(), b.min(), 0);
        assertEquals(p.max(), b.max(), 0);
        assertEquals(p.nearZero(), b.nearZero(), 0);
        assertEquals(p.mean(), b.mean(), 1e-6 * Math.abs(p.mean()));
        assertEquals(p.std(), b.std(), 1e-6 * p.std());
    }
}
