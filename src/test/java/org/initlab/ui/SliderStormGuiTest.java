package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.initlab.init.Scheme;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A teacher drags the slider wildly: 10 000 changes of {@code a} within 10 s. The engine must not
 * queue them (latest wins), the FX thread must stay responsive (a heartbeat measures how long its
 * posted tasks wait), and when the storm ends the charts must show the last value quickly. On a
 * laptop screen, and full HD in the projector theme (larger type: more for the renderer to paint).
 */
class SliderStormGuiTest {
    static final Path DATA = Path.of(System.getProperty("initlab.data", "data/mnist"));

    @ParameterizedTest(name = "{0} theme, {1}×{2}")
    @CsvSource({"light, 1400, 900", "projector, 1920, 1080"})
    void tenThousandSliderChangesInTenSeconds(String theme, int width, int height) throws Exception {
        Fx.start();
        LabViewModel vm = Fx.call(() -> new LabViewModel(DATA));
        Fx.run(() -> vm.themeProperty().set(theme));
        LabWindow window = Fx.call(() -> new LabWindow(vm, width, height));
        Stage stage = Fx.call(() -> {
            Stage s = new Stage();
            s.setScene(window.scene());
            s.show();
            vm.schemeProperty().set(Scheme.KAIMING_UNIFORM);
            vm.start();
            return s;
        });
        try {
            Fx.waitFor("first charts", 60, () -> vm.chartedProperty().get() != null);
            Thread.sleep(1500); // the window's first renders (about 0.5 s in software) are over before the teacher grabs the slider
            Slider slider = Fx.call(() -> (Slider) window.scene().lookup("#aSlider"));
            AtomicInteger charted = new AtomicInteger();
            Fx.run(() -> vm.onCharted(s -> charted.incrementAndGet()));

            // heartbeat: post a task every 5 ms and record how long the FX thread took to run it
            AtomicLong maxWaitNanos = new AtomicLong();
            AtomicInteger beats = new AtomicInteger();
            java.util.Queue<Double> waits = new java.util.concurrent.ConcurrentLinkedQueue<>();
            java.util.Queue<double[]> at = new java.util.concurrent.ConcurrentLinkedQueue<>(); // {seconds into the storm, wait ms}
            long heartbeatStart = System.nanoTime();
            Thread heartbeat = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    long posted = System.nanoTime();
                    Platform.runLater(() -> {
                        long w = System.nanoTime() - posted;
                        maxWaitNanos.accumulateAndGet(w, Math::max);
                        waits.add(w / 1e6);
                        at.add(new double[] {(posted - heartbeatStart) / 1e9, w / 1e6});
                        beats.incrementAndGet();
                    });
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heartbeat");
            heartbeat.start();

            Cpu cpu = new Cpu();
            int changes = 10_000;
            long start = System.nanoTime();
            double startUptime = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0; // to line up with -Xlog:gc
            double last = 0;
            for (int i = 0; i < changes; i++) {
                double v = Math.round(3000 * Math.abs(Math.sin(i * 0.37))) / 1000.0; // wild, unrounded-looking values in [0, 3]
                last = v;
                Platform.runLater(() -> slider.setValue(v));
                if (i % 10 == 9) Thread.sleep(9); // 10 changes per ~10 ms: 10 000 in about 10 s
            }
            double stormSeconds = (System.nanoTime() - start) / 1e9;
            System.out.println("CPU over the storm: " + cpu.since());
            final double finalA = last;
            long end = System.nanoTime();
            Fx.waitFor("the charts to show the last value", 10, () -> {
                var s = vm.chartedProperty().get();
                return s != null && s.commandId() >= vm.lastSubmitted() && s.config().init().a() == finalA;
            });
            double settleMs = (System.nanoTime() - end) / 1e6;
            heartbeat.interrupt();
            heartbeat.join();
            double maxBlockMs = maxWaitNanos.get() / 1e6;
            double[] w = waits.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("heartbeat waits: p50 %.1f p90 %.1f p99 %.1f max %.1f ms; first 20: %s%n", w[w.length / 2], w[(int) (w.length * 0.9)],
                w[(int) (w.length * 0.99)], w[w.length - 1], waits.stream().limit(20).map(d -> String.format("%.0f", d)).toList());
            System.out.printf("longest waits (storm began at JVM uptime %.2f s): %s%n", startUptime, at.stream().sorted((x, y) -> Double.compare(y[1], x[1])).limit(5)
                .map(x -> String.format("%.0f ms at %.2f s", x[1], x[0])).toList());
            System.out.printf("slider storm (%s, %d×%d): %d changes in %.1f s, %d engine updates charted, FX heartbeat max wait %.1f ms over %d beats, "
                + "last value charted %.0f ms after the storm%n", theme, width, height, changes, stormSeconds, charted.get(), maxBlockMs, beats.get(), settleMs);

            assertEquals(finalA, Fx.call(() -> slider.getValue()));
            assertTrue(stormSeconds < 15, "the storm itself took " + stormSeconds + " s");
            assertTrue(charted.get() < changes / 5, charted.get() + " updates: the engine coalesces, it does not queue");
            assertTrue(charted.get() > 10, "the charts kept updating during the storm (" + charted.get() + ")");
            assertTrue(settleMs < 1000, "last value charted " + settleMs + " ms after the storm");
            // one update of the four (canvas) charts takes the FX thread about 2 ms; the longer waits are pulses waiting for
            // the software renderer to finish the previous frame (javafx.pulseLogger: "Waiting for previous rendering"), mostly
            // in the storm's first second and a half, while the JIT compiles what the storm made hot. With the engine paced, its
            // threads and the JIT's below the window's (jvm-linux.options): worst 15–43 ms over 20 runs (README, Reliability);
            // an earlier session, with a load of 5: p50 32–40 ms, worst 177–199 ms. So the bounds here are loose on purpose:
            // they catch an FX thread that waits on the engine or queues the changes (seconds), not a busy machine; the
            // figures printed above are what the README reports
            double p50 = w[w.length / 2];
            assertTrue(p50 < 150, "FX heartbeat: half of the posted tasks waited over " + p50 + " ms");
            assertTrue(maxBlockMs < 2000, "the FX thread was blocked up to " + maxBlockMs + " ms");
        } finally {
            Fx.run(stage::close);
            vm.close();
        }
    }

    /**
     * Who had the two cores: the process, the JIT's compile time and each busy thread with its priority.
     * The JIT's compiler threads are not Java threads: the process's CPU less the threads listed is mostly theirs (the
     * JIT's compile time is elapsed time, waits included).
     */
    private static final class Cpu {
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        final Map<Long, Long> start = new HashMap<>();
        final long process = os.getProcessCpuTime(), jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();

        Cpu() {
            for (Thread t : all()) start.put(t.getId(), threads.getThreadCpuTime(t.getId()));
        }

        /** Every live thread, without Thread.getAllStackTraces: its safepoint (up to 12 ms here) would be measured as a wait. */
        static List<Thread> all() {
            ThreadGroup root = Thread.currentThread().getThreadGroup();
            while (root.getParent() != null) root = root.getParent();
            Thread[] ts = new Thread[root.activeCount() * 2 + 16];
            return Arrays.asList(ts).subList(0, root.enumerate(ts));
        }

        String since() {
            StringBuilder s = new StringBuilder(String.format("process %d ms, JIT compiling %d ms", (os.getProcessCpuTime() - process) / 1_000_000,
                ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit));
            for (Thread t : all()) {
                long used = threads.getThreadCpuTime(t.getId()) - start.getOrDefault(t.getId(), 0L);
                if (used > 50_000_000L) s.append(String.format(", %s (priority %d) %d ms", t.getName(), t.getPriority(), used / 1_000_000));
            }
            return s.toString();
        }
    }
}
