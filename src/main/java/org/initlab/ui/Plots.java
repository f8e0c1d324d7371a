package org.initlab.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.initlab.engine.LabConfig;
import org.initlab.engine.LabSnapshot;
import org.initlab.engine.Sweep;
import org.initlab.stats.Telemetry;
import org.initlab.train.DivergenceException;
import org.initlab.train.Experiment;
import org.initlab.train.Trainer;

/**
 * `plot`, headless: the stats charts of one config as PNG, SVG or PDF; a sweep as an animated GIF;
 * a training run's telemetry as PNG, SVG or PDF, or replayed as an animated GIF. The same chart nodes as the window,
 * laid out off-screen in a theme.
 */
public final class Plots {
    /** How many frames a training replay shows (evenly spaced over the run, the last one at its end). */
    static final int REPLAY_FRAMES = 30;

    private Plots() {}

    /** `plot`: computes, lays out and writes the charts; the file's extension picks PNG, SVG or PDF. */
    public static void plot(LabConfig config, String theme, boolean logStd, Path out, int width, int height, int scale) throws IOException {
        Themes.check(theme);
        ChartFiles.format(out);
        LabSnapshot s = Gui.compute(config);
        Gui.startToolkit(true, width, height);
        write(StatsFigure.title(s), StatsCharts::new, c -> c.show(s, List.of(), null, logStd), theme, width, height, out, scale);
    }

    /**
     * Charts under a title, in a theme, laid out off-screen and written to {@code out} (PNG at
     * {@code scale}, SVG or PDF). {@code fill} runs twice: some charts need their nodes laid out once.
     * The file is written off the FX thread, so its error reaches the caller as it is.
     */
    static <C extends Region> void write(String title, Supplier<C> make, Consumer<C> fill, String theme, int width, int height, Path out, int scale)
        throws IOException {
        String format = ChartFiles.format(out);
        ChartFiles.save(out, onFx(() -> {
            C charts = make.get();
            VBox root = titled(title, charts, theme, width, height);
            fill.accept(charts);
            root.applyCss();
            root.layout();
            fill.accept(charts);
            root.layout();
            return ChartFiles.render(root, format, scale);
        }));
    }

    /** `plot --sweep`: a looping GIF, a labelled frame per value; progress lines on {@code progress}. */
    public static void sweep(LabConfig base, Sweep sweep, String theme, boolean logStd, Path out, int width, int height, int scale,
                             PrintStream progress) throws IOException, InterruptedException {
        Themes.check(theme);
        ChartFiles.notAFolder(out);
        sweep.check(base);
        Gui.startToolkit(true, width, height);
        SweepExport.write(base, sweep, theme, logStd, width, height, scale, out, (done, total) -> {
            int n = total / 2, k = done <= n ? done : done - n;
            if (k == n || k % 10 == 0) progress.printf(Locale.ROOT, "initlab: %s %d/%d%n", done <= n ? "computed" : "frame", k, n);
        }, () -> false);
    }

    /**
     * `plot --experiment`: trains in-process (a progress line on stderr), then renders the training
     * tab's telemetry charts off-screen: to a PNG, SVG or PDF, or, for a .gif, replayed as {@value #REPLAY_FRAMES}
     * frames over the run.
     */
    public static void plotTraining(Experiment exp, org.initlab.data.Mnist data, long steps, String theme, Path out,
                                    int width, int height, int scale, PrintStream progress) throws IOException {
        Themes.check(theme);
        boolean gif = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gif");
        if (gif) ChartFiles.notAFolder(out);
        else ChartFiles.format(out);
        Trainer t = new Trainer(exp, data, new Trainer.Options(
            (int) Math.max(1, (Math.min(steps > 0 ? steps : Long.MAX_VALUE, (long) exp.epochs() * (data.part(exp.data().trainSplit()).count() / exp.batch())) + 1999) / 2000),
            steps, 0));
        long total = t.totalSteps(), t0 = System.nanoTime();
        int[] shown = {-1};
        List<Telemetry.Snapshot> frames = new ArrayList<>();
        List<Long> frameSteps = new ArrayList<>();
        String failure = null;
        try {
            t.run(new Trainer.Listener() {
                @Override public void step(long step, long totalSteps, int epoch, double loss) {
                    int pct = (int) (100 * step / totalSteps);
                    if (pct / 10 != shown[0] || step == totalSteps) {
                        shown[0] = pct / 10;
                        progress.printf(Locale.ROOT, "initlab: step %d/%d (%d%%) · loss %.4g · %.1f steps/s%n", step, totalSteps, pct, loss,
                            step / ((System.nanoTime() - t0) / 1e9));
                    }
                    // the replay's frames: where the run crosses each k/REPLAY_FRAMES of its steps
                    if (gif && step * REPLAY_FRAMES / totalSteps > (step - 1) * REPLAY_FRAMES / totalSteps && step < totalSteps) {
                        frames.add(t.telemetry().snapshot());
                        frameSteps.add(step);
                    }
                }
            });
        } catch (DivergenceException e) {
            failure = e.getMessage();
            progress.println("initlab: " + failure + " (plotting the steps before it)");
        }
        frames.add(t.telemetry().snapshot());
        frameSteps.add(t.step());
        String title = String.format(Locale.ROOT, "%s · %s · %s · seed %d · batch %d · %d/%d steps%s", exp.model().name(), exp.init(), exp.optimizer(),
            exp.seed(), exp.batch(), t.step(), total, t.lastAccuracy() == null ? "" : String.format(Locale.ROOT, " · test accuracy %.1f %%", 100 * t.lastAccuracy()))
            + (failure == null ? "" : " · " + failure);
        Gui.startToolkit(true, width, height);
        if (!gif) {
            Telemetry.Snapshot last = frames.get(frames.size() - 1);
            write(title, TelemetryCharts::new, c -> c.show(last, null), theme, width, height, out, scale);
            return;
        }
        try (GifWriter w = new GifWriter(out, 250)) {
            for (int i = 0; i < frames.size(); i++) {
                boolean last = i == frames.size() - 1;
                // the step first: a long title is cut at its end, and the step is what changes from frame to frame
                String step = "step " + frameSteps.get(i) + "/" + total + " · ";
                String head = step + (last ? title : String.format(Locale.ROOT, "%s · %s · %s · seed %d · batch %d", exp.model().name(), exp.init(),
                    exp.optimizer(), exp.seed(), exp.batch()));
                w.add(telemetryImage(frames.get(i), head, theme, width, height, scale), last ? 2000 : 250);
            }
            w.commit();
        }
    }

    /** The telemetry charts under a title, drawn at {@code scale} through the charts' painter. */
    private static BufferedImage telemetryImage(Telemetry.Snapshot snap, String title, String theme, int width, int height, int scale) {
        return onFx(() -> {
            TelemetryCharts charts = new TelemetryCharts();
            VBox root = titled(title, charts, theme, width, height);
            charts.show(snap, null);
            root.applyCss();
            root.layout();
            return ChartFiles.image(root, scale);
        });
    }

    /** Charts under a title line, in a theme, in an off-screen scene of this size (not yet laid out). FX thread. */
    static VBox titled(String title, Region charts, String theme, int width, int height) {
        Label head = new Label(title);
        head.getStyleClass().add("plot-title");
        head.setId("plotTitle");
        head.setWrapText(true);
        head.setMinHeight(Region.USE_PREF_SIZE); // a lesson's caption takes as many lines as it needs
        VBox root = new VBox(4, head, charts);
        root.setAlignment(Pos.TOP_CENTER);
        root.getStyleClass().addAll("lab-root", "plot-root");
        VBox.setVgrow(charts, Priority.ALWAYS);
        Scene scene = new Scene(root, width, height);
        Themes.apply(scene, theme);
        return root;
    }

    /** Runs work on the FX thread and waits up to 60 s for its result; its exceptions are rethrown here. */
    static <T> T onFx(Callable<T> work) {
        if (Platform.isFxApplicationThread()) return call(work);
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<RuntimeException> err = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(call(work));
            } catch (RuntimeException e) {
                err.set(e);
            } finally {
                done.countDown();
            }
        });
        Gui.await(done, 60, "rendering the charts took over 60 s");
        if (err.get() != null) throw err.get();
        return result.get();
    }

    private static <T> T call(Callable<T> work) {
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
