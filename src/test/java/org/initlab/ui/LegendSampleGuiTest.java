package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.stage.Stage;
import org.initlab.ui.StatsCharts.Series;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A legend's sample is drawn as the line it names: the theory's narrower, dashed line and a pin's
 * dashes, at the line's width, dash lengths and cap, with the line's marker size; in every theme, and
 * in the SVG file as in the window.
 */
class LegendSampleGuiTest {
    @BeforeAll
    static void start() {
        Fx.start();
    }

    /** One stroke: a path (a chart's line) or a straight line (a legend's sample), with the pen it was drawn with. */
    record Stroke(boolean path, Color color, double width, List<Double> dashes, StrokeLineCap cap) {}

    /** What a chart stroked, and the diameters of the dots it filled, by colour. */
    static final class Drawing {
        final List<Stroke> strokes = new ArrayList<>();
        final List<double[]> ovals = new ArrayList<>();
        final List<Color> ovalColors = new ArrayList<>();

        Painter painter() {
            Object[] pen = {Color.BLACK, 1.0, List.<Double>of(), StrokeLineCap.SQUARE, Color.BLACK};
            return (Painter) Proxy.newProxyInstance(Painter.class.getClassLoader(), new Class<?>[] {Painter.class}, (proxy, m, a) -> {
                switch (m.getName()) {
                    case "setStroke" -> pen[0] = a[0];
                    case "setLineWidth" -> pen[1] = a[0];
                    case "setLineDashes" -> {
                        List<Double> d = new ArrayList<>();
                        if (a != null && a[0] != null) for (double v : (double[]) a[0]) d.add(v);
                        pen[2] = d;
                    }
                    case "setLineCap" -> pen[3] = a[0];
                    case "setFill" -> pen[4] = a[0];
                    case "stroke", "strokeLine" -> strokes.add(new Stroke(m.getName().equals("stroke"), (Color) pen[0], (double) pen[1],
                        (List<Double>) pen[2], (StrokeLineCap) pen[3]));
                    case "fillOval" -> {
                        ovals.add(new double[] {(double) a[2]});
                        ovalColors.add((Color) pen[4]);
                    }
                    case "textWidth" -> { return 6.0 * ((String) a[0]).length(); }
                    default -> { }
                }
                return null;
            });
        }

        Stroke only(Color c, boolean path) {
            List<Stroke> s = strokes.stream().filter(x -> x.path() == path && x.color().equals(c)).toList();
            assertEquals(1, s.size(), (path ? "one line" : "one legend sample") + " in " + c + ": " + strokes);
            return s.get(0);
        }

        /** The diameters of the dots filled in this colour: the line's markers and the sample's, outer rings only. */
        Set<Double> diameters(Color c) {
            Set<Double> d = new TreeSet<>();
            for (int i = 0; i < ovals.size(); i++) if (ovalColors.get(i).equals(c)) d.add(Math.round(ovals.get(i)[0] * 1000) / 1000.0);
            return d;
        }
    }

    static StatsPlot plot(Stage s, String theme) {
        List<StatsPlot.Point> current = new ArrayList<>(), theory = new ArrayList<>(), pinned = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            current.add(new StatsPlot.Point(i, "Tanh", 0.8 + 0.05 * i));
            theory.add(new StatsPlot.Point(i, "Tanh", 0.7 + 0.05 * i));
            pinned.add(new StatsPlot.Point(i, "Tanh", 0.2 + 0.02 * i));
            categories.add(i + " tanh");
        }
        StatsPlot plot = new StatsPlot("Activation std (log scale)", false, true);
        s.setScene(new Scene(new StackPane(plot), 900, 420));
        Themes.apply(s.getScene(), theme);
        plot.show(categories, Map.of(Series.CURRENT, current, Series.THEORY, theory), List.of(new PlotOverlays.PinLine("std 0.01", 0, pinned)),
            List.of(), "current", "", true);
        s.show();
        s.getScene().getRoot().layout();
        return plot;
    }

    @Test
    void eachSampleHasItsLinesWidthDashesAndMarker() throws Exception {
        for (String theme : Themes.NAMES) {
            Object[] got = Fx.call(() -> {
                Stage s = new Stage();
                StatsPlot plot = plot(s, theme);
                Drawing d = new Drawing();
                plot.paint(d.painter());
                s.close();
                return new Object[] {d, plot.theoryColor.getValue(), plot.pinColor(0)};
            });
            Drawing d = (Drawing) got[0];
            for (Color c : new Color[] {(Color) got[1], (Color) got[2]}) {
                Stroke line = d.only(c, true), sample = d.only(c, false);
                assertFalse(line.dashes().isEmpty(), theme + ": the line in " + c + " is dashed");
                assertEquals(line.width(), sample.width(), 1e-9, theme + ": the sample's width against its line's");
                assertArrayEquals(line.dashes().stream().mapToDouble(x -> x).toArray(), sample.dashes().stream().mapToDouble(x -> x).toArray(), 1e-9,
                    theme + ": the sample's dashes against its line's");
                assertEquals(line.cap(), sample.cap(), theme + ": the sample's cap");
            }
            Set<Double> theoryDots = d.diameters((Color) got[1]);
            assertEquals(1, theoryDots.size(), theme + ": the theory's markers and its sample's are one size: " + theoryDots);
        }
    }

    @Test
    void theSvgDrawsTheTheorysSampleAsItsLine() throws Exception {
        Object[] got = Fx.call(() -> {
            Stage s = new Stage();
            StatsPlot plot = plot(s, "light");
            String svg = ChartFiles.svg(plot);
            s.close();
            return new Object[] {svg, plot.theoryColor.getValue()};
        });
        String svg = (String) got[0];
        Color c = (Color) got[1];
        String rgb = String.format("rgb(%d,%d,%d)", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
        // every stroke in the theory's colour (its line, styled on its group, and its legend's sample; its markers are fills) with one pen
        Matcher m = Pattern.compile("<(?:g|path|line)\\s[^>]*>").matcher(svg);
        Set<String> pens = new TreeSet<>();
        int n = 0;
        while (m.find()) {
            String e = m.group();
            if (!e.contains("stroke=\"" + rgb + "\"") && !e.contains("stroke:" + rgb)) continue;
            n++;
            pens.add(attr(e, "stroke-width") + " / " + attr(e, "stroke-dasharray") + " / " + attr(e, "stroke-linecap"));
        }
        assertTrue(n >= 2, "the theory's line and its sample in the SVG, " + n + " strokes in " + rgb);
        assertEquals(1, pens.size(), "one pen for the theory's line and its sample: " + pens);
    }

    /** An SVG attribute's value, written as an attribute or in a style. */
    private static String attr(String element, String name) {
        Matcher m = Pattern.compile("(?:^|[\\s;'\"])" + name + "(?:=['\"]|:)([^'\";]*)").matcher(element);
        return m.find() ? m.group(1) : "none";
    }
}
