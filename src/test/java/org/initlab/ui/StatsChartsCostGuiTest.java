package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.initlab.engine.LabConfig;
import org.initlab.engine.LabSnapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What one chart update costs the FX thread in the real window (software rendering): the four charts
 * take a new run and the next pulse lays them out; a snapshot of the charts then paints them.
 */
class StatsChartsCostGuiTest {
    static final Path DATA = Path.of(System.getProperty("initlab.data", "data/mnist"));

    @BeforeAll
    static void toolkit() {
        Fx.start();
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** FX thread time spent so far, wall and CPU (ns): CPU time leaves out waiting for a core on a shared machine. */
    private static long[] now() {
        return new long[] {System.nanoTime(), THREADS.getCurrentThreadCpuTime()};
    }

    /**
     * FX time (ms, wall and CPU) of a change and of the pulse that applies it: the change itself, then the
     * pulse's CSS and layout passes (a pre-layout listener runs before CSS, a post-layout one after layout).
     */
    static double[] pulse(LabWindow window, Runnable change) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        long[][] t = new long[4][];
        Fx.run(() -> {
            Scene scene = window.scene();
            t[0] = now();
            change.run();
            t[1] = now();
            Runnable[] listeners = new Runnable[2];
            listeners[0] = () -> t[2] = now();
            listeners[1] = () -> {
                t[3] = now();
                scene.removePreLayoutPulseListener(listeners[0]);
                scene.removePostLayoutPulseListener(listeners[1]);
                done.countDown();
            };
            scene.addPreLayoutPulseListener(listeners[0]);
            scene.addPostLayoutPulseListener(listeners[1]);
            Platform.requestNextPulse();
        });
        assertTrue(done.await(10, TimeUnit.SECONDS), "no pulse");
        return new double[] {(t[1][0] - t[0][0] + t[3][0] - t[2][0]) / 1e6, (t[1][1] - t[0][1] + t[3][1] - t[2][1]) / 1e6};
    }

    /** Painting the charts into an image (ms): wall time on the FX thread, CPU time of the render thread that paints. */
    static double[] paint(LabWindow window) throws Exception {
        long renderer = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
            .findFirst().orElseThrow().getId();
        return Fx.call(() -> {
            long w0 = System.nanoTime(), c0 = THREADS.getThreadCpuTime(renderer);
            window.charts().snapshot(null, null);
            return new double[] {(System.nanoTime() - w0) / 1e6, (THREADS.getThreadCpuTime(renderer) - c0) / 1e6};
        });
    }

    /** The median of the samples after the first ten (they warm up the JIT). */
    static double median(double[][] samples, int column) {
        double[] v = Arrays.stream(samples).skip(10).mapToDouble(x -> x[column]).sorted().toArray();
        return v[v.length / 2];
    }

    @Test
    void oneUpdateOfTheFourChartsCostsTheFxThreadAFewMilliseconds() throws Exception {
        LabViewModel vm = Fx.call(() -> new LabViewModel(DATA));
        Stage stage = null;
        try {
            LabWindow window = Fx.call(() -> new LabWindow(vm, 1400, 900));
            stage = Fx.call(() -> {
                Stage s = new Stage();
                s.setScene(window.scene());
                s.show();
                return s;
            });
            vm.start();
            Fx.waitFor("first charts", 60, () -> vm.chartedProperty().get() != null);
            LabSnapshot a = Fx.call(() -> vm.chartedProperty().get());
            LabConfig c = a.config();
            LabSnapshot b = Gui.compute(new LabConfig(c.spec(), c.init(), c.seed() + 1, c.split(), c.offset(), c.batchSize(), c.data(), false));
            int n = 90;
            double[][] update = new double[n][], painted = new double[n][];
            for (int i = 0; i < n; i++) {
                LabSnapshot s = i % 2 == 0 ? b : a;
                update[i] = pulse(window, () -> window.charts().show(s, java.util.List.of(new Pins.Pin("pinned", 0, a)), null, true));
                painted[i] = paint(window);
            }
            System.out.printf("stats charts, one update (median, wall / CPU): show + the pulse's css and layout %.1f / %.1f ms; "
                + "painting them (a snapshot, wall / render thread CPU) %.1f / %.1f ms%n", median(update, 0), median(update, 1), median(painted, 0), median(painted, 1));
            assertTrue(median(update, 1) < 10, "a chart update takes the FX thread " + median(update, 1) + " ms of CPU (median)");
        } finally {
            Stage st = stage;
            if (st != null) Fx.run(st::close);
            vm.close();
        }
    }
}
