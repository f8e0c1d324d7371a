package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every colour a chart draws data in, in every theme, keeps 3:1 against the chart's plot background
 * (WCAG non-text contrast): the current run, the theory, each pin, each training layer and its faded
 * pinned line, and each depth of the a landscape, as the theme's CSS gives them.
 */
class ThemeContrastGuiTest {
    @BeforeAll
    static void start() {
        Fx.start();
    }

    @Test
    void everyLineColourReadsAgainstItsPlotInEveryTheme() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String theme : Themes.NAMES) failures.addAll(Fx.call(() -> lowContrast(theme)));
        assertTrue(failures.isEmpty(), "under 3:1 against the plot:\n" + String.join("\n", failures));
    }

    @Test
    void pinsKeepColoursOfTheirOwnInEveryTheme() throws Exception {
        for (String theme : Themes.NAMES) {
            List<Color> colours = Fx.call(() -> {
                StatsPlot stats = new StatsPlot("t", false, true);
                styled(theme, stats);
                List<Color> c = new ArrayList<>(List.of(stats.seriesColor.getValue(), stats.theoryColor.getValue()));
                for (int k = 0; k < PlotOverlays.PIN_STYLES.size(); k++) c.add(stats.pinColor(k));
                return c;
            });
            assertEquals(colours.size(), new HashSet<>(colours).size(), theme + ": the pins, the current run and the theory each in a colour of its own " + colours);
        }
    }

    private static void styled(String theme, javafx.scene.Parent... charts) {
        Scene scene = new Scene(new VBox(charts), 400, 600);
        Themes.apply(scene, theme);
        scene.getRoot().applyCss();
    }

    private static List<String> lowContrast(String theme) {
        StatsPlot stats = new StatsPlot("t", false, true);
        LandscapeChart landscape = new LandscapeChart();
        TelemetryPlot telemetry = new TelemetryPlot("t", false, null);
        styled(theme, stats, landscape, telemetry);
        List<String> low = new ArrayList<>();
        Color plot = stats.plotColor.getValue();
        check(low, theme + " current run", stats.seriesColor.getValue(), plot);
        check(low, theme + " theory", stats.theoryColor.getValue(), plot);
        for (int k = 0; k < PlotOverlays.PIN_STYLES.size(); k++) check(low, theme + " pin " + k, stats.pinColor(k), plot);
        Color tplot = telemetry.plotColor.getValue();
        for (int k = 0; k < TelemetryPlot.LAYER_COLORS; k++) {
            check(low, theme + " training layer " + k, telemetry.layerColor(k), tplot);
            check(low, theme + " training layer " + k + " pinned", telemetry.faded(telemetry.layerColor(k)), tplot);
        }
        Color lplot = landscape.plotColor.getValue();
        for (int n = 1; n <= 16; n++)
            for (int m = 0; m < n; m++) check(low, theme + " landscape module " + m + " of " + n, landscape.depthColor(m, n), lplot);
        return low;
    }

    private static void check(List<String> low, String what, Color c, Color background) {
        double r = Contrast.ratio(c, background);
        if (r < Contrast.LINES) low.add(String.format(Locale.ROOT, "%s: %s on %s is %.2f:1", what, c, background, r));
    }
}
