package org.initlab.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.initlab.engine.LabSnapshot;
import org.initlab.init.Scheme;
import org.initlab.ui.Gui;
import org.initlab.ui.LabViewModel;
import org.initlab.ui.ViewsModel;
import org.initlab.ui.LabWindow;

/**
 * Slider-to-chart latency through the real window (headless): the time from the slider's value
 * change (config submitted) to that answer's figures being in the charts — the status bar's figure.
 * Two ways: single moves, each waited for (and a pause after it); and a drag, one slider move per frame
 * for a few seconds, where moves arrive while the engine is busy and only the latest is answered.
 */
public final class LatencyBench {
    /** Milliseconds, sorted; for the drag also how many frames moved the slider and how many updates were charted. */
    public record Result(double[] singleMs, double[] singleEngineMs, double[] dragMs, int dragMoves, int dragCharted, String backend) {}

    private LatencyBench() {}

    /**
     * @param settleSeconds how long the window is left alone after its first charts, as a user reads them (the
     *     engine uses idle time to warm up, see {@link LabViewModel#ENGINE_WARMUP_STEPS})
     * @param warmup single moves made and not timed first (the JIT compiles the hot paths after some hundreds)
     * @param gapMs  pause after each single move's answer is charted: a click or a key press on the slider
     *     comes after the window has painted the last one; 0 sends the next move at once
     */
    public static Result run(Path data, String model, int batch, double settleSeconds, int warmup, int moves, long gapMs, double dragSeconds)
        throws Exception {
        return run(data, model, batch, settleSeconds, warmup, moves, gapMs, dragSeconds, ViewsModel.View.CHARTS, 1);
    }

    /** The same with another view of the Layer stats tab open, and the charts averaging {@code seeds} (the views' own thread busy beside the lab's). */
    public static Result run(Path data, String model, int batch, double settleSeconds, int warmup, int moves, long gapMs, double dragSeconds,
                             ViewsModel.View view, int seeds) throws Exception {
        Gui.startToolkit(true, 1600, 1000);
        AtomicReference<LabViewModel> vmRef = new AtomicReference<>();
        AtomicReference<LabWindow> winRef = new AtomicReference<>();
        AtomicReference<Stage> stageRef = new AtomicReference<>();
        fx(() -> {
            LabViewModel vm = new LabViewModel(data);
            vm.loadPreset(model);
            vm.batchSizeProperty().set(batch);
            vm.schemeProperty().set(Scheme.KAIMING_UNIFORM);
            vm.views().viewProperty().set(view);
            vm.views().seedsProperty().set(seeds);
            LabWindow w = new LabWindow(vm, 1600, 1000);
            Stage st = new Stage();
            st.setScene(w.scene());
            st.show();
            vm.start();
            vmRef.set(vm);
            winRef.set(w);
            stageRef.set(st);
        });
        LabViewModel vm = vmRef.get();
        Slider slider = (Slider) fxGet(() -> winRef.get().scene().lookup("#aSlider"));
        try {
            waitCharted(vm);
            if (fxGet(() -> vm.chartedProperty().get()) == null) throw new IllegalArgumentException(fxGet(() -> vm.problemProperty().get()));
            Thread.sleep((long) (settleSeconds * 1000)); // the user looks at the first charts; the engine warms up meanwhile
            // warm-up, then single moves
            double[] single = new double[moves], engine = new double[moves];
            for (int i = -warmup; i < moves; i++) {
                double a = 3.0 * Math.floorMod(i, 31) / 30;
                fx(() -> slider.setValue(a == slider.getValue() ? a + 0.001 : a));
                waitCharted(vm);
                if (i >= 0) {
                    single[i] = fxGet(() -> vm.latencyMsProperty().get());
                    engine[i] = fxGet(() -> vm.engineMsProperty().get());
                }
                Thread.sleep(gapMs);
            }
            Arrays.sort(single);
            Arrays.sort(engine);
            // a drag: the thumb moves every frame; updates pile up and are coalesced
            List<Double> drag = new ArrayList<>();
            int[] movesMade = {0};
            CountDownLatch dragged = new CountDownLatch(1);
            fx(() -> {
                vm.onCharted(s -> drag.add(vm.latencyMsProperty().get()));
                long start = System.nanoTime();
                new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        double t = (now - start) / 1e9;
                        if (t > dragSeconds) {
                            stop();
                            dragged.countDown();
                            return;
                        }
                        slider.setValue(1.5 + 1.5 * Math.sin(t * 2)); // back and forth across 0 … 3
                        movesMade[0]++;
                    }
                }.start();
            });
            if (!dragged.await((long) (dragSeconds * 10 + 30), TimeUnit.SECONDS)) throw new IllegalStateException("the drag did not finish");
            waitCharted(vm);
            double[] d = fxGet(() -> drag.stream().mapToDouble(Double::doubleValue).toArray());
            Arrays.sort(d);
            return new Result(single, engine, d, movesMade[0], d.length, fxGet(() -> vm.backendProperty().get()));
        } finally {
            fx(() -> stageRef.get().close());
            vm.close();
        }
    }

    public static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** Waits (without polling the FX thread) until the charts answer the last config sent. */
    private static void waitCharted(LabViewModel vm) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        java.util.function.Consumer<LabSnapshot> l = s -> {
            if (s.commandId() >= vm.lastSubmitted()) done.countDown();
        };
        boolean already = fxGet(() -> {
            LabSnapshot s = vm.chartedProperty().get();
            if (s != null && s.commandId() >= vm.lastSubmitted()) return true;
            if (s == null && !vm.problemProperty().get().isEmpty()) return true;
            vm.onCharted(l);
            return false;
        });
        try {
            if (!already && !done.await(120, TimeUnit.SECONDS)) throw new IllegalStateException("no charts within 120 s");
        } finally {
            fx(() -> vm.removeOnCharted(l));
        }
    }

    private static void fx(Runnable r) throws Exception {
        fxGet(() -> {
            r.run();
            return null;
        });
    }

    private static <T> T fxGet(java.util.concurrent.Callable<T> c) throws Exception {
        var t = new java.util.concurrent.FutureTask<>(c);
        Platform.runLater(t);
        return t.get(120, TimeUnit.SECONDS);
    }
}
