package org.initlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.initlab.data.Mnist;
import org.initlab.init.InitSpec;
import org.initlab.init.Scheme;
import org.initlab.nn.Models;
import org.initlab.stats.Histogram;
import org.junit.jupiter.api.Test;

/** The views' engine: what it answers, and that a newer request stops an older one between seeds. */
class ViewLabTest {
    static final Path DATA = Path.of(System.getProperty("initlab.data", "data/mnist"));

    static LabConfig config(InitSpec init) {
        return new LabConfig(Models.seed4(), init, 0, Mnist.Split.TEST, 0, 100, DATA, false);
    }

    @Test
    void aNewerRequestStopsTheAverageNobodyWillSee() throws Exception {
        List<Integer> bands = new CopyOnWriteArrayList<>();
        BlockingQueue<SeedSweep.Result> done = new ArrayBlockingQueue<>(4);
        try (ViewLab lab = new ViewLab(new ViewLab.Listener() {
            @Override public void band(long id, LabConfig config, int seeds, SeedSweep.Result result) {
                bands.add(seeds);
                done.offer(result);
            }
        })) {
            // far more seeds than any machine averages in the test's two minutes: its band can come only if it is not stopped
            lab.submit(new ViewLab.Request(config(InitSpec.of(Scheme.PYTORCH_DEFAULT)), 100_000, false, false));
            Thread.sleep(1500); // data read, model built, some seeds into the long average
            lab.submit(new ViewLab.Request(config(InitSpec.kaiming(Scheme.KAIMING_UNIFORM, 0)), 3, false, false));
            SeedSweep.Result r = done.poll(120, TimeUnit.SECONDS);
            assertEquals(List.of(3), bands, "only the newer request's band comes");
            // the same seeds through the CLI's sweep give the same figures
            SeedSweep.Result ref = ViewLab.compute(new ViewLab.Request(config(InitSpec.kaiming(Scheme.KAIMING_UNIFORM, 0)), 3, false, false)).band;
            double a = r.modules().get(6).figures().get("act_std").mean(), b = ref.modules().get(6).figures().get("act_std").mean();
            assertEquals(b, a, 1e-5 * b);
        }
    }

    @Test
    void histogramsCountEveryElementOnANiceRange() {
        var h = ViewLab.compute(new ViewLab.Request(config(InitSpec.of(Scheme.PYTORCH_DEFAULT)), 1, true, false)).histograms;
        assertEquals(9, h.size());
        assertEquals(100L * 8 * 14 * 14, h.get(1).act().total());
        assertEquals(0, h.get(1).act().lo(), "after a ReLU: from 0");
        assertEquals(100L * 8 * 14 * 14, h.get(1).grad().total());
        for (var m : h) assertEquals(Histogram.niceCeil(m.act().hi()), m.act().hi(), 0);
    }

    @Test
    void rangesAreChosenFromTheDataAndStayPut() {
        assertEquals(List.of(-1.0, 1.0), List.of(Histogram.rangeOf(-0.999, 0.98)[0], Histogram.rangeOf(-0.999, 0.98)[1]), "a tanh's output");
        assertEquals(List.of(0.0, 5.0), List.of(Histogram.rangeOf(0, 3.7)[0], Histogram.rangeOf(0, 3.7)[1]), "a ReLU's output");
        assertEquals(2e-4, Histogram.rangeOf(-1.3e-4, 1.9e-4)[1], 1e-18);
        for (double d = 0; d < 0.4; d += 0.01) assertEquals(5.0, Histogram.rangeOf(0, 3.3 + d)[1], "small moves keep the range");
        Histogram h = Histogram.of(new float[] {-3, -0.5f, 0, 0.5f, 3, Float.NaN}, 6, -1, 1, 4);
        assertEquals(List.of(1L, 1L, 1L, 2L), java.util.Arrays.stream(h.counts()).boxed().toList(), "outside counts at the ends, NaN nowhere");
    }

    @Test
    void landscapeIsSmoothInAAndPassesThroughPytorchsDefault() {
        LabConfig cfg = config(InitSpec.of(Scheme.PYTORCH_DEFAULT));
        Landscape.Result l = ViewLab.compute(new ViewLab.Request(cfg, 1, false, true)).landscape;
        double[] conv3 = l.module(6);
        for (int k = 1; k < conv3.length; k++) assertTrue(conv3[k] < conv3[k - 1], "the last conv's std falls as a grows: " + k);
        // at a = 2.2 (the point nearest √5) it is within a step of PyTorch's default with the same seed
        BlockingQueue<LabSnapshot> q = new ArrayBlockingQueue<>(4);
        double atDefault;
        try (Lab lab = new Lab(q::offer)) {
            lab.submit(cfg);
            atDefault = assertAnswer(q).actStd()[6];
        }
        assertTrue(conv3[23] < atDefault && atDefault < conv3[22], conv3[22] + " > " + atDefault + " > " + conv3[23]);
    }

    private static LabSnapshot assertAnswer(BlockingQueue<LabSnapshot> q) {
        try {
            LabSnapshot s = q.poll(120, TimeUnit.SECONDS);
            assertTrue(s != null && s.hasStats(), "the lab answered with statistics");
            return s;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
