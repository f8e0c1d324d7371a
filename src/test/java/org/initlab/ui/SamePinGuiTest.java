package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.initlab.ui.StatsCharts.Series;
import org.initlab.ui.TelemetryLines.Kind;
import org.initlab.ui.TelemetryLines.Line;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A pin of a run that changed nothing is seen: in the Layer stats charts its dashes and markers edge the
 * current line, and the legend says it is the same as the current run; in the training charts its faded
 * dashes edge the current line. Counted in the pin's colour, it keeps at least 40 % of the pixels it has
 * when drawn alone, in every theme.
 */
class SamePinGuiTest {
    @BeforeAll
    static void start() {
        Fx.start();
    }

    private static final List<String> CATEGORIES = new ArrayList<>();
    private static final List<StatsPlot.Point> LINE = new ArrayList<>();

    static {
        for (int i = 0; i < 8; i++) {
            LINE.add(new StatsPlot.Point(i, i % 2 == 0 ? "Linear" : "ReLU", Math.pow(0.7, i)));
            CATEGORIES.add(i + (i % 2 == 0 ? " lin" : " relu"));
        }
    }

    @Test
    void aPinTheSameAsTheCurrentRunShowsAroundIt() throws Exception {
        PlotOverlays.PinLine pin = new PlotOverlays.PinLine("kaiming-uniform a=0 fan_in", 0, LINE);
        for (String theme : Themes.NAMES) {
            long none = statsPixels(theme, LINE, List.of()), alone = statsPixels(theme, List.of(), List.of(pin)),
                over = statsPixels(theme, LINE, List.of(pin));
            assertTrue(alone - none > 200, theme + ": the pin alone draws " + alone + " pixels in its colour, the current run " + none);
            assertTrue(over - none >= (alone - none) * 0.4, theme + ": on the current line the pin keeps " + (over - none) + " of its " + (alone - none) + " pixels");
        }
    }

    @Test
    void theLegendSaysWhichPinIsTheSameAsTheCurrentRun() throws Exception {
        List<StatsPlot.Point> other = LINE.stream().map(p -> new StatsPlot.Point(p.index(), p.type(), p.value() * 2)).toList();
        CountScaleGuiTest.Drawing d = Fx.call(() -> {
            StatsPlot plot = new StatsPlot("Activation std (log scale)", false, true);
            plot.show(CATEGORIES, Map.of(Series.CURRENT, LINE, Series.THEORY, List.of()),
                List.of(new PlotOverlays.PinLine("pytorch-default", 0, LINE), new PlotOverlays.PinLine("xavier-uniform", 1, other)), List.of(), "current", "",
                true);
            plot.resize(900, 400);
            CountScaleGuiTest.Drawing out = new CountScaleGuiTest.Drawing();
            plot.paint(out.painter());
            return out;
        });
        List<String> names = d.texts.stream().map(CountScaleGuiTest.Drawing.Text::s).filter(s -> s.startsWith("pytorch") || s.startsWith("xavier")).toList();
        assertEquals(List.of("pytorch-default" + PlotOverlays.SAME, "xavier-uniform"), names, "the legend's pin names");
    }

    @Test
    void aPinnedTrainingRunTheSameAsTheCurrentShowsAroundIt() throws Exception {
        Line current = new Line("relu 1", 0, false, Kind.LINE, new double[] {0, 50, 100, 150, 200}, new double[] {0.9, 0.6, 0.5, 0.45, 0.42});
        Line pinned = current.asPinned();
        for (String theme : Themes.NAMES) {
            long none = telemetryPixels(theme, List.of(current)), alone = telemetryPixels(theme, List.of(pinned)),
                over = telemetryPixels(theme, List.of(current, pinned));
            assertTrue(alone - none > 200, theme + ": the pinned line alone draws " + alone + " pixels in its colour, the current " + none);
            assertTrue(over - none >= (alone - none) * 0.4, theme + ": on the current line the pinned one keeps " + (over - none) + " of its " + (alone - none) + " pixels");
        }
    }

    private static long statsPixels(String theme, List<StatsPlot.Point> current, List<PlotOverlays.PinLine> pins) throws Exception {
        StatsPlot plot = Fx.call(() -> new StatsPlot("Activation std (log scale)", false, false));
        return pixels(theme, plot, () -> plot.show(CATEGORIES, Map.of(Series.CURRENT, current, Series.THEORY, List.of()), pins, List.of(), "current", "", true),
            () -> plot.pinColor(0));
    }

    private static long telemetryPixels(String theme, List<Line> lines) throws Exception {
        TelemetryPlot plot = Fx.call(() -> new TelemetryPlot("Activation std", false, null));
        return pixels(theme, plot, () -> plot.show(lines), () -> plot.faded(plot.layerColor(0)));
    }

    /** The chart drawn at 600×360 in a theme: how many of its pixels are within 30 per channel of the theme's {@code colour}. */
    private static long pixels(String theme, Region chart, Runnable data, Supplier<Color> colour) throws Exception {
        return Fx.call(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new StackPane(chart), 600, 360));
            Themes.apply(s.getScene(), theme);
            data.run();
            s.show();
            s.getScene().getRoot().layout();
            Color c = colour.get();
            BufferedImage img = ChartFiles.image(chart, 1);
            s.close();
            return TheoryLineGuiTest.near(img, c, 30);
        });
    }
}
