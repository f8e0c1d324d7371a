package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javax.imageio.ImageIO;
import org.initlab.engine.LabSnapshot;
import org.initlab.init.Gains;
import org.initlab.init.InitSpec;
import org.initlab.init.Nonlinearity;
import org.initlab.init.Scheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real window, headless (Monocle): settings go in through its controls, assertions read the charts' data. */
class LabWindowGuiTest extends WindowTestBase {
    double chartedActStd(int module) throws Exception {
        return Fx.call(() -> window.charts().chartedValue(StatsCharts.Figure.ACT_STD, module));
    }

    int points(StatsCharts.Figure f, StatsCharts.Series s) throws Exception {
        return Fx.call(() -> window.charts().pointCount(f, s));
    }

    @Test
    void windowStartsAndChartsEveryModuleOfSeed4() throws Exception {
        awaitCharted();
        assertEquals(9, points(StatsCharts.Figure.ACT_STD, StatsCharts.Series.CURRENT));
        assertTrue(points(StatsCharts.Figure.ACT_STD, StatsCharts.Series.THEORY) >= 4, "theory series is drawn");
        assertTrue(Fx.call(() -> window.charts().pinLines(StatsCharts.Figure.ACT_STD)).isEmpty(), "nothing pinned yet");
        Label latency = node("latency");
        assertTrue(Fx.call(latency::getText).matches("first stats after [0-9.]+ s"), Fx.call(latency::getText));
        Fx.run(() -> vm.seedProperty().set(7));
        awaitCharted();
        assertTrue(Fx.call(latency::getText).matches("last update [0-9]+ ms \\(step [0-9]+ ms\\)"), Fx.call(latency::getText));
        assertFalse(Fx.call(() -> node("problem").isVisible() && !((Label) node("problem")).getText().isEmpty()));
    }

    @Test
    void largerAShrinksTheFirstConvOutputAsTheFormulaSays() throws Exception {
        ComboBox<Scheme> scheme = node("scheme");
        ComboBox<InitSpec.Bias> bias = node("bias");
        Slider slider = node("aSlider");
        Fx.run(() -> {
            scheme.setValue(Scheme.KAIMING_UNIFORM);
            bias.setValue(InitSpec.Bias.ZERO);
            slider.setValue(0);
        });
        awaitCharted();
        double atZero = chartedActStd(0);
        Fx.run(() -> slider.setValue(LabViewModel.SQRT5));
        awaitCharted();
        double atSqrt5 = chartedActStd(0);
        assertTrue(atSqrt5 < atZero, "a=√5 gave act std " + atSqrt5 + ", a=0 gave " + atZero);
        // same seed, zero bias: the weights only scale by gain(√5)/gain(0), and so does the conv output
        double expected = Gains.leakyRelu(Math.sqrt(5)) / Gains.leakyRelu(0);
        assertEquals(expected, atSqrt5 / atZero, 0.01 * expected);
        Fx.run(() -> slider.setValue(3));
        awaitCharted();
        assertTrue(chartedActStd(0) < atSqrt5);
    }

    /**
     * On a tanh net, moving a off √5 turns pytorch-default into kaiming-uniform with PyTorch's leaky_relu
     * gain, where a counts; picking kaiming-uniform from the list presets the net's tanh instead.
     */
    @Test
    void movingAOffPytorchDefaultKeepsAInEffect() throws Exception {
        ComboBox<Scheme> scheme = node("scheme");
        Slider slider = node("aSlider");
        Fx.run(() -> {
            vm.loadPreset("tanh10");
            scheme.setValue(Scheme.PYTORCH_DEFAULT);
            slider.setValue(0.5);
        });
        assertEquals(Scheme.KAIMING_UNIFORM, Fx.call(() -> vm.schemeProperty().get()));
        assertEquals(null, Fx.call(() -> vm.nonlinearityProperty().get()), "a = 0.5 still sets the gain");
        assertEquals(0.5, Fx.call(() -> vm.aProperty().get()));
        Fx.run(() -> {
            scheme.setValue(Scheme.PYTORCH_DEFAULT);
            scheme.setValue(Scheme.KAIMING_UNIFORM);
        });
        assertEquals(Nonlinearity.TANH, Fx.call(() -> vm.nonlinearityProperty().get()), "picked from the list: the net's activation");
        Fx.run(() -> vm.loadPreset("seed4"));
    }

    @Test
    void addingALayerUpdatesTheShapesAfterIt() throws Exception {
        awaitCharted();
        assertEquals("→ [16×7×7]", Fx.call(() -> ((Label) node("shape2")).getText()));
        ComboBox<String> type = node("addType");
        Button add = node("addLayer");
        Fx.run(() -> {
            vm.selectedLayerProperty().set(1);
            type.setValue("MaxPool2d");
            add.fire();
        });
        assertEquals(10, Fx.call(() -> vm.rows().size()));
        assertEquals("MaxPool2d", Fx.call(() -> vm.rows().get(2).type()));
        assertEquals("→ [8×7×7]", Fx.call(() -> ((Label) node("shape2")).getText()));
        assertEquals("→ [16×4×4]", Fx.call(() -> ((Label) node("shape3")).getText()));
        awaitCharted();
        assertEquals(10, points(StatsCharts.Figure.ACT_MEAN, StatsCharts.Series.CURRENT));
    }

    @Test
    void impossibleLayerShowsTheMessageThereAndChartsKeepTheLastState() throws Exception {
        awaitCharted();
        LabSnapshot before = Fx.call(() -> vm.chartedProperty().get());
        TextField kernel = node("layer6-k");
        Fx.run(() -> {
            kernel.setText("9");
            kernel.fireEvent(new javafx.event.ActionEvent());
        });
        assertEquals("9", Fx.call(() -> String.valueOf(((org.initlab.nn.LayerSpec.Conv2d) vm.layers().get(6)).kernel())));
        assertTrue(Fx.call(() -> vm.rows().get(6).error()).contains("kernel 9"), Fx.call(() -> vm.rows().toString()));
        Label err = node("layerError6");
        assertTrue(Fx.call(err::getText).contains("kernel 9 is larger than its padded input 6×6"), Fx.call(err::getText));
        assertTrue(Fx.call(() -> node("problem").isVisible()));
        Thread.sleep(300);
        assertSame(before, Fx.call(() -> vm.chartedProperty().get()), "the charts keep the last valid state");
        assertEquals(9, points(StatsCharts.Figure.ACT_STD, StatsCharts.Series.CURRENT));
    }

    @Test
    void pinnedRunStaysOnTheChartsWhileTheInitChanges() throws Exception {
        awaitCharted();
        Fx.run(() -> ((Button) node("pin")).fire());
        Fx.run(() -> vm.schemeProperty().set(Scheme.KAIMING_NORMAL));
        awaitCharted();
        for (StatsCharts.Figure f : StatsCharts.Figure.values())
            assertEquals(9, (int) Fx.call(() -> window.charts().pinLines(f).get(0).points().size()), f + ": the pinned run");
        double pinned = Fx.call(() -> window.charts().pinLines(StatsCharts.Figure.ACT_STD).get(0).points().get(0).value());
        assertEquals(Fx.call(() -> vm.pins().get(0).snapshot().actStd()[0]), pinned);
        assertFalse(pinned == chartedActStd(0), "the pinned run stays while the current one moves");
    }

    @Test
    void pngExportWritesTheChartsAndCsvTheStats(@TempDir Path dir) throws Exception {
        awaitCharted();
        window.setExportDir(dir);
        Path png = Fx.saved(window::exportPng);
        assertNotNull(png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img.getWidth() > 500 && img.getHeight() > 300, img.getWidth() + "×" + img.getHeight());
        assertTrue(distinctColours(img) > 20, "the PNG is not blank");
        Path csv = Fx.call(window::exportCsv);
        var lines = Files.readAllLines(csv);
        assertTrue(lines.get(1).startsWith("module,type,shape,tensor,mean,std"));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("0,Conv2d,100x8x14x14,act,")), String.join("\n", lines));
    }

    @Test
    void missingDataShowsTheSentenceAndOffersAnotherFolder(@TempDir Path empty) throws Exception {
        close();
        open(empty);
        Fx.waitFor("the data problem", 60, () -> vm.dataProblemProperty().get());
        assertTrue(Fx.call(() -> ((Label) node("problem")).getText()).contains("data folder is missing")
            || Fx.call(() -> ((Label) node("problem")).getText()).contains("file is missing"));
        assertTrue(Fx.call(() -> node("chooseData").isVisible()));
        Fx.run(() -> vm.dataFolderProperty().set(DATA));
        awaitCharted();
        assertFalse(Fx.call(() -> node("chooseData").isVisible()));
    }

    @Test
    void nextBatchReinitAndRunChangeWhatIsCharted() throws Exception {
        awaitCharted();
        double first = chartedActStd(0);
        Fx.run(() -> ((Button) node("nextBatch")).fire());
        awaitCharted();
        assertEquals(100, Fx.call(() -> vm.chartedProperty().get().config().offset()));
        assertTrue(chartedActStd(0) != first, "another batch, another std");
        Fx.run(() -> ((Button) node("reinit")).fire());
        awaitCharted();
        assertEquals(1, Fx.call(() -> vm.chartedProperty().get().config().seed()));
        Fx.run(() -> ((javafx.scene.control.ToggleButton) node("run")).fire());
        Fx.waitFor("the run to step over later batches", 30, () -> {
            LabSnapshot s = vm.chartedProperty().get();
            return s.config().offset() >= 400 && vm.offsetProperty().get() == s.config().offset();
        });
        Fx.run(() -> ((javafx.scene.control.ToggleButton) node("run")).fire());
        assertFalse(Fx.call(() -> vm.runningProperty().get()));
        awaitCharted();
        int stoppedAt = Fx.call(() -> vm.chartedProperty().get().config().offset());
        Thread.sleep(200);
        assertEquals(stoppedAt, Fx.call(() -> vm.chartedProperty().get().config().offset()), "paused");
    }

    @Test
    void hoveringAPointShowsItsExactValue() throws Exception {
        awaitCharted();
        StatsPlot act = node("actStdChart");
        Fx.run(() -> window.scene().getRoot().layout());
        String tip = Fx.call(() -> {
            Point2D at = act.position(StatsCharts.Series.CURRENT, 0);
            Point2D scene = act.localToScene(at.getX() + 2, at.getY() + 1), screen = act.localToScreen(at.getX() + 2, at.getY() + 1);
            act.fireEvent(new MouseEvent(MouseEvent.MOUSE_MOVED, scene.getX(), scene.getY(), screen.getX(), screen.getY(),
                MouseButton.NONE, 0, false, false, false, false, false, false, false, false, false, false, null));
            return act.tooltip().isShowing() ? act.tooltip().getText() : "(no tooltip)";
        });
        double exact = Fx.call(() -> vm.chartedProperty().get().actStd()[0]);
        assertEquals("module 0 (Conv2d)\nactivation std = " + String.format(java.util.Locale.ROOT, "%.6g", exact), tip);
        Fx.run(() -> act.fireEvent(new MouseEvent(MouseEvent.MOUSE_EXITED, 0, 0, 0, 0, MouseButton.NONE, 0, false, false, false, false,
            false, false, false, false, false, false, null)));
        assertFalse(Fx.call(() -> act.tooltip().isShowing()), "the tooltip goes with the pointer");
    }

    @Test
    void everySchemeOfTheEngineIsOfferedAndCharts() throws Exception {
        ComboBox<Scheme> scheme = node("scheme");
        assertEquals(java.util.List.of(Scheme.values()), Fx.call(() -> java.util.List.copyOf(scheme.getItems())));
        for (Scheme sc : Scheme.values()) {
            Fx.run(() -> scheme.setValue(sc));
            awaitCharted();
            LabSnapshot s = Fx.call(() -> vm.chartedProperty().get());
            assertEquals(sc, s.config().init().scheme());
            assertEquals(9, s.modules().size(), sc.id());
            assertTrue(s.problem() == null || sc == Scheme.ZEROS, sc.id() + ": " + s.problem());
        }
    }

    @Test
    void aWindowBuiltAfterTheEngineAnsweredShowsThatAnswer() throws Exception {
        LabViewModel early = Fx.call(() -> new LabViewModel(DATA));
        early.start(); // as `gui` does: the engine starts before the toolkit and the window
        try {
            Fx.waitFor("the engine's first answer", 60, () -> early.chartedProperty().get() != null);
            LabWindow late = Fx.call(() -> new LabWindow(early, 1200, 800));
            assertEquals(9, (int) Fx.call(() -> late.charts().pointCount(StatsCharts.Figure.ACT_STD, StatsCharts.Series.CURRENT)));
        } finally {
            early.close();
        }
    }

    static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> c = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3)
            for (int x = 0; x < img.getWidth(); x += 3) c.add(img.getRGB(x, y));
        return c.size();
    }
}
