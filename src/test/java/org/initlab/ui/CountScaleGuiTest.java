package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.initlab.engine.HistogramProbe;
import org.initlab.stats.Bins;
import org.initlab.stats.Histogram;
import org.initlab.stats.Telemetry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The histogram views carry their counts: a bar histogram's count axis puts "2k" level with the top of
 * a bar of 2000, and a heat map's colour bar shows, beside "100", the colour of a cell of 100; the map
 * and its bar are framed, their ends seen on every theme's background.
 */
class CountScaleGuiTest {
    @BeforeAll
    static void start() {
        Fx.start();
    }

    /** What a chart drew: its texts (at their anchor, centred vertically), its filled rectangles and its images. */
    static final class Drawing {
        record Text(String s, double x, double y, VPos baseline) {}
        record Rect(double x, double y, double w, double h, Color fill) {}
        record Pixels(int[] argb, int width, int height, double x, double y, double w, double h) {}

        final List<Text> texts = new ArrayList<>();
        final List<Rect> rects = new ArrayList<>();
        final List<Pixels> images = new ArrayList<>();

        Painter painter() {
            Object[] state = {Color.BLACK, VPos.BASELINE};
            return (Painter) Proxy.newProxyInstance(Painter.class.getClassLoader(), new Class<?>[] {Painter.class}, (proxy, m, a) -> {
                switch (m.getName()) {
                    case "setFill" -> state[0] = a[0];
                    case "setTextBaseline" -> state[1] = a[0];
                    case "fillText" -> texts.add(new Text((String) a[0], (double) a[1], (double) a[2], (VPos) state[1]));
                    case "fillRect" -> rects.add(new Rect((double) a[0], (double) a[1], (double) a[2], (double) a[3], (Color) state[0]));
                    case "drawPixels" -> images.add(new Pixels((int[]) a[0], (int) a[1], (int) a[2], (double) a[3], (double) a[4], (double) a[5], (double) a[6]));
                    case "textWidth" -> { return 6.0 * ((String) a[0]).length(); }
                    default -> { }
                }
                return null;
            });
        }

        Text text(String s) {
            return texts.stream().filter(t -> t.s().equals(s)).findFirst().orElse(null);
        }
    }

    @Test
    void aBarHistogramsCountAxisReadsItsBars() throws Exception {
        long[] counts = new long[40];
        counts[10] = 3600;
        counts[20] = 2000;
        counts[30] = 50;
        Histogram h = new Histogram(-1, 1, counts);
        Drawing d = Fx.call(() -> {
            HistogramStrip strip = new HistogramStrip();
            strip.show(List.of(new HistogramProbe.ModuleHistograms(0, "Linear", h, h)), false);
            strip.resize(400, 260);
            Drawing out = new Drawing();
            strip.paint(out.painter());
            return out;
        });
        Color bars = Color.web("#1f5fbf"); // the series colour without a theme
        List<Drawing.Rect> drawn = d.rects.stream().filter(r -> r.fill().equals(bars)).sorted((a, b) -> Double.compare(a.x(), b.x())).toList();
        assertEquals(3, drawn.size(), "a bar per non-empty bin: " + drawn);
        Drawing.Text zero = d.text("0"), two = d.text("2k"), four = d.text("4k");
        assertNotNull(two, "a count label 2k: " + d.texts);
        assertNotNull(four, "a count label 4k: " + d.texts);
        assertEquals(VPos.CENTER, two.baseline());
        double bottom = drawn.get(1).y() + drawn.get(1).h();
        assertEquals(two.y(), drawn.get(1).y(), 1, "the bar of 2000 ends level with 2k");
        assertEquals(bottom - 0.9 * (bottom - four.y()), drawn.get(0).y(), 1, "the bar of 3600 ends 9/10 of the way up to 4k");
        assertNotNull(zero, "0 at the axis");
        assertEquals(bottom, zero.y(), 1, "0 at the bars' foot");
    }

    /** A ReLU's five steps: 20000 in bin 0 at the first, 100 in bin 5 at the third, 3 in bin 9 at the fifth. */
    private static Telemetry.ModuleSeries relu(Bins bins) {
        double[][] hist = new double[5][bins.count()];
        hist[0][0] = 20000;
        hist[2][5] = 100;
        hist[4][9] = 3;
        return new Telemetry.ModuleSeries(1, "ReLU", bins, Bins.GRADIENT, new double[5], new double[5], new double[5], hist,
            new double[5], new double[5], new double[5], new double[5][bins.count()], new double[0]);
    }

    @Test
    void aHeatMapAndItsColourBarAreFramedToReadOnEveryTheme() throws Exception {
        Bins bins = Bins.forActivations("ReLU");
        for (String theme : Themes.NAMES) {
            Object[] got = Fx.call(() -> {
                HeatMap map = new HeatMap();
                Scene scene = new Scene(new StackPane(map), 360, 220);
                Themes.apply(scene, theme);
                map.show(relu(bins), new long[] {1, 2, 3, 4, 5});
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                Drawing out = new Drawing();
                map.paint(out.painter());
                return new Object[] {out, FigurePainter.background(map)};
            });
            Drawing d = (Drawing) got[0];
            Color background = (Color) got[1];
            // the bar's none is near black and its largest near white: one of them is lost on any background without a frame
            for (Drawing.Pixels p : d.images) {
                List<Drawing.Rect> sides = List.of(
                    rect(d, p.x() - 1, p.y() - 1, p.w() + 2, 1), rect(d, p.x() - 1, p.y() + p.h(), p.w() + 2, 1),
                    rect(d, p.x() - 1, p.y(), 1, p.h()), rect(d, p.x() + p.w(), p.y(), 1, p.h()));
                Color frame = sides.get(0).fill();
                for (Drawing.Rect r : sides) assertEquals(frame, r.fill(), theme + ": one colour around the " + (p.width() == 1 ? "bar" : "map"));
                assertTrue(Contrast.ratio(frame, background) >= Contrast.LINES,
                    theme + ": the frame " + frame + " has " + Contrast.ratio(frame, background) + ":1 against " + background);
            }
            Drawing.Pixels bar = d.images.stream().filter(p -> p.width() == 1).findFirst().orElseThrow();
            Color frame = rect(d, bar.x() - 1, bar.y() - 1, bar.w() + 2, 1).fill();
            for (String label : List.of("20k", "100", "0")) {
                Drawing.Text t = d.text(label);
                assertTrue(d.rects.stream().anyMatch(r -> r.fill().equals(frame) && r.x() >= bar.x() + bar.w() && r.x() < t.x() && Math.abs(r.y() - t.y()) <= 1
                    && r.w() >= 3), theme + ": a tick in the frame's colour beside " + label);
            }
        }
    }

    private static Drawing.Rect rect(Drawing d, double x, double y, double w, double h) {
        return d.rects.stream().filter(r -> Math.abs(r.x() - x) < 0.01 && Math.abs(r.y() - y) < 0.01 && Math.abs(r.w() - w) < 0.01 && Math.abs(r.h() - h) < 0.01)
            .findFirst().orElseThrow(() -> new AssertionError("no line at " + x + ", " + y + " of " + w + " × " + h + " among " + d.rects));
    }

    @Test
    void aHeatMapsColourBarReadsItsCells() throws Exception {
        Bins bins = Bins.forActivations("ReLU");
        Telemetry.ModuleSeries m = relu(bins);
        Drawing d = Fx.call(() -> {
            HeatMap map = new HeatMap();
            map.show(m, new long[] {1, 2, 3, 4, 5});
            map.resize(360, 220);
            Drawing out = new Drawing();
            map.paint(out.painter());
            return out;
        });
        Drawing.Pixels cells = d.images.stream().filter(p -> p.width() == 5).findFirst().orElseThrow();
        Drawing.Pixels bar = d.images.stream().filter(p -> p.width() == 1).findFirst().orElse(null);
        assertNotNull(bar, "a colour bar beside the map: " + d.images.size() + " images");
        assertTrue(bar.x() >= cells.x() + cells.w(), "the bar stands right of the map");
        for (String label : List.of("20k", "100", "0")) {
            Drawing.Text t = d.text(label);
            assertNotNull(t, "the colour bar's label " + label + ": " + d.texts);
            assertTrue(t.x() > bar.x() + bar.w(), label + " beside the bar");
        }
        // the bar's colour beside "100" is a cell of 100's colour (step 3, bin 5: row bins-1-5), within one of the bar's 64 steps
        int cell = cells.argb()[(bins.count() - 1 - 5) * 5 + 2];
        Drawing.Text hundred = d.text("100");
        int row = (int) Math.min(bar.height() - 1, (hundred.y() - bar.y()) / bar.h() * bar.height());
        int beside = bar.argb()[row];
        for (int s = 0; s < 24; s += 8)
            assertEquals(cell >> s & 255, beside >> s & 255, 12, String.format("the bar beside 100 is #%06x, a cell of 100 #%06x", beside & 0xffffff, cell & 0xffffff));
        assertEquals(bar.y(), d.text("20k").y(), 1, "the largest count at the bar's top");
        assertEquals(bar.y() + bar.h(), d.text("0").y(), 1, "none at its foot");
    }
}
