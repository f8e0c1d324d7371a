package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.initlab.data.Mnist;
import org.initlab.engine.Batch;
import org.initlab.engine.StatsThread;
import org.initlab.init.InitSpec;
import org.initlab.init.Scheme;
import org.initlab.nn.Models;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class TrainerTest {
    static Mnist mnist;

    @BeforeAll
    static void load() throws Exception {
        mnist = Mnist.load(Path.of(System.getProperty("initlab.data", "data/mnist")));
    }

    static Experiment cnn(double lr, long seed) {
        return new Experiment(null, Models.cnn(), InitSpec.of(Scheme.KAIMING_NORMAL), null,
            OptimizerSpec.of(OptimizerSpec.Kind.ADAM, lr, 0), seed, 1, 64);
    }

    @Test
    void twoHundredStepsBeatChanceClearly() {
        Trainer t = new Trainer(cnn(1e-3, 0), mnist, new Trainer.Options(20, 200, 2000));
        Trainer.Result r = t.run(null);
        assertEquals(200, r.steps());
        assertTrue(r.testAccuracy() > 0.8, "accuracy after 200 steps: " + r.testAccuracy());
        double[] loss = r.telemetry().loss();
        double early = Arrays.stream(loss, 0, 10).average().orElseThrow(), late = Arrays.stream(loss, 190, 200).average().orElseThrow();
        assertTrue(late < early / 3, "loss " + early + " → " + late);
        assertEquals(10, r.telemetry().steps().length); // every 20 steps: 1, 21, ..., 181
        assertEquals(181, r.telemetry().steps()[9]);
        assertEquals(r.testAccuracy(), r.telemetry().evalAccuracy()[0]);
    }

    @Test
    void sameSeedGivesTheSameLossCurveAndAnotherSeedDoesNot() {
        double[] a = new Trainer(cnn(1e-3, 3), mnist, new Trainer.Options(5, 15, 500)).run(null).telemetry().loss();
        double[] b = new Trainer(cnn(1e-3, 3), mnist, new Trainer.Options(5, 15, 500)).run(null).telemetry().loss();
        double[] c = new Trainer(cnn(1e-3, 4), mnist, new Trainer.Options(5, 15, 500)).run(null).telemetry().loss();
        assertEquals(15, a.length);
        assertArrayEquals(a, b);
        Trainer stepped = new Trainer(cnn(1e-3, 3), mnist, new Trainer.Options(5, 15, 500));
        double[] manual = new double[15];
        for (int i = 0; i < 15; i++) manual[i] = stepped.advance(null);
        assertTrue(stepped.done());
        assertArrayEquals(a, manual, "stepping one at a time is the same run");
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void aHugeLearningRateStopsWithTheStepAndTheFirstModule() {
        var e = assertThrows(DivergenceException.class, () -> new Trainer(cnn(1e6, 0), mnist, new Trainer.Options(1, 100, 500)).run(null));
        assertTrue(e.getMessage().matches("training diverged at step \\d+ \\(epoch 1\\): (NaN/Inf in the|the) (output|gradient|weight gradient|bias gradient) "
            + "of module \\d+ \\(\\w+\\)( overflows float32 \\(std .*\\))?"), e.getMessage());
        assertTrue(e.step() > 1 && e.step() < 100, e.getMessage());
        var sgd = new Experiment(null, Models.cnn(), InitSpec.of(Scheme.KAIMING_NORMAL), null, OptimizerSpec.of(OptimizerSpec.Kind.SGD, 1e6, 0), 0, 1, 64);
        assertThrows(DivergenceException.class, () -> new Trainer(sgd, mnist, new Trainer.Options(1, 100, 500)).run(null));
    }

    /**
     * Taken on their own thread while the pass goes on, the statistics are those taken on the training
     * thread, bit for bit: every tensor they read stays as it was until the step ends.
     */
    @Test
    void statisticsOnTheirOwnThreadAreThoseOfTheTrainingThread() {
        assumeTrue(StatsThread.available(), "one core: there is no statistics thread");
        var own = new Trainer(cnn(1e-3, 0), mnist, new Trainer.Options(1, 40, 100, true)).run(null).telemetry();
        var here = new Trainer(cnn(1e-3, 0), mnist, new Trainer.Options(1, 40, 100, false)).run(null).telemetry();
        assertArrayEquals(here.loss(), own.loss());
        assertArrayEquals(here.steps(), own.steps());
        for (int i = 0; i < here.modules().size(); i++) {
            var h = here.modules().get(i);
            var o = own.modules().get(i);
            String m = "module " + i;
            assertArrayEquals(h.actMean(), o.actMean(), m);
            assertArrayEquals(h.actStd(), o.actStd(), m);
            assertArrayEquals(h.actNearZero(), o.actNearZero(), m);
            assertArrayEquals(h.gradMean(), o.gradMean(), m);
            assertArrayEquals(h.gradStd(), o.gradStd(), m);
            assertArrayEquals(h.gradNearZero(), o.gradNearZero(), m);
            assertArrayEquals(h.updateRatio(), o.updateRatio(), m);
            for (int k = 0; k < h.actHist().length; k++) {
                assertArrayEquals(h.actHist()[k], o.actHist()[k], m + " record " + k);
                assertArrayEquals(h.gradHist()[k], o.gradHist()[k], m + " record " + k);
            }
        }
        var e1 = assertThrows(DivergenceException.class, () -> new Trainer(cnn(1e6, 0), mnist, new Trainer.Options(1, 100, 500, true)).run(null));
        var e2 = assertThrows(DivergenceException.class, () -> new Trainer(cnn(1e6, 0), mnist, new Trainer.Options(1, 100, 500, false)).run(null));
        assertEquals(e2.getMessage(), e1.getMessage(), "the same first problem");
    }

    /** 734 test images: a batch of 500, then the first 234 rows of a second (its other rows are stale). */
    @Test
    void aShorterLastEvaluationBatchCountsOnlyItsOwnImages() {
        Trainer t = new Trainer(cnn(1e-3, 0), mnist, new Trainer.Options(10, 20, 734));
        double accuracy = t.run(null).testAccuracy();
        Batch all = Batch.of(mnist, Mnist.Split.TEST, 0, 734, DataType.FLOAT); // one pass over all 734
        INDArray[] outs = t.model().forward(all.x());
        int[] labels = Arrays.stream(all.labels().toDoubleVector()).mapToInt(v -> (int) v).toArray();
        double expected = Trainer.correct(outs[outs.length - 1], labels, 734) / 734.0;
        assertEquals(expected, accuracy, 1.5 / 734, "one image may tip where batch sizes round differently");
    }

    @Test
    void mseModelsTrainWithoutAnAccuracy() {
        var exp = new Experiment(null, Models.seed4(), InitSpec.kaiming(Scheme.KAIMING_UNIFORM, 0), null,
            OptimizerSpec.of(OptimizerSpec.Kind.MOMENTUM, 1e-3, 1e-4), 0, 1, 32);
        Trainer.Result r = new Trainer(exp, mnist, new Trainer.Options(1, 5, 0)).run(null);
        assertNull(r.testAccuracy());
        assertEquals(5, r.telemetry().loss().length);
        assertTrue(Double.isNaN(r.telemetry().accuracy()[0]));
        assertEquals(9, r.telemetry().modules().size());
    }

    @Test
    void batchNormModelsTrainAndEvaluateWithRunningStatistics() {
        var spec = new org.initlab.nn.ModelSpec("cnn-bn", java.util.List.of(
            new org.initlab.nn.LayerSpec.Conv2d(8, 5, 2, 2), new org.initlab.nn.LayerSpec.BatchNorm2d(), new org.initlab.nn.LayerSpec.ReLU(),
            new org.initlab.nn.LayerSpec.Conv2d(16, 3, 2, 1), new org.initlab.nn.LayerSpec.BatchNorm2d(), new org.initlab.nn.LayerSpec.ReLU(),
            new org.initlab.nn.LayerSpec.AdaptiveAvgPool2d(), new org.initlab.nn.LayerSpec.Flatten(), new org.initlab.nn.LayerSpec.Linear(10)),
            null, "cross-entropy");
        var exp = new Experiment(null, spec, InitSpec.of(Scheme.KAIMING_NORMAL), null, OptimizerSpec.of(OptimizerSpec.Kind.ADAM, 3e-3, 0), 0, 1, 64);
        Trainer t = new Trainer(exp, mnist, new Trainer.Options(10, 60, 1000));
        Trainer.Result r = t.run(null);
        var bn = (org.initlab.nn.BatchNorm2d) t.model().layers().get(1);
        assertTrue(bn.training(), "back in training mode after evaluating");
        assertTrue(bn.runningMean().ameanNumber().doubleValue() > 1e-3, "running mean moved");
        // this small net learns slowly (≈ 30 % after 60 steps), but eval mode must agree with the batch-statistics accuracy
        double[] batchAcc = r.telemetry().accuracy();
        double recent = Arrays.stream(batchAcc, batchAcc.length - 10, batchAcc.length).average().orElseThrow();
        assertTrue(r.testAccuracy() > 0.2, "accuracy with eval-mode BatchNorm: " + r.testAccuracy());
        assertEquals(recent, r.testAccuracy(), 0.1, "eval-mode accuracy vs the last training batches'");
    }

    @Test
    void epochsReshuffleAndEvaluateAtEachEnd() {
        var softmax = new org.initlab.nn.ModelSpec("softmax", java.util.List.of(new org.initlab.nn.LayerSpec.Flatten(), new org.initlab.nn.LayerSpec.Linear(10)), null, "cross-entropy");
        var exp = new Experiment(null, softmax, InitSpec.of(Scheme.XAVIER_NORMAL), null, OptimizerSpec.of(OptimizerSpec.Kind.SGD, 0.5, 0), 1, 2, 3000);
        Trainer.Result r = new Trainer(exp, mnist, new Trainer.Options(1, 0, 1000)).run(null);
        assertEquals(40, r.steps());
        assertArrayEquals(new long[] {20, 40}, r.telemetry().evalSteps());
        assertTrue(r.telemetry().evalAccuracy()[1] > 0.6, "softmax regression after 2 epochs: " + r.testAccuracy());
        double[] again = new Trainer(exp, mnist, new Trainer.Options(1, 0, 1000)).run(null).telemetry().loss();
        assertArrayEquals(r.telemetry().loss(), again);
    }

    /** The ratio against one computed here from copies of the weights around each step, in double, two passes. */
    @Test
    void updateRatioIsTheStdOfTheWeightChangeOverTheStdOfTheWeight() {
        Trainer t = new Trainer(cnn(1e-3, 0), mnist, new Trainer.Options(1, 3, 100));
        t.initialize();
        var layers = t.model().layers();
        double[][] expected = new double[3][layers.size()];
        for (int k = 0; k < 3; k++) {
            float[][] before = new float[layers.size()][];
            for (int i = 0; i < layers.size(); i++)
                if (!layers.get(i).params().isEmpty()) before[i] = layers.get(i).params().get(0).value().dup().data().asFloat();
            t.advance(null);
            for (int i = 0; i < layers.size(); i++) {
                if (before[i] == null) continue;
                float[] after = layers.get(i).params().get(0).value().dup().data().asFloat();
                double[] delta = new double[after.length], data = new double[after.length];
                for (int j = 0; j < after.length; j++) {
                    delta[j] = (double) after[j] - before[i][j];
                    data[j] = after[j];
                }
                expected[k][i] = std(delta) / std(data);
            }
        }
        var modules = t.telemetry().snapshot().modules();
        int weighted = 0;
        for (int i = 0; i < layers.size(); i++) {
            double[] got = modules.get(i).updateRatio();
            if (layers.get(i).params().isEmpty()) {
                assertEquals(0, got.length, "module " + i + " has no weight");
                continue;
            }
            weighted++;
            assertEquals(3, got.length);
            // the update is a difference of floats near w: float rounding of w_after − w_before, relative to the update, is below 1e-3 here
            for (int k = 0; k < 3; k++) assertEquals(expected[k][i], got[k], 1e-3 * expected[k][i], "module " + i + " step " + (k + 1));
            assertTrue(got[0] > 1e-5 && got[0] < 1e-1, "Adam's first step moves every weight by about lr: " + got[0]);
        }
        assertEquals(5, weighted); // four convolutions and the linear layer
    }

    private static double std(double[] v) {
        double mean = Arrays.stream(v).average().orElseThrow(), ss = 0;
        for (double x : v) ss += (x - mean) * (x - mean);
        return Math.sqrt(ss / (v.length - 1));
    }
}
