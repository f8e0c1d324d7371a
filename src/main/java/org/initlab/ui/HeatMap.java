package org.initlab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.initlab.Numbers;
import org.initlab.stats.Bins;
import org.initlab.stats.Telemetry;

/**
 * One layer's activation histograms over steps ("colorful dimension"): steps on x, bins on y (low
 * values at the bottom), colour log(1 + count) from dark to bright on a fixed map, up to the map's
 * largest count; a colour bar at the right reads colours as counts (0, powers of ten, the largest).
 * Drawn through the {@link Painter} like the charts, the cells as an image: on screen, in PNG, and
 * embedded in SVG and PDF.
 */
public final class HeatMap extends CanvasChart {
    /** A perceptual dark → bright map (inferno-like control points): black, purple, red, orange, pale yellow. */
    private static final int[][] MAP = {{0, 0, 4}, {40, 11, 84}, {101, 21, 110}, {159, 42, 99}, {212, 72, 66}, {245, 125, 21}, {250, 193, 39}, {252, 255, 164}};
    /** The colour bar, top (the largest count) to bottom (none). */
    private static final int[] BAR = bar(64);

    private String title = "", top = "", bottom = "", first = "", last = "";
    private int[] pixels;
    private int records, bins;
    private double maxCount;

    HeatMap() {
        getStyleClass().add("heat-map");
        setMinSize(0, 0);
    }

    /** How many steps the map shows (after the last show). */
    public int records() {
        return records;
    }

    void show(Telemetry.ModuleSeries m, long[] steps) {
        Bins b = m.actBins();
        title = StatsCharts.shortName(m.type()) + " " + m.index();
        top = fmt(b.hi());
        bottom = fmt(b.lo());
        records = Math.min(steps.length, m.actHist().length);
        bins = b.count();
        first = records == 0 ? "" : "step " + steps[0];
        last = records == 0 ? "" : String.valueOf(steps[records - 1]);
        maxCount = maxCount(m.actHist(), records);
        pixels = render(m.actHist(), records, bins, maxCount);
        invalidate();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 300;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 150;
    }

    /** The largest count of the first {@code records} histograms. */
    static double maxCount(double[][] hist, int records) {
        double max = 0;
        for (int t = 0; t < records; t++) for (double c : hist[t]) max = Math.max(max, c);
        return max;
    }

    /** Where a count sits on the colour scale: 0 for none, 1 for {@code max}. */
    static double level(double count, double max) {
        return max <= 0 ? 0 : Math.log1p(count) / Math.log1p(max);
    }

    /** Columns: steps; rows: bins, top = highest; each pixel's count at its {@link #level}, coloured. ARGB, row by row. */
    static int[] render(double[][] hist, int records, int bins, double max) {
        if (records == 0) return null;
        int[] px = new int[records * bins];
        for (int t = 0; t < records; t++)
            for (int k = 0; k < bins; k++) px[(bins - 1 - k) * records + t] = colour(level(hist[t][k], max));
        return px;
    }

    /** The colour bar's counts and their levels, most wanted first: the largest, none, then the powers of ten below the largest, downward. */
    static List<double[]> barTicks(double max) {
        List<double[]> ticks = new ArrayList<>();
        if (max <= 0) return ticks;
        ticks.add(new double[] {max, 1});
        ticks.add(new double[] {0, 0});
        for (double p = Math.pow(10, Math.floor(Math.log10(max))); p >= 1; p /= 10)
            if (p < max) ticks.add(new double[] {p, level(p, max)});
        return ticks;
    }

    private static int[] bar(int n) {
        int[] px = new int[n];
        for (int i = 0; i < n; i++) px[i] = colour(1 - (i + 0.5) / n);
        return px;
    }

    static int colour(double v) {
        v = Math.max(0, Math.min(1, v)) * (MAP.length - 1);
        int i = Math.min(MAP.length - 2, (int) v);
        double f = v - i;
        int r = (int) Math.round(MAP[i][0] + f * (MAP[i + 1][0] - MAP[i][0]));
        int g = (int) Math.round(MAP[i][1] + f * (MAP[i + 1][1] - MAP[i][1]));
        int b = (int) Math.round(MAP[i][2] + f * (MAP[i + 1][2] - MAP[i][2]));
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    @Override
    void draw(Painter g, double left, double topY, double right, double bottomY) {
        double fs = fs(), small = Math.round(fs * 0.85);
        Font font = Font.font(small), bold = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, fs);
        g.setFill(textColor.getValue());
        g.setFont(bold);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, (left + right) / 2, topY);
        double labels = Math.max(StatsPlot.width(top, font), StatsPlot.width(bottom, font));
        List<double[]> ticks = barTicks(maxCount);
        double barLabels = 0;
        for (double[] t : ticks) barLabels = Math.max(barLabels, StatsPlot.width(Numbers.count(t[0]), font));
        double barW = Math.round(small * 0.8), barX = Math.floor(right - barLabels - small * 0.8 - barW);
        double x0 = Math.round(left + labels + small * 0.4), y0 = Math.round(topY + fs * 1.35);
        double x1 = Math.floor(barX - small * 0.6), y1 = Math.floor(bottomY - small * 1.35);
        if (pixels == null || x1 - x0 < 4 || y1 - y0 < 4) return;
        g.drawPixels(pixels, records, bins, x0, y0, x1 - x0, y1 - y0);
        g.drawPixels(BAR, 1, BAR.length, barX, y0, barW, y1 - y0);
        // the map's and the bar's ends are near black and near white: a frame shows where they end on any background
        Color frame = frameColor();
        g.setFill(frame);
        frame(g, x0, y0, x1, y1);
        frame(g, barX, y0, barX + barW, y1);
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        List<Double> placed = new ArrayList<>();
        for (double[] t : ticks) {
            double ty = Math.round(y1 - t[1] * (y1 - y0));
            if (placed.stream().anyMatch(p -> Math.abs(p - ty) < small * 1.3)) continue; // in priority order: none crowds one placed before it
            placed.add(ty);
            g.setFill(frame);
            g.fillRect(barX + barW, ty, small * 0.45, 1);
            g.setFill(textColor.getValue());
            g.fillText(Numbers.count(t[0]), barX + barW + small * 0.6, ty);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        if (y1 - y0 >= small * 2.4) { // the range's ends, where they do not run into each other
            g.setTextBaseline(VPos.TOP);
            g.fillText(top, x0 - small * 0.3, y0);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(bottom, x0 - small * 0.3, y1);
        }
        g.setTextBaseline(VPos.TOP);
        g.fillText(last, x1, y1 + small * 0.2);
        if (StatsPlot.width(first, font) + StatsPlot.width(last, font) + small < x1 - x0) {
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(first, x0, y1 + small * 0.2);
        }
    }

    /**
     * The frame's and the ticks' colour: the text colour faded toward what the map stands on as far as
     * keeps 3:1 against it (WCAG non-text contrast), a quiet line that still reads.
     */
    Color frameColor() {
        return Contrast.faded(textColor.getValue(), FigurePainter.background(this), 1);
    }

    /** A 1 px line around the rectangle, just outside it. */
    private static void frame(Painter g, double x0, double y0, double x1, double y1) {
        g.fillRect(x0 - 1, y0 - 1, x1 - x0 + 2, 1);
        g.fillRect(x0 - 1, y1, x1 - x0 + 2, 1);
        g.fillRect(x0 - 1, y0, 1, y1 - y0);
        g.fillRect(x1, y0, 1, y1 - y0);
    }

    private static String fmt(double v) {
        return Numbers.significant(v, 3);
    }
}
