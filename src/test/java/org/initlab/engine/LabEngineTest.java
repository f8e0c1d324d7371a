package org.initlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.initlab.data.Mnist;
import org.initlab.init.InitSpec;
import org.initlab.init.Scheme;
import org.initlab.nn.LayerSpec;
import org.initlab.nn.ModelSpec;
import org.initlab.nn.Models;
import org.junit.jupiter.api.Test;

class LabEngineTest {
    static final Path DATA = Path.of(System.getProperty("initlab.data", "data/mnist"));

    static LabConfig config(ModelSpec spec, InitSpec init, Path data) {
        return new LabConfig(spec, init, 0, Mnist.Split.TEST, 0, 100, data, false);
    }

    static LabSnapshot next(LinkedBlockingQueue<LabSnapshot> q) throws InterruptedException {
        LabSnapshot s = q.poll(120, TimeUnit.SECONDS);
        assertNotNull(s, "no snapshot from the engine");
        return s;
    }

    @Test
    void answersWithStatsAndTheoryForEveryModule() throws Exception {
        var q = new LinkedBlockingQueue<LabSnapshot>();
        try (Lab lab = new Lab(q::add)) {
            long id = lab.submit(config(Models.seed4(), InitSpec.of(Scheme.PYTORCH_DEFAULT), DATA));
            LabSnapshot s = next(q);
            assertEquals(id, s.commandId());
            assertNull(s.problem());
            assertEquals(9, s.modules().size());
            assertEquals(9, s.theoryStd().length);
            // the lab answers what the same step computes outside it: seed 0 on the first 100 test images, and the formula's line.
            // Its kernels may add in another order: float32 sums of about 1.6e5 outputs differ by ~√n·2⁻²⁴ ≈ 2.4e-5 relative, hence 1e-4.
            Batch batch = Batch.of(Mnist.load(DATA), Mnist.Split.TEST, 0, 100, org.nd4j.linalg.api.buffer.DataType.FLOAT);
            var direct = SeedSweep.run(Models.seed4(), InitSpec.of(Scheme.PYTORCH_DEFAULT), batch, 1).modules();
            var in = org.initlab.stats.TensorStats.of(batch.x());
            double[] measuredM2 = new double[9];
            for (int i = 0; i < 9; i++) {
                double mean = s.actMean()[i], std = s.actStd()[i];
                assertEquals(direct.get(i).figures().get("act_std").mean(), std, 1e-4 * std, "act std of module " + i);
                measuredM2[i] = mean * mean + std * std;
            }
            double[] theory = org.initlab.init.Theory.std(Models.seed4(), InitSpec.of(Scheme.PYTORCH_DEFAULT), in.mean() * in.mean() + in.std() * in.std(), measuredM2);
            for (int i = 0; i < 9; i++) // NaN where the formula predicts nothing, in both
                assertEquals(theory[i], s.theoryStd()[i], Double.isNaN(theory[i]) ? 0 : 1e-12 + 1e-9 * Math.abs(theory[i]), "theory of module " + i);
        }
    }

    @Test
    void idleWarmUpStepsRunAndLeaveNoTrace() throws Exception {
        List<LabSnapshot> got = new CopyOnWriteArrayList<>();
        var q = new LinkedBlockingQueue<LabSnapshot>();
        try (Lab lab = new Lab(s -> { got.add(s); q.add(s); })) {
            LabConfig c = config(Models.seed4(), InitSpec.kaiming(Scheme.KAIMING_UNIFORM, 0.3), DATA);
            lab.submit(c);
            LabSnapshot before = next(q);
            lab.warmUp(20);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lab.warmupLeft() > 0 && System.nanoTime() < end) Thread.sleep(20);
            assertEquals(0, lab.warmupLeft(), "the idle engine ran its warm-up steps");
            assertEquals(1, got.size(), "warm-up steps publish nothing");
            lab.submit(c); // the warm-up re-initialized the weights with other gains: the same command must give the same answer
            LabSnapshot after = next(q);
            for (int i = 0; i < before.modules().size(); i++) {
                assertEquals(before.actStd()[i], after.actStd()[i], 0, "act std of module " + i);
                assertEquals(before.gradStd()[i], after.gradStd()[i], 0, "grad std of module " + i);
            }
        }
    }

    @Test
    void commandsThatPileUpAreCoalescedLatestWins() throws Exception {
        List<LabSnapshot> got = new CopyOnWriteArrayList<>();
        var q = new LinkedBlockingQueue<LabSnapshot>();
        try (Lab lab = new Lab(s -> { got.add(s); q.add(s); })) {
            lab.submit(config(Models.seed4(), InitSpec.of(Scheme.PYTORCH_DEFAULT), DATA));
            next(q); // warm: data loaded, model built
            long last = 0;
            for (int i = 0; i < 200; i++) last = lab.submit(config(Models.seed4(), InitSpec.kaiming(Scheme.KAIMING_UNIFORM, i * 0.01), DATA));
            LabSnapshot s;
            do s = next(q); while (s.commandId() != last);
            assertEquals(2.0 - 0.01 + 0.0, s.config().init().a() + 0.0, 1e-9);
            assertTrue(got.size() < 60, "200 quick commands cost " + got.size() + " updates; they should be coalesced");
        }
    }

    @Test
    void impossibleArchitectureNamesTheLayer() throws Exception {
        var q = new LinkedBlockingQueue<LabSnapshot>();
        try (Lab lab = new Lab(q::add)) {
            ModelSpec bad = new ModelSpec("bad", List.of(new LayerSpec.Flatten(), new LayerSpec.Conv2d(8, 3, 1, 1)), null, "mean");
            lab.submit(config(bad, InitSpec.of(Scheme.PYTORCH_DEFAULT), DATA));
            LabSnapshot s = next(q);
            assertEquals(LabSnapshot.Kind.SHAPE, s.problem().kind());
            assertEquals(1, s.problem().layer());
            assertTrue(s.problem().message().contains("Conv2d"), s.problem().message());
        }
    }

    @Test
    void aModelPastTheMachinesMemoryIsAProblemNotACrash() throws Exception {
        var q = new LinkedBlockingQueue<LabSnapshot>();
        try (Lab lab = new Lab(q::add)) {
            ModelSpec giant = new ModelSpec("giant", List.of(new LayerSpec.Flatten(), new LayerSpec.Linear(2_000_000_000)), null, "cross-entropy");
            lab.submit(config(giant, InitSpec.of(Scheme.PYTORCH_DEFAULT), DATA));
            LabSnapshot s = next(q);
            assertEquals(LabSnapshot.Kind.SHAPE, s.problem().kind());
            assertTrue(s.problem().message().contains("needs about"), s.problem().message());
            lab.submit(config(Models.seed4(), InitSpec.of(Scheme.PYTORCH_DEFAULT), DATA));
            assertTrue(next(q).hasStats(), "the lab goes on with a model that fits");
        }
    }

    @Test
    void missingDataIsOneSentence(@org.junit.jupiter.api.io.TempDir Path empty) throws Exception {
        var q = new LinkedBlockingQueue<LabSnapshot>();
        try (Lab lab = new Lab(q::add)) {
            lab.submit(config(Models.seed4(), InitSpec.of(Scheme.PYTORCH_DEFAULT), empty));
            LabSnapshot s = next(q);
            assertEquals(LabSnapshot.Kind.DATA, s.problem().kind());
            assertTrue(s.problem().message().contains("missing"), s.problem().message());
            assertEquals(1, s.problem().message().lines().count());
        }
    }

    @Test
    void nonFiniteValuesNameTheFirstModule() throws Exception {
        var q = new LinkedBlockingQueue<LabSnapshot>();
        try (Lab lab = new Lab(q::add)) {
            // a slope of 1e39 overflows float32 on every negative input: -Inf first appears in module 1
            ModelSpec blowUp = new ModelSpec("blowup", List.of(new LayerSpec.Conv2d(4, 3, 1, 1), new LayerSpec.LeakyReLU(1e39),
                new LayerSpec.Conv2d(4, 3, 1, 1)), null, "mean");
            lab.submit(config(blowUp, InitSpec.of(Scheme.PYTORCH_DEFAULT), DATA).withRunning(true));
            LabSnapshot s = next(q);
            assertEquals(LabSnapshot.Kind.NON_FINITE, s.problem().kind());
            assertEquals(1, s.problem().layer());
            assertTrue(s.problem().message().contains("module 1"), s.problem().message());
            assertNull(q.poll(300, TimeUnit.MILLISECONDS), "a run must stop at NaN/Inf");
        }
    }
}
