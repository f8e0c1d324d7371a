package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.initlab.engine.LabConfig;
import org.initlab.engine.Landscape;
import org.initlab.engine.SeedSweep;
import org.initlab.engine.ViewLab;
import org.initlab.init.Scheme;
import org.initlab.stats.Histogram;
import org.initlab.stats.Summary;
import org.junit.jupiter.api.Test;

/** The Layer stats tab's further views in the real window, headless: the state behind each view. */
class ViewsGuiTest extends WindowTestBase {
    @Test
    void histogramsFollowTheSliderOnDataChosenRanges() throws Exception {
        awaitCharted();
        Fx.run(() -> vm.views().viewProperty().set(ViewsModel.View.HISTOGRAMS));
        assertTrue(Fx.call(() -> window.histograms().isVisible() && !window.charts().isVisible()));
        Fx.waitFor("histograms", 60, () -> (window.histograms().shown().size() == 9));
        List<Histogram> before = Fx.call(() -> window.histograms().shown());
        long elements = Fx.call(() -> vm.chartedProperty().get().modules().get(1).act().count());
        assertEquals(elements, before.get(1).total(), "every element of module 1 is counted");
        for (int m : new int[] {1, 3, 5}) assertEquals(0.0, before.get(m).lo(), "a ReLU's output is ≥ 0: its range starts at 0");
        for (Histogram h : before) {
            assertEquals(Histogram.niceCeil(h.hi()), h.hi(), 0, "the range ends on 1, 2 or 5 × 10^k");
            assertTrue(h.lo() == 0 || h.lo() == -h.hi(), "zero at the start or the middle");
        }
        Fx.run(() -> vm.aProperty().set(0));
        Fx.waitFor("histograms at a = 0", 60, () -> vm.views().histogramsProperty().get().config().init().a() == 0);
        assertNotEquals(before.get(6).hi(), Fx.call(() -> window.histograms().shown().get(6).hi()), "He's init widens the last conv's output");
        Fx.run(() -> vm.views().histogramKindProperty().set(ViewsModel.HistogramKind.GRADIENTS));
        assertTrue(Fx.call(() -> window.histograms().gradients()));
        assertTrue(Fx.call(() -> window.histograms().shown().get(0).lo() < 0), "gradients have both signs");
    }

    @Test
    void seedAverageFillsInWithABandOfOneStdAcrossSeeds() throws Exception {
        awaitCharted();
        Fx.run(() -> vm.views().seedsProperty().set(6));
        Fx.waitFor("the band", 120, () -> (!window.charts().band(StatsCharts.Figure.ACT_STD).isEmpty()));
        assertFalse(Fx.call(() -> vm.views().bandPendingProperty().get()));
        LabConfig cfg = Fx.call(() -> vm.chartedProperty().get().config());
        SeedSweep.Result r = ViewLab.compute(new ViewLab.Request(cfg, 6, false, false)).band;
        Summary s = r.modules().get(2).figures().get("act_std");
        PlotOverlays.BandPoint b = Fx.call(() -> window.charts().band(StatsCharts.Figure.ACT_STD).get(2));
        // same seeds, same batch: the same float arithmetic up to the order of a parallel sum
        assertEquals(s.mean() - s.std(), b.lo(), 1e-5 * s.mean());
        assertEquals(s.mean() + s.std(), b.hi(), 1e-5 * s.mean());
        assertEquals(s.mean(), Fx.call(() -> window.charts().chartedValue(StatsCharts.Figure.ACT_STD, 2)), 1e-5 * s.mean(), "the line is the mean over seeds");
        Fx.run(() -> vm.views().seedsProperty().set(1));
        assertTrue(Fx.call(() -> window.charts().band(StatsCharts.Figure.ACT_STD).isEmpty()), "one seed: no band");
    }

    @Test
    void fourPinsAtMostEachLabelledInItsOwnStyle() throws Exception {
        awaitCharted();
        Scheme[] schemes = {Scheme.PYTORCH_DEFAULT, Scheme.KAIMING_UNIFORM, Scheme.XAVIER_UNIFORM, Scheme.KAIMING_NORMAL, Scheme.LECUN_NORMAL};
        for (int i = 0; i < schemes.length; i++) {
            Scheme s = schemes[i];
            Fx.run(() -> vm.schemeProperty().set(s));
            if (s == Scheme.KAIMING_UNIFORM) Fx.run(() -> vm.aProperty().set(0));
            awaitCharted();
            boolean pinned = Fx.call(() -> vm.pin());
            assertEquals(i < Pins.MAX, pinned, "pin " + (i + 1));
        }
        List<PlotOverlays.PinLine> lines = Fx.call(() -> window.charts().pinLines(StatsCharts.Figure.ACT_STD));
        assertEquals(4, lines.size());
        assertEquals("pytorch-default", lines.get(0).label());
        assertEquals("kaiming-uniform a=0 fan_in bias=default", lines.get(1).label(), "PyTorch's default with a moved off √5 keeps its bias");
        Set<Integer> styles = new HashSet<>();
        for (PlotOverlays.PinLine l : lines) styles.add(l.style());
        assertEquals(Set.of(0, 1, 2, 3), styles);
        Set<String> looks = new HashSet<>();
        for (PlotOverlays.PinStyle s : PlotOverlays.PIN_STYLES) looks.add(java.util.Arrays.toString(s.dashes()) + s.marker());
        assertEquals(4, looks.size(), "each pin differs from the others in dashes and marker, not only colour (grayscale print)");
        Fx.run(() -> ((javafx.scene.control.Button) node("unpin1")).fire());
        lines = Fx.call(() -> window.charts().pinLines(StatsCharts.Figure.ACT_STD));
        assertEquals(List.of(0, 2, 3), lines.stream().map(PlotOverlays.PinLine::style).toList(), "the others keep their styles");
        assertTrue(Fx.call(() -> vm.pin()), "a free place again");
        assertEquals(1, (int) Fx.call(() -> vm.pins().get(3).style()), "the freed style is reused");
        Fx.run(() -> ((javafx.scene.control.Button) node("unpin")).fire());
        assertTrue(Fx.call(() -> window.charts().pinLines(StatsCharts.Figure.GRAD_STD).isEmpty()));
    }

    @Test
    void landscapeCursorFollowsTheSliderAndTheLandscapeFollowsTheModel() throws Exception {
        awaitCharted();
        Fx.run(() -> vm.views().viewProperty().set(ViewsModel.View.LANDSCAPE));
        Fx.waitFor("the landscape", 120, () -> (window.landscape().result() != null));
        Landscape.Result first = Fx.call(() -> window.landscape().result());
        assertEquals(Landscape.STEPS, first.a().length);
        assertEquals(9, first.types().size());
        assertEquals(LabViewModel.SQRT5, Fx.call(() -> window.landscape().cursor()), 1e-12);
        assertEquals(List.of(0.0, Math.sqrt(5)), java.util.Arrays.stream(LandscapeChart.marks()).boxed().toList());
        Fx.run(() -> vm.aProperty().set(1.25));
        assertEquals(1.25, Fx.call(() -> window.landscape().cursor()), 0, "the cursor is at the slider's a");
        awaitCharted();
        Thread.sleep(300);
        assertSame(first, Fx.call(() -> window.landscape().result()), "moving a reuses the landscape (cached per model and batch)");
        // He at a = 0 keeps a ReLU net's std; PyTorch's a = √5 shrinks it layer after layer
        double[] last = first.module(6);
        assertTrue(last[0] > 10 * last[22], "the last conv's std at a = 0 against a = 2.2: " + last[0] + ", " + last[22]);
        Fx.run(() -> {
            vm.selectedLayerProperty().set(0);
            vm.addLayer("ReLU");
        });
        Fx.waitFor("the landscape of the edited model", 120, () -> (window.landscape().result() != null
            && window.landscape().result().types().size() == 10));
        assertNotNull(Fx.call(() -> vm.views().shownLandscape()));
    }

    @Test
    void aLessonSetsModelInitViewAndPinsAndMeasuresItsCaption() throws Exception {
        awaitCharted();
        Fx.run(() -> vm.lessons().open("why-sqrt5"));
        Fx.waitFor("the caption", 120, () -> !vm.lessons().captionProperty().get().isEmpty());
        assertEquals("seed4", Fx.call(() -> vm.modelNameProperty().get()));
        assertEquals(Scheme.KAIMING_UNIFORM, Fx.call(() -> vm.schemeProperty().get()));
        assertEquals(0.0, Fx.call(() -> vm.aProperty().get()));
        assertEquals(List.of("pytorch-default"), Fx.call(() -> vm.pins().stream().map(Pins.Pin::label).toList()));
        double measured = Fx.call(() -> vm.chartedProperty().get().actStd()[6]), pinned = Fx.call(() -> vm.pins().get(0).snapshot().actStd()[6]);
        String caption = Fx.call(() -> ((javafx.scene.control.Label) node("lessonCaption")).getText());
        assertTrue(caption.contains(" " + org.initlab.Numbers.significant(measured, 3) + " ") && caption.contains(org.initlab.Numbers.significant(pinned, 3)), caption);
        assertTrue(Fx.call(() -> node("lessonTitle").isVisible()));
        Fx.run(() -> vm.lessons().open("zero-init"));
        assertEquals(ViewsModel.View.HISTOGRAMS, Fx.call(() -> vm.views().viewProperty().get()));
        assertTrue(Fx.call(() -> vm.pins().isEmpty()), "a lesson starts from its own pins");
        Fx.run(() -> vm.showLessons());
        assertTrue(Fx.call(() -> ((javafx.scene.control.MenuButton) node("lessons")).getItems().size()) >= 7);
    }

    @Test
    void aBlockRepeatedByTheSliderMakesTheModelDeep() throws Exception {
        awaitCharted();
        Fx.run(() -> vm.loadPreset("mlp-relu-2x64"));
        awaitCharted();
        assertEquals(6, (int) Fx.call(() -> vm.layers().size()), "Flatten, 2 × (Linear, ReLU), Linear");
        Fx.run(() -> {
            ((javafx.scene.control.Spinner<Integer>) node("repeatFrom")).getValueFactory().setValue(1);
            ((javafx.scene.control.Spinner<Integer>) node("repeatTo")).getValueFactory().setValue(2);
            ((javafx.scene.control.Slider) node("repeatTimes")).setValue(25);
        });
        assertEquals(4 + 2 * 25, (int) Fx.call(() -> vm.layers().size()), "the block × 25, the rest kept");
        Fx.waitFor("the deep model charted", 120, () -> vm.chartedProperty().get() != null && vm.chartedProperty().get().modules().size() == 54);
        Fx.run(() -> ((javafx.scene.control.Slider) node("repeatTimes")).setValue(3));
        assertEquals(4 + 2 * 3, (int) Fx.call(() -> vm.layers().size()), "dragging back shortens it again");
        assertEquals("× 3", Fx.call(() -> ((javafx.scene.control.Label) node("repeatCount")).getText()));
    }
}
