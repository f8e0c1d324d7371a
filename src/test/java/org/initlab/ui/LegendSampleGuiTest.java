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
 * dashes, at the line's width, dash lengths and cap, with the line's marker size, centred on a dash and
 * of a length in proportion to the type; in every theme, and in the SVG file as in the window.
 */
class LegendSampleGuiTest {
    @BeforeAll
    static void start() {
        Fx.start();
    }

    /** One stroke: a path (a chart's line) or a straight line (a legend's sample), with the pen it was drawn with. */
    record Stroke(boolean path, Color color, double width, List<Double> dashes, StrokeLineCap cap, double x0, double x1, double fontSize) {
        /** The pen alone, to compare a line's with its sample's. */
        List<Object> pen() {
            return List.of(width, dashes, cap);
        }
    }

    /** What a chart stroked, and the diameters of the dots it filled, by colour. */
    static final class Drawing {
        final List<Stroke> strokes = new ArrayList<>();
        final List<double[]> ovals = new ArrayList<>();
        final List<Color> ovalColors = new ArrayList<>();

        Painter painter() {
            Object[] pen = {Color.BLACK, 1.0, List.<Double>of(), StrokeLineCap.SQUARE, Color.BLACK, 0.0};
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
                    case "setFont" -> pen[5] = ((javafx.scene.text.Font) a[0]).getSize();
                    case "stroke" -> strokes.add(new Stroke(true, (Color) pen[0], (double) pen[1], (List<Double>) pen[2], (StrokeLineCap) pen[3], 0, 0,
                        (double) pen[5]));
                    case "strokeLine" -> strokes.add(new Stroke(false, (Color) pen[0], (double) pen[1], (List<Double>) pen[2], (StrokeLineCap) pen[3],
                        (double) a[0], (double) a[2], (double) pen[5]));
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

        /** A dashed legend sample's strokes in this colour: two, from its middle dash outward. */
        List<Stroke> sample(Color c) {
            List<Stroke> s = strokes.stream().filter(x -> !x.path() && x.color().equals(c)).toList();
            assertEquals(2, s.size(), "a dashed sample's two strokes in " + c + ": " + strokes);
            return s;
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

    /** The plot in a theme as painted: its drawing, the theory's colour and the pin's. */
    private static Object[] drawn(String theme) throws Exception {
        return Fx.call(() -> {
            Stage s = new Stage();
            StatsPlot plot = plot(s, theme);
            Drawing d = new Drawing();
            plot.paint(d.painter());
            s.close();
            return new Object[] {d, plot.theoryColor.getValue(), plot.pinColor(0)};
        });
    }

    @Test
    void eachSampleHasItsLinesWidthDashesAndMarker() throws Exception {
        for (String theme : Themes.NAMES) {
            Object[] got = drawn(theme);
            Drawing d = (Drawing) got[0];
            for (Color c : new Color[] {(Color) got[1], (Color) got[2]}) {
                Stroke line = d.only(c, true);
                assertFalse(line.dashes().isEmpty(), theme + ": the line in " + c + " is dashed");
                for (Stroke sample : d.sample(c)) {
                    assertEquals(line.width(), sample.width(), 1e-9, theme + ": the sample's width against its line's");
                    assertArrayEquals(line.dashes().stream().mapToDouble(x -> x).toArray(), sample.dashes().stream().mapToDouble(x -> x).toArray(), 1e-9,
                        theme + ": the sample's dashes against its line's");
                    assertEquals(line.cap(), sample.cap(), theme + ": the sample's cap");
                }
            }
            Set<Double> theoryDots = d.diameters((Color) got[1]);
            assertEquals(1, theoryDots.size(), theme + ": the theory's markers and its sample's are one size: " + theoryDots);
        }
    }

    /**
     * A dashed sample is centred on a whole dash, shows the gaps either side and some of the next dashes,
     * and is no longer than 2.4 type sizes or two of its dash periods, whichever is longer: a projector's
     * thick line has long dashes, and three whole ones made its sample as long as a name.
     */
    @Test
    void aDashedSampleIsCentredOnADashAndAtMostTwoPeriodsLong() throws Exception {
        for (String theme : Themes.NAMES) {
            Object[] got = drawn(theme);
            Drawing d = (Drawing) got[0];
            for (Color c : new Color[] {(Color) got[1], (Color) got[2]}) {
                List<Stroke> sample = d.sample(c);
                double[] dashes = sample.get(0).dashes().stream().mapToDouble(x -> x).toArray();
                double period = java.util.Arrays.stream(dashes).sum(), dash = dashes[0], fs = sample.get(0).fontSize();
                double left = Math.min(Math.min(sample.get(0).x0(), sample.get(0).x1()), Math.min(sample.get(1).x0(), sample.get(1).x1()));
                double right = Math.max(Math.max(sample.get(0).x0(), sample.get(0).x1()), Math.max(sample.get(1).x0(), sample.get(1).x1()));
                double mid = (left + right) / 2, length = right - left;
                String what = theme + ", the sample in " + c + " (" + length + " px, dashes " + sample.get(0).dashes() + ", type " + fs + " px)";
                // each stroke starts its pattern, and so a dash, at the middle dash's far end and runs out to its end of the sample
                for (Stroke st : sample) assertEquals(dash, Math.abs(st.x0() - mid) * 2, 1e-9, what + ": the middle dash");
                assertTrue(length > dash + 2 * (period - dash), what + ": the gaps either side and some of the next dashes");
                assertTrue(length <= Math.max(2.4 * fs, 2 * period) + 1e-9, what + ": at most 2.4 type sizes or two periods");
            }
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
