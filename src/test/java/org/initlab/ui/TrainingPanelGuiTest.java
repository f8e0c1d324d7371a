package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TextField;
import org.controlsfx.control.StatusBar;
import org.initlab.engine.TrainingRunner.State;
import org.initlab.init.InitSpec;
import org.initlab.init.Scheme;
import org.initlab.nn.Models;
import org.initlab.train.Experiment;
import org.initlab.train.OptimizerSpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Training tab of the real window, headless (Monocle): controls are fired, assertions read the charts and the view-model. */
class TrainingPanelGuiTest extends WindowTestBase {
    @TempDir Path session;
    TrainingViewModel tvm;

    @Override boolean openBeforeEach() { return false; }
    @Override Path sessionDir() { return session; }

    void open(String preset) throws Exception {
        open(DATA, preset, "training", true);
        tvm = window.training();
    }

    void click(String id) throws Exception {
        Button b = node(id);
        Fx.run(() -> {
            assertFalse(b.isDisabled(), "#" + id + " is disabled");
            b.fire();
        });
    }

    void awaitState(State s, double seconds) throws Exception {
        Fx.waitFor("training state " + s + " (now " + tvm.stateProperty().get() + ", message '" + tvm.messageProperty().get() + "')",
            seconds, () -> tvm.stateProperty().get() == s);
    }

    int lossPoints() throws Exception {
        return Fx.call(() -> window.trainingView().charts().plot(TelemetryCharts.Figure.LOSS).lines().stream()
            .mapToInt(TelemetryLines.Line::size).sum());
    }

    double[] firstLosses(int n) throws Exception {
        return Fx.call(() -> Arrays.copyOf(tvm.latestProperty().get().telemetry().loss(), n));
    }

    @Test
    void runFillsTheChartsAndTheSameSeedGivesTheSameCurve() throws Exception {
        open("cnn");
        Fx.run(() -> tvm.stepLimitProperty().set(6));
        assertEquals(0, lossPoints());
        // what a listener of the state sees when the run finishes: its last numbers (gui --train-steps prints them)
        long[] stepAtFinish = {-1};
        Fx.run(() -> tvm.stateProperty().addListener((o, was, now) -> {
            if (now == State.FINISHED && stepAtFinish[0] < 0) stepAtFinish[0] = tvm.latestProperty().get().step();
        }));
        click("trainRun");
        awaitState(State.FINISHED, 120);
        assertEquals(6, Fx.call(() -> stepAtFinish[0]), "the finished run's own last update");
        assertEquals(6, lossPoints(), "one loss point per step");
        double[] first = firstLosses(6);
        assertTrue(Arrays.stream(first).allMatch(Double::isFinite));
        int maps = Fx.call(() -> window.trainingView().charts().heatMaps().size());
        assertEquals(4, maps, "one colorful-dimension map per ReLU of the cnn");
        assertEquals(6, (int) Fx.call(() -> window.trainingView().charts().heatMaps().get(0).records()));
        StatusBar status = (StatusBar) Fx.call(() -> window.scene().lookup("#trainStatus"));
        assertTrue(Fx.call(status::getText).startsWith("finished · step 6/6"), Fx.call(status::getText));
        assertEquals(1.0, Fx.call(status::getProgress), "the progress of a run of known length");
        int layers = Fx.call(() -> window.trainingView().charts().plot(TelemetryCharts.Figure.ACT_MEAN).lines().size());
        assertEquals(4, layers, "one mean line per ReLU");
        assertEquals(4, (int) Fx.call(() -> window.trainingView().charts().plot(TelemetryCharts.Figure.GRAD_STD).lines().size()), "one gradient line per ReLU");
        var ratios = Fx.call(() -> window.trainingView().charts().plot(TelemetryCharts.Figure.UPDATE_RATIO).lines());
        assertEquals(6, ratios.size(), "four convolutions, the linear layer and the 10⁻³ guide");
        assertEquals(TelemetryLines.Kind.GUIDE, ratios.get(5).kind());
        assertEquals(-3.0, ratios.get(5).y()[0], 1e-12);
        for (var line : ratios.subList(0, 5)) {
            assertEquals(6, line.size(), line.name() + ": one point per step");
            for (int i = 0; i < line.size(); i++) { // log10 of the ratio: Adam's steps of about lr move weights by 1e-4 to 1e-1 of their std
                double y = line.y()[i];
                assertTrue(y > -4 && y < -1, line.name() + " at step " + line.x()[i] + ": 10^" + y);
            }
        }
        assertEquals(List.of("conv 0", "conv 2", "conv 4", "conv 6", "lin 10", TelemetryLines.GUIDE),
            ratios.stream().map(TelemetryLines.Line::name).toList(), "the cnn's weighted modules, named as in the legend");

        click("trainPin");
        Label pinLabel = (Label) Fx.call(() -> window.scene().lookup("#trainPinLabel"));
        assertEquals("pinned run: faded, dashed" + PlotOverlays.SAME, Fx.call(pinLabel::getText), "pinned, the run is the current one");
        click("trainReset");
        awaitState(State.IDLE, 10);
        assertEquals("pinned run: faded, dashed", Fx.call(pinLabel::getText), "reset: no current run to be the same as");
        click("trainRun");
        awaitState(State.FINISHED, 120);
        assertArrayEquals(first, firstLosses(6), "same seed, same losses, bit for bit");
        assertEquals("pinned run: faded, dashed" + PlotOverlays.SAME, Fx.call(pinLabel::getText), "the same seed ran again: the pin is the current run");
        // the pinned run is drawn too, faded: two loss lines, the second the pinned one; per layer, a pinned line in the layer's colour
        var loss = Fx.call(() -> window.trainingView().charts().plot(TelemetryCharts.Figure.LOSS).lines());
        assertEquals(2, loss.size());
        assertFalse(loss.get(0).pinned());
        assertTrue(loss.get(1).pinned());
        var means = Fx.call(() -> window.trainingView().charts().plot(TelemetryCharts.Figure.ACT_MEAN).lines());
        assertEquals(8, means.size(), "four ReLUs, now and pinned");
        for (int i = 0; i < 4; i++) {
            assertEquals(means.get(i).name(), means.get(i + 4).name());
            assertEquals(means.get(i).colour(), means.get(i + 4).colour(), "a pinned line keeps its layer's colour");
            assertTrue(means.get(i + 4).pinned());
        }
        assertEquals(4, TelemetryLines.legend(means).size(), "the legend names each layer once");
        var ratiosPinned = Fx.call(() -> window.trainingView().charts().plot(TelemetryCharts.Figure.UPDATE_RATIO).lines());
        assertEquals(1, ratiosPinned.stream().filter(l -> l.kind() == TelemetryLines.Kind.GUIDE).count(), "one guide, not one per run");

        Path png = Fx.saved(() -> {
            window.trainingView().setExportDir(session);
            return window.trainingView().export("png");
        });
        assertNotNull(png);
        assertTrue(Files.size(png) > 1000);
        int oneX = javax.imageio.ImageIO.read(png.toFile()).getWidth();
        // one PNG size for the lab's Save menu and this one: 2× chosen here draws twice the pixels and shows in the lab's menu
        Fx.run(() -> window.trainingView().pngScaleProperty().set(2));
        Path twice = Fx.saved(() -> window.trainingView().export("png"));
        assertEquals(2 * oneX, javax.imageio.ImageIO.read(twice.toFile()).getWidth(), 2);
        MenuButton labSave = node("saveMenu");
        assertTrue(Fx.call(() -> labSave.getItems().stream().filter(i -> "pngScale2".equals(i.getId())).map(i -> ((RadioMenuItem) i).isSelected()).findFirst().orElse(false)),
            "the lab's Save menu shows 2×");
        Fx.run(() -> window.trainingView().pngScaleProperty().set(1));
        // the same charts as vector files: titles and legends as text, lines as paths, the heat maps as embedded images
        String svg = Files.readString(Fx.saved(() -> window.trainingView().export("svg")));
        for (String t : List.of(">Loss<", ">Update / weight std (log scale)<", ">relu 1<", ">step<", ">10⁻³<"))
            assertTrue(svg.contains(t), "the SVG has " + t);
        assertTrue(svg.split("<image", -1).length - 1 >= 4, "a heat map image per ReLU");
        PdfLook.assertDrawnLikeThePng(Files.readAllBytes(Fx.saved(() -> window.trainingView().export("pdf"))),
            javax.imageio.ImageIO.read(Fx.saved(() -> window.trainingView().export("png")).toFile()));

        Fx.run(() -> tvm.seedProperty().set(1));
        click("trainReset");
        click("trainRun");
        awaitState(State.FINISHED, 120);
        assertFalse(Arrays.equals(first, firstLosses(6)), "another seed, another curve");
        assertEquals("pinned run: faded, dashed", Fx.call(pinLabel::getText), "another seed: the pin differs");
        // at a projector's 1280×720 in its theme the pin is still named, whole, in the window
        Fx.run(() -> {
            vm.themeProperty().set("projector");
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        Fx.waitFor("the window at 1280 px", 10, () -> window.scene().getWidth() <= 1280);
        Fx.run(() -> {
            window.scene().getRoot().applyCss();
            window.scene().getRoot().layout();
        });
        javafx.geometry.Bounds at = Fx.call(() -> pinLabel.localToScene(pinLabel.getLayoutBounds()));
        double whole = Fx.call(() -> pinLabel.prefWidth(-1));
        assertTrue(Fx.call(pinLabel::isVisible) && at.getWidth() >= whole - 0.5 && at.getMinX() >= 0 && at.getMaxX() <= 1280 + 0.5,
            "the pin's label at x = " + at.getMinX() + " … " + at.getMaxX() + ", " + whole + " px wide whole, visible " + Fx.call(pinLabel::isVisible));
    }

    /** Behind the Layer stats tab the training charts are not drawn (the core is training's); coming back shows the latest. */
    @Test
    void chartsBehindTheOtherTabAreDrawnWhenItComesBack() throws Exception {
        open("cnn");
        Fx.run(() -> {
            tvm.stepLimitProperty().set(4);
            window.showTab("stats");
        });
        click("trainRun");
        awaitState(State.FINISHED, 120);
        assertEquals(0, lossPoints(), "nothing charted while the tab is hidden");
        Fx.run(() -> window.showTab("training"));
        assertEquals(4, lossPoints(), "the tab's return charts the run");
    }

    /** The lab's warm-up steps would share the training thread's core (half the machine on two cores). */
    @Test
    void aRunStopsTheLabsWarmUp() throws Exception {
        open("seed4");
        Fx.waitFor("the first charts", 60, () -> vm.chartedProperty().get() != null);
        int left = Fx.call(() -> vm.warmUpStepsLeft());
        Assumptions.assumeTrue(left > 0, "the lab finished warming up before the run could start: nothing to stop");
        click("trainRun");
        awaitState(State.RUNNING, 30);
        assertEquals(0, (int) Fx.call(() -> vm.warmUpStepsLeft()), "warm-up steps left while training");
    }

    @Test
    void pauseAndStopAreHonouredBetweenSteps() throws Exception {
        open("seed4");
        click("trainRun");
        Fx.waitFor("a few steps", 120, () -> tvm.latestProperty().get() != null && tvm.latestProperty().get().step() >= 3);
        click("trainPause");
        awaitState(State.PAUSED, 10);
        // seed4's loss is MSE: no accuracy chart beside the loss, which takes the whole row
        Fx.waitFor("the paused update charted", 10, () -> !window.scene().lookup("#accuracyChart").isVisible());
        javafx.scene.Node loss = window.scene().lookup("#lossChart");
        assertTrue(Fx.call(() -> loss.getLayoutBounds().getWidth() > 0.9 * ((javafx.scene.layout.Region) loss.getParent()).getWidth()), "the loss spans the row");
        long at = Fx.call(() -> tvm.latestProperty().get().step());
        Thread.sleep(600);
        assertEquals(at, (long) Fx.call(() -> tvm.latestProperty().get().step()), "no steps while paused");
        assertEquals("Resume", Fx.call(() -> ((Button) window.scene().lookup("#trainRun")).getText()));
        click("trainRun");
        awaitState(State.RUNNING, 10);
        click("trainStop");
        awaitState(State.STOPPED, 10);
        assertTrue(lossPoints() > 0, "a stopped run keeps its curves");
    }

    @Test
    void divergenceShowsItsMessageAndResetWorks() throws Exception {
        open("cnn");
        Fx.run(() -> {
            ComboBox<OptimizerSpec.Kind> opt = (ComboBox<OptimizerSpec.Kind>) window.scene().lookup("#trainOptimizer");
            opt.setValue(OptimizerSpec.Kind.SGD);
            TextField lr = (TextField) window.scene().lookup("#trainLr");
            lr.setText("1e6");
            lr.getOnAction().handle(null);
            tvm.stepLimitProperty().set(50);
        });
        assertEquals(1e6, Fx.call(() -> tvm.lrProperty().get()));
        click("trainRun");
        awaitState(State.FAILED, 120);
        String m = Fx.call(() -> ((Label) window.scene().lookup("#trainMessage")).getText());
        assertTrue(m.startsWith("training diverged at step "), m);
        assertTrue(m.contains("module"), "names the module: " + m);
        assertTrue(Fx.call(() -> window.scene().lookup("#trainMessage").getParent().isVisible()));
        assertTrue(Fx.call(() -> window.scene().lookup("#trainMessage").getParent().getStyleClass().contains("problem-banner")));

        click("trainReset");
        awaitState(State.IDLE, 10);
        assertEquals("", Fx.call(() -> tvm.messageProperty().get()));
        assertEquals(0, lossPoints());
        Fx.run(() -> {
            tvm.lrProperty().set(1e-3);
            tvm.stepLimitProperty().set(3);
        });
        click("trainRun");
        awaitState(State.FINISHED, 120);
        assertEquals(3, lossPoints());
    }

    @Test
    void aMalformedExperimentIsReportedAndLeftByteForByte() throws Exception {
        open("seed4");
        Path bad = session.resolve("bad.json");
        Files.writeString(bad, Files.readString(Path.of("assets/experiments/cnn-generalrelu-kaiming.json")).replace("\"lr\": 0.001", "\"lr\": -1"));
        byte[] before = Files.readAllBytes(bad);
        long modified = Files.getLastModifiedTime(bad).toMillis();
        assertFalse(Fx.call(() -> tvm.open(bad)));
        String m = Fx.call(() -> ((Label) window.scene().lookup("#trainMessage")).getText());
        assertTrue(m.contains("lr"), "names the field: " + m);
        assertTrue(m.contains("bad.json"), "names the file: " + m);
        assertEquals("seed4", Fx.call(() -> vm.modelNameProperty().get()), "the settings are unchanged");
        Fx.run(() -> tvm.autosaveNow());
        assertArrayEquals(before, Files.readAllBytes(bad));
        assertEquals(modified, Files.getLastModifiedTime(bad).toMillis());

        // a good file opens; saving writes one that reads back equal
        assertTrue(Fx.call(() -> tvm.open(Path.of("assets/experiments/cnn-generalrelu-kaiming.json"))));
        assertEquals("cnn-generalrelu", Fx.call(() -> vm.modelNameProperty().get()));
        assertEquals(Scheme.KAIMING_NORMAL, Fx.call(() -> vm.schemeProperty().get()));
        Path saved = session.resolve("saved.json");
        assertTrue(Fx.call(() -> tvm.save(saved)));
        Experiment back = Experiment.load(saved);
        assertEquals(Fx.call(() -> tvm.experiment()).toJson(), back.toJson());
        assertEquals(0.1, back.init().a(), 1e-12);
    }

    @Test
    void anAutosaveLeftByACrashIsOfferedBack() throws Exception {
        Experiment last = new Experiment("before the crash", Models.cnn(), InitSpec.of(Scheme.KAIMING_NORMAL), Experiment.Data.of(DATA.toString()),
            OptimizerSpec.of(OptimizerSpec.Kind.MOMENTUM, 0.05, 0), 42, 2, 32);
        last.save(session.resolve(TrainingViewModel.AUTOSAVE));
        Files.writeString(session.resolve(TrainingViewModel.MARKER), "12345\n"); // the last session never removed it
        open((String) null);
        assertTrue(Fx.call(() -> window.scene().lookup("#restoreBar").isVisible()), "the restore bar is shown");
        assertEquals(0L, (long) Fx.call(() -> tvm.seedProperty().get()), "nothing is restored until asked");
        click("restoreYes");
        assertFalse(Fx.call(() -> window.scene().lookup("#restoreBar").isVisible()));
        assertEquals(42L, (long) Fx.call(() -> tvm.seedProperty().get()));
        assertEquals(OptimizerSpec.Kind.MOMENTUM, Fx.call(() -> tvm.optimizerProperty().get()));
        assertEquals(0.05, Fx.call(() -> tvm.lrProperty().get()));
        assertEquals(32, (int) Fx.call(() -> tvm.batchProperty().get()));
        assertEquals("cnn", Fx.call(() -> vm.modelNameProperty().get()));
        assertEquals(Scheme.KAIMING_NORMAL, Fx.call(() -> vm.schemeProperty().get()));

        // a change is autosaved (debounced); a clean exit removes the marker, so the next start offers nothing
        Fx.run(() -> tvm.seedProperty().set(7));
        Fx.waitFor("the autosave", 10, () -> {
            try {
                return Experiment.load(session.resolve(TrainingViewModel.AUTOSAVE)).seed() == 7;
            } catch (IllegalArgumentException e) {
                return false;
            }
        });
        Fx.run(() -> stage.close());
        assertFalse(Files.exists(session.resolve(TrainingViewModel.MARKER)));
        vm.close();
        stage = null;
        open((String) null);
        assertFalse(Fx.call(() -> window.scene().lookup("#restoreBar").isVisible()), "after a clean exit no restore is offered");
        assertNull(Fx.call(() -> tvm.latestProperty().get()));
    }

    @Test
    void dismissKeepsTheCurrentSettings() throws Exception {
        new Experiment(null, Models.cnn(), InitSpec.of(Scheme.KAIMING_NORMAL), null, OptimizerSpec.of(OptimizerSpec.Kind.SGD, 0.1, 0), 9, 1, 16)
            .save(session.resolve(TrainingViewModel.AUTOSAVE));
        Files.writeString(session.resolve(TrainingViewModel.MARKER), "1\n");
        open((String) null);
        assertTrue(Fx.call(() -> tvm.restoreOfferedProperty().get()));
        click("restoreNo");
        assertFalse(Fx.call(() -> tvm.restoreOfferedProperty().get()));
        assertEquals(0L, (long) Fx.call(() -> tvm.seedProperty().get()));
        assertEquals("seed4", Fx.call(() -> vm.modelNameProperty().get()));
    }
}
