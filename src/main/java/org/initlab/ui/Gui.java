package org.initlab.ui;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.initlab.AppLog;
import org.initlab.engine.Backend;
import org.initlab.engine.Lab;
import org.initlab.engine.LabConfig;
import org.initlab.engine.LabSnapshot;
import org.initlab.nn.OneDnn;

/** Starting the JavaFX toolkit (on a display, or headless through Monocle), the window, and the engine's one-off answers for {@link Plots}. */
public final class Gui {
    private Gui() {}

    static void trace(String what) {
        if (System.getenv("INITLAB_TRACE") != null)
            System.err.printf(Locale.ROOT, "initlab-trace %.3f s %s%n", ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0, what);
    }

    /** Whether there is no display to open a window on. */
    public static boolean noDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        boolean x11 = !os.contains("win") && !os.contains("mac");
        return x11 && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null;
    }

    /**
     * Starts the FX toolkit once per JVM. Headless uses Monocle's headless screen (software
     * rendering), so snapshots work with no display at all; the properties must be set before start.
     */
    public static synchronized void startToolkit(boolean headless, int width, int height) {
        if (headless) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("headless.geometry", width + "x" + height + "-32");
            System.setProperty("java.awt.headless", "true");
        }
        // Beyond 6 dirty areas a frame, Prism merges them into bounding boxes: while the slider moves, its
        // labels and a chart became one 900×400 area repainted every frame in software. 15 is its maximum.
        if (System.getProperty("prism.dirtyregioncount") == null) System.setProperty("prism.dirtyregioncount", "15");
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            up.countDown();
        }
        Platform.setImplicitExit(false);
        await(up, 30, "the JavaFX toolkit did not start");
    }

    /**
     * Opens the lab window and blocks until it is closed. With {@code screenshot}, waits for the
     * first charts, saves the whole window as PNG and closes it.
     */
    public static int window(Path data, String theme, Path screenshot, int width, int height, boolean headless) throws IOException {
        return window(data, theme, screenshot, width, height, headless, null, 0, null);
    }

    /** With a training run asked for: its start, in seconds after the first charts. */
    static final double TRAIN_AFTER_SECONDS = 2;

    /**
     * As above, on a tab ("stats" or "training"); with {@code trainSteps} > 0 a training run of that
     * many steps starts {@link #TRAIN_AFTER_SECONDS} after the first charts, and a screenshot waits for its end.
     */
    public static int window(Path data, String theme, Path screenshot, int width, int height, boolean headless, String tab, long trainSteps,
                             Path experiment) throws IOException {
        // the engine (ND4J, data, first step) starts before the toolkit, so both warm up at once
        LabViewModel vm = new LabViewModel(data);
        // a scripted screenshot neither reads nor writes what the window remembers: the same command gives the same picture
        WindowState remembered = screenshot == null ? WindowState.load(WindowState.file()) : null;
        vm.themeProperty().set(theme != null ? theme : remembered != null && remembered.theme() != null ? remembered.theme() : "light");
        if (remembered != null) remembered.applyModel(vm);
        // ND4J's natives and its symbol lookups, before JavaFX loads its own libraries on other threads:
        // the two at once can deadlock in the dynamic loader (docs/RELIABILITY.md, "Hangs")
        Backend.configure();
        OneDnn.available();
        vm.start();
        trace("window: starting toolkit");
        startToolkit(headless || noDisplay(), width, height);
        trace("toolkit up");
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<Exception> failure = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                trace("vm made");
                var bounds = Screen.getPrimary().getVisualBounds();
                LabWindow w = new LabWindow(vm, Math.min(width, bounds.getWidth()), Math.min(height, bounds.getHeight()));
                // a bug in a view must not take the lab down in front of a class: say it in the status bar
                Thread.currentThread().setUncaughtExceptionHandler((t, e) -> {
                    String m = AppLog.oneLine(e);
                    System.err.println("initlab: internal error: " + m);
                    w.showMessage("internal error: " + m);
                });
                Stage stage = new Stage();
                stage.setTitle("InitLab — weight initialization lab");
                stage.getIcons().add(new javafx.scene.image.Image(Gui.class.getResource("/icons/initlab.png").toExternalForm()));
                stage.setScene(w.scene());
                if (remembered != null) remembered.applyTo(stage);
                if (screenshot == null) stage.setOnHiding(e -> WindowState.of(stage, vm, remembered).save(WindowState.file()));
                stage.setOnHidden(e -> {
                    vm.close();
                    closed.countDown();
                });
                boolean[] shot = {false};
                Runnable shoot = () -> { // once: after the first charts, or the first problem (the window then shows it)
                    if (screenshot == null || shot[0]) return;
                    shot[0] = true;
                    PauseTransition settle = new PauseTransition(Duration.millis(500)); // layout, CSS and a pulse or two
                    settle.setOnFinished(e -> {
                        try {
                            Exporter.write(w.scene().snapshot(null), screenshot);
                            System.err.println("initlab: saved " + screenshot);
                        } catch (IOException | RuntimeException ex) {
                            failure.set(ex);
                        }
                        stage.close();
                    });
                    settle.play();
                };
                if (tab != null) w.showTab(tab);
                if (experiment != null && !w.training().open(experiment)) System.err.println("initlab: " + w.training().messageProperty().get());
                boolean waitTraining = trainSteps > 0;
                if (waitTraining) {
                    w.training().stepLimitProperty().set(trainSteps);
                    w.training().stateProperty().addListener((o, was, now) -> {
                        if (now == org.initlab.engine.TrainingRunner.State.FINISHED || now == org.initlab.engine.TrainingRunner.State.FAILED) {
                            var u = w.training().latestProperty().get();
                            System.err.printf(Locale.ROOT, "initlab: training %s at step %d (%.1f steps/s)%n", now.name().toLowerCase(Locale.ROOT),
                                u == null ? 0 : u.step(), u == null ? Double.NaN : u.stepsPerSecond());
                            shoot.run();
                        }
                    });
                    w.training().latestProperty().addListener((o, was, now) -> {
                        if (now != null && was == null) trace("training at step " + now.step()); // a test kills the process here
                    });
                }
                boolean[] first = {true};
                java.util.function.Consumer<LabSnapshot> charted = s -> {
                    if (!first[0]) return;
                    first[0] = false;
                    if (waitTraining) { // as a user would: once the window has settled (its warm-up redraws take 1.2 s)
                        var settled = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(TRAIN_AFTER_SECONDS));
                        settled.setOnFinished(e -> w.training().run());
                        settled.play();
                    }
                    System.err.printf(Locale.ROOT, "initlab: first charts %.2f s after start%n", ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
                    if (!waitTraining) shoot.run();
                };
                vm.onCharted(charted);
                java.util.function.Consumer<String> problem = now -> {
                    if (!now.isEmpty() && vm.chartedProperty().get() == null) {
                        System.err.println("initlab: " + now);
                        shoot.run();
                    }
                };
                vm.problemProperty().addListener((o, was, now) -> problem.accept(now));
                // the engine started before the toolkit and may have answered already
                if (vm.chartedProperty().get() != null) charted.accept(vm.chartedProperty().get());
                else problem.accept(vm.problemProperty().get());
                trace("scene made");
                stage.show();
                var slider = w.scene().lookup("#aSlider");
                if (slider != null) slider.requestFocus(); // arrow keys move a straight away
                trace("stage shown");
                vm.flush();
            } catch (RuntimeException e) {
                failure.set(e);
                closed.countDown();
            }
        });
        try {
            // a screenshot of the first charts must not wait forever (scripts, CI): they normally take under 5 s
            if (screenshot != null && trainSteps <= 0 && !closed.await(SCREENSHOT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                AppLog.threads("no charts to screenshot after " + SCREENSHOT_TIMEOUT_SECONDS + " s");
                Platform.exit();
                throw new IllegalStateException("no charts after " + SCREENSHOT_TIMEOUT_SECONDS + " s; what each thread was doing is in " + AppLog.file());
            }
            closed.await();
            Saves.finish(); // a chart saved just before closing is still being written
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Platform.exit();
        if (failure.get() instanceof IOException io) throw io;
        if (failure.get() instanceof RuntimeException re) throw re;
        return 0;
    }

    /** Computes one snapshot for this config on a lab thread; throws with the engine's sentence if it failed. */
    public static LabSnapshot compute(LabConfig config) {
        BlockingQueue<LabSnapshot> q = new ArrayBlockingQueue<>(4);
        try (Lab lab = new Lab(q::offer)) {
            lab.submit(config);
            LabSnapshot s = q.poll(300, TimeUnit.SECONDS);
            if (s == null) throw new IllegalStateException("the engine gave no answer within 300 s");
            if (!s.hasStats()) throw new IllegalArgumentException(s.problem().message());
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    static final int SCREENSHOT_TIMEOUT_SECONDS = 120;

    static void await(CountDownLatch l, int seconds, String message) {
        try {
            if (!l.await(seconds, TimeUnit.SECONDS)) throw new IllegalStateException(message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
