package org.initlab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * What {@link StatsPlot} draws beside its own series: up to four labelled pins, each in a colour, a dash
 * pattern and a marker shape of its own (so they stay apart in grayscale print as well as on a
 * projector), the band of a seed average, and the legend that names them all.
 */
final class PlotOverlays {
    private PlotOverlays() {}

    /** A pinned run's line in a chart: its label, its style (0–3) and its points. */
    record PinLine(String label, int style, List<StatsPlot.Point> points) {
        /** Whether it is the current run's line point for point: drawn where that is, it would hide beneath it. */
        boolean same(List<StatsPlot.Point> current) {
            return !points.isEmpty() && points.equals(current);
        }
    }

    /** What the legend adds to a pin that is the same as the current run in its chart. */
    static final String SAME = " (same as current)";

    /** The band at one module: lower and upper value (not yet on the plot's scale). */
    record BandPoint(int index, double lo, double hi) {}

    /** How pin {@code style} looks apart from its colour (the theme's {@code -initlab-pin-color0} … {@code 3}): dashes in line widths, marker. */
    record PinStyle(double[] dashes, Marker marker) {}

    enum Marker { CIRCLE, SQUARE, TRIANGLE, DIAMOND, CROSS }

    /**
     * Long dashes and squares, dots and triangles, dash-dots and diamonds, short dashes and crosses: the
     * pins stay apart from each other in grayscale print, whatever colours the theme gives them.
     */
    static final List<PinStyle> PIN_STYLES = List.of(
        new PinStyle(new double[] {4, 1.6}, Marker.SQUARE),
        new PinStyle(new double[] {0.1, 1.8}, Marker.TRIANGLE),
        new PinStyle(new double[] {4, 1.4, 0.1, 1.4}, Marker.DIAMOND),
        new PinStyle(new double[] {1.6, 1.2}, Marker.CROSS));

    /** Maps a module index and a plotted value to canvas coordinates. */
    interface Axes {
        double x(int module);

        double y(double plotted);

        double plotted(double value);

        /** Plotted value at the bottom of the plot area. */
        double floor();
    }

    static void band(Painter g, List<BandPoint> band, Color color, Axes axes, boolean log) {
        if (band.size() < 1) return;
        g.setFill(color.deriveColor(0, 1, 1, 0.22));
        double[] xs = new double[band.size() * 2], ys = new double[band.size() * 2];
        int n = band.size();
        for (int i = 0; i < n; i++) {
            BandPoint b = band.get(i);
            xs[i] = axes.x(b.index());
            ys[i] = axes.y(axes.plotted(b.hi()));
            xs[2 * n - 1 - i] = xs[i];
            // on a log scale a lower edge at or below zero lies under the plot's floor
            ys[2 * n - 1 - i] = axes.y(log && b.lo() <= 0 ? axes.floor() : axes.plotted(b.lo()));
        }
        if (n == 1) { // one module: a bar
            double x = xs[0];
            g.fillRect(x - 6, Math.min(ys[0], ys[1]), 12, Math.abs(ys[1] - ys[0]));
            return;
        }
        g.fillPolygon(xs, ys, xs.length);
    }

    /** A pin's line width and marker size as a share of the current run's: beneath it, the current run stays the first line read. */
    static final double PIN_WIDTH = 0.8, PIN_RADIUS = 0.9;

    /**
     * How much wider a pin the same as the current run is drawn beneath it, and how much larger its
     * markers, so its dashes and markers edge the current line (the Layer stats and Training charts alike).
     */
    static final double SAME_WIDTH = 2.6, SAME_RADIUS = 1.6;

    /** Draws a pin at {@code width} and marker {@code radius}, its style's dashes scaled to that width. */
    static void pin(Painter g, PinLine pin, Color color, double width, double radius, Color background, Axes axes) {
        PinStyle s = PIN_STYLES.get(pin.style() % PIN_STYLES.size());
        if (pin.points().isEmpty()) return;
        g.setStroke(color);
        g.setLineWidth(width);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setLineDashes(scaled(s.dashes(), width));
        g.beginPath();
        for (int i = 0; i < pin.points().size(); i++) {
            StatsPlot.Point p = pin.points().get(i);
            double x = axes.x(p.index()), y = axes.y(axes.plotted(p.value()));
            if (i == 0) g.moveTo(x, y);
            else g.lineTo(x, y);
        }
        g.stroke();
        g.setLineDashes();
        for (StatsPlot.Point p : pin.points()) marker(g, s.marker(), axes.x(p.index()), axes.y(axes.plotted(p.value())), radius, color, background, width);
    }

    private static double[] scaled(double[] dashes, double width) {
        double[] d = new double[dashes.length];
        for (int i = 0; i < d.length; i++) d[i] = dashes[i] * width;
        return d;
    }

    /** A marker outline in the series colour, filled with the plot background where it has an inside. */
    static void marker(Painter g, Marker m, double x, double y, double r, Color color, Color background, double width) {
        double ring = Math.max(1.5, width * 0.7);
        switch (m) {
            case CIRCLE -> {
                g.setFill(color);
                g.fillOval(x - r, y - r, 2 * r, 2 * r);
                if (r - ring > 0.5) {
                    g.setFill(background);
                    g.fillOval(x - r + ring, y - r + ring, 2 * (r - ring), 2 * (r - ring));
                }
            }
            case SQUARE -> polygon(g, new double[] {x - r, x + r, x + r, x - r}, new double[] {y - r, y - r, y + r, y + r}, color, background, ring);
            case TRIANGLE -> polygon(g, new double[] {x, x + r * 1.15, x - r * 1.15}, new double[] {y - r * 1.2, y + r * 0.8, y + r * 0.8}, color, background, ring);
            case DIAMOND -> polygon(g, new double[] {x, x + r * 1.2, x, x - r * 1.2}, new double[] {y - r * 1.2, y, y + r * 1.2, y}, color, background, ring);
            case CROSS -> {
                g.setStroke(color);
                g.setLineWidth(ring);
                g.setLineDashes();
                g.strokeLine(x - r, y - r, x + r, y + r);
                g.strokeLine(x - r, y + r, x + r, y - r);
            }
        }
    }

    private static void polygon(Painter g, double[] xs, double[] ys, Color color, Color background, double ring) {
        g.setFill(background);
        g.fillPolygon(xs, ys, xs.length);
        g.setStroke(color);
        g.setLineWidth(ring);
        g.setLineDashes();
        g.strokePolygon(xs, ys, xs.length);
    }

    // ---- the legend ----

    /**
     * A legend entry, its sample drawn as the line it names is drawn: its width, its dashes in pixels (null:
     * solid) and its marker's radius; a band's sample is a filled box.
     */
    record Entry(String name, Color color, double width, double[] dashes, Marker marker, double radius, boolean band) {
        static Entry line(String name, Color color, double width, double[] dashes, double radius) {
            return new Entry(name, color, width, dashes, Marker.CIRCLE, radius, false);
        }

        static Entry band(String name, Color color) {
            return new Entry(name, color, 0, null, null, 0, true);
        }

        /**
         * A pin as {@link #pin(Painter, PinLine, Color, double, double, Color, Axes)} draws it at this width and radius;
         * {@code same}: it is the current run's line, and named so.
         */
        static Entry pin(PinLine p, Color color, double width, double radius, boolean same) {
            PinStyle s = PIN_STYLES.get(p.style() % PIN_STYLES.size());
            return new Entry(p.label() + (same ? SAME : ""), color, width, scaled(s.dashes(), width), s.marker(), radius, false);
        }
    }

    /** Entries in rows that fit between left and right, in order. */
    static List<List<Entry>> rows(List<Entry> entries, Font font, double left, double right) {
        List<List<Entry>> rows = new ArrayList<>();
        List<Entry> row = new ArrayList<>();
        double used = 0, fs = font.getSize();
        for (Entry e : entries) {
            double w = entryWidth(e, font);
            if (!row.isEmpty() && used + w > right - left) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            row.add(e);
            used += w + fs * 1.4;
        }
        if (!row.isEmpty()) rows.add(row);
        return rows;
    }

    private static double entryWidth(Entry e, Font font) {
        return sampleLength(e, font.getSize()) + font.getSize() * 0.4 + StatsPlot.width(e.name(), font);
    }

    /**
     * A sample of 2.4 type sizes; a dashed one is centred on a whole dash (under its marker), shows the
     * line's gaps either side and ends within the next dashes (a quarter dash or a line width of each): two dash
     * periods or less where the dashes are long (a thick projector line), its length otherwise.
     */
    static double sampleLength(Entry e, double fs) {
        if (e.dashes() == null) return fs * 2.4;
        double dash = e.dashes()[0], period = period(e.dashes()), around = period - dash, stub = Math.min(dash, Math.max(dash / 4, e.width()));
        // half a sample: half the middle dash, the gaps (and dots) after it, whole periods, and some of a dash
        double half = Math.max(fs * 1.2, dash / 2 + around + stub), periods = Math.floor((half - dash / 2 - around - stub) / period);
        double end = Math.min(dash, half - dash / 2 - around - periods * period); // a length that falls in a gap ends on a whole dash
        return 2 * (dash / 2 + around + periods * period + end);
    }

    /** The length after which a dash pattern repeats: an odd list repeats once more to pair every dash with a gap. */
    private static double period(double[] dashes) {
        double period = 0;
        for (double d : dashes) period += d;
        return dashes.length % 2 == 1 ? 2 * period : period;
    }

    /**
     * A dashed sample as two strokes from its middle dash outward, each starting with that dash: every
     * format starts a dash pattern where its line starts (JFreeSVG and JFreePDF write no dash offset).
     */
    private static void dashedSample(Painter g, double x, double y, double length, double dash) {
        double mid = x + length / 2;
        g.strokeLine(mid + dash / 2, y, x, y);
        g.strokeLine(mid - dash / 2, y, x + length, y);
    }

    /** Draws the rows, each centred, the first at y, one line height apart. */
    static void legend(Painter g, List<List<Entry>> rows, Font font, double left, double right, double y, double lineH, Color text, Color background) {
        double fs = font.getSize();
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (List<Entry> row : rows) {
            double total = -fs * 1.4;
            for (Entry e : row) total += entryWidth(e, font) + fs * 1.4;
            double x = (left + right - total) / 2;
            for (Entry e : row) {
                double sample = sampleLength(e, fs);
                if (e.band()) {
                    g.setFill(e.color().deriveColor(0, 1, 1, 0.22));
                    g.fillRect(x, y - fs * 0.45, sample, fs * 0.9);
                } else {
                    g.setStroke(e.color());
                    g.setLineWidth(e.width());
                    g.setLineCap(StrokeLineCap.ROUND);
                    g.setLineDashes(e.dashes());
                    if (e.dashes() == null) g.strokeLine(x, y, x + sample, y);
                    else dashedSample(g, x, y, sample, e.dashes()[0]);
                    g.setLineDashes();
                    marker(g, e.marker(), x + sample / 2, y, e.radius(), e.color(), background, e.width());
                }
                g.setFill(text);
                g.fillText(e.name(), x + sample + fs * 0.4, y);
                x += entryWidth(e, font) + fs * 1.4;
            }
            y += lineH;
        }
    }
}
