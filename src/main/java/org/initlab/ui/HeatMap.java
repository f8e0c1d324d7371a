package org.initlab.ui;

import javafx.geometry.VPos;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.initlab.Numbers;
import org.initlab.stats.Bins;
import org.initlab.stats.Telemetry;

/**
 * One layer's activation histograms over steps ("colorful dimension"): steps on x, bins on y (low
 * values at the bottom), colour log(1 + count) from dark to bright on a fixed map. Drawn through the
 * {@link Painter} like the charts, the cells as an image: on screen, in PNG, and embedded in SVG and PDF.
 */
public final class HeatMap extends CanvasChart {
    /** A perceptual dark → bright map (inferno-like control points): black, purple, red, orange, pale yellow. */
    private static final int[][] MAP = {{0, 0, 4}, {40, 11, 84}, {101, 21, 110}, {159, 42, 99}, {212, 72, 66}, {245, 125, 21}, {250, 193, 39}, {252, 255, 164}};

    private String title = "", top = "", bottom = "", first = "", last = "";
    private int[] pixels;
    private int records, bins;

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
        pixels = render(m.actHist(), records, bins);
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

    /** Columns: steps; rows: bins, top = highest; each pixel log(1 + count) over the map's maximum, coloured. ARGB, row by row. */
    static int[] render(double[][] hist, int records, int bins) {
        if (records == 0) return null;
        double max = 0;
        for (int t = 0; t < records; t++) for (double c : hist[t]) max = Math.max(max, Math.log1p(c));
        int[] px = new int[records * bins];
        for (int t = 0; t < records; t++)
            for (int k = 0; k < bins; k++) px[(bins - 1 - k) * records + t] = colour(max == 0 ? 0 : Math.log1p(hist[t][k]) / max);
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
        double x0 = Math.round(left + labels + small * 0.4), y0 = Math.round(topY + fs * 1.35);
        double x1 = Math.floor(right), y1 = Math.floor(bottomY - small * 1.35);
        if (pixels == null || x1 - x0 < 4 || y1 - y0 < 4) return;
        g.drawPixels(pixels, records, bins, x0, y0, x1 - x0, y1 - y0);
        g.setFont(font);
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

    private static String fmt(double v) {
        return Numbers.significant(v, 3);
    }
}
