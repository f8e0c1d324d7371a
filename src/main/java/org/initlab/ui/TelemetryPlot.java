package org.initlab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.initlab.ui.TelemetryLines.Kind;
import org.initlab.ui.TelemetryLines.Line;

/**
 * One training chart on a canvas: lines over steps (whole-number ticks on x), a linear, log10 or fixed
 * y axis, a title that shrinks to fit, and a legend on the right naming each layer once. The pinned
 * run's lines are drawn beneath in their layer's colour, faded and dashed (a line the same as the current
 * run's wider, so that it edges it rather than hide under it); test accuracy as dots; the
 * update ratio's guide dashed in the axis colour. Layer colours come from the theme
 * ({@code -initlab-layer-color0} … {@code 7}), the rest from the same {@code -initlab-*} properties as the stats charts.
 */
final class TelemetryPlot extends CanvasChart {
    private static final StyleablePropertyFactory<TelemetryPlot> STYLE = new StyleablePropertyFactory<>(CanvasChart.getClassCssMetaData());
    /** How many layer colours a theme sets ({@code -initlab-layer-color0} … {@code 7}); layers beyond take them again. */
    static final int LAYER_COLORS = 8;
    private static final String[] DEFAULT_COLORS = {"#1f5fbf", "#d97700", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#cc4aa8", "#1396a3"};

    private final StyleableProperty<Number> markerRadius = watched(STYLE.createStyleableNumberProperty(this, "markerRadius", "-initlab-marker-radius", p -> p.markerRadius, 4.5));
    private final List<StyleableProperty<Color>> layerColors = new ArrayList<>();

    private String title;
    private final boolean log;
    /** A fixed y range (accuracy: 0–100), or null: the lines' own. */
    private final double[] fixedY;
    private List<Line> lines = List.of();
    private final Tooltip tooltip = new Tooltip();
    /** Where the last drawing put the plot area and its ranges, for hovering. */
    private double plotLeft, plotTop, plotWidth, plotHeight, xLo, xHi, yLo, yHi;

    TelemetryPlot(String title, boolean log, double[] fixedY) {
        this.title = title;
        this.log = log;
        this.fixedY = fixedY;
        getStyleClass().add("telemetry-plot");
        setMinSize(0, 0);
        for (int k = 0; k < LAYER_COLORS; k++) { // a property each: JavaFX's CSS parser keeps only the first of a list in a property of our own
            int slot = k;
            layerColors.add(watched(STYLE.createStyleableColorProperty(this, "layerColor" + k, "-initlab-layer-color" + k, p -> p.layerColors.get(slot),
                Color.web(DEFAULT_COLORS[k]))));
        }
        setOnMouseMoved(this::hover);
        setOnMouseExited(e -> tooltip.hide());
    }

    private static List<CssMetaData<? extends Styleable, ?>> metaData;

    /** CanvasChart's properties and this chart's (see {@link StatsPlot#getClassCssMetaData()} for why it is built late). */
    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        if (metaData == null) metaData = withOwn(STYLE);
        return metaData;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }

    /** New lines (the current run's and the pinned run's); redrawn at the next layout pass. */
    void show(List<Line> next) {
        lines = List.copyOf(next);
        invalidate();
    }

    List<Line> lines() {
        return lines;
    }

    void setTitle(String t) {
        if (t.equals(title)) return;
        title = t;
        invalidate();
    }

    Tooltip tooltip() {
        return tooltip;
    }

    /** The plot area of the last drawing (local coordinates). */
    Rectangle2D plotArea() {
        return new Rectangle2D(plotLeft, plotTop, plotWidth, plotHeight);
    }

    /** Where point {@code i} of a line was drawn (local coordinates, after the last drawing). */
    Point2D position(Line l, int i) {
        return new Point2D(x(l.x()[i]), y(l.y()[i]));
    }

    /** The colour of a layer's slot in this theme. */
    Color layerColor(int slot) {
        return layerColors.get(Math.floorMod(slot, LAYER_COLORS)).getValue();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 300;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 200;
    }

    private double x(double step) {
        return plotLeft + plotWidth * (step - xLo) / (xHi - xLo);
    }

    private double y(double plotted) {
        return plotTop + plotHeight * (yHi - plotted) / (yHi - yLo);
    }

    // ---- drawing ----

    @Override
    void draw(Painter g, double left, double top, double right, double bottom) {
        double fs = fs(), lineH = Math.ceil(fs * 1.3);
        Font font = Font.font(fs);
        top = drawTitle(g, left, top, right, fs);
        double plotTopY = top + fs * 0.5, xRow = lineH + fs * 0.3;
        plotTop = Math.round(plotTopY);
        plotHeight = Math.floor(bottom - xRow - plotTop);
        Legend legend = legend(TelemetryLines.legend(lines), fs, plotHeight, right - left);
        AxisTicks.Ticks yt = TelemetryLines.yTicks(lines, log, fixedY, (int) (Math.max(20, plotHeight) / (fs * 2.6)));
        double labels = StatsPlot.width("step", font);
        for (String s : yt.labels()) labels = Math.max(labels, StatsPlot.width(s, font));
        TelemetryLines.Range xr = TelemetryLines.xRange(lines);
        double widestStep = StatsPlot.width(Long.toString((long) Math.max(1, Math.abs(xr.isEmpty() ? 1 : xr.hi()))), font);
        plotLeft = Math.round(left + labels + fs * 0.5);
        // room on the right for the key, or for half the last step's label
        plotWidth = Math.floor(right - (legend.width() > 0 ? legend.width() + fs * 0.6 : Math.max(fs * 0.6, widestStep / 2 + 1)) - plotLeft);
        if (plotWidth < 20 || plotHeight < 12) { // too small to read: the title alone, and nothing to hover
            plotWidth = 0;
            return;
        }
        // a margin past the outer ticks, so a line (or the 1e-3 guide) on one does not run along the frame
        double margin = fixedY == null ? 0.03 * (yt.upper() - yt.lower()) : 0;
        yLo = yt.lower() - margin;
        yHi = yt.upper() + margin;
        AxisTicks.Ticks xt = AxisTicks.steps(xr.lo(), xr.hi(), (int) (plotWidth / (widestStep + fs * 1.5)));
        xLo = xt.lower();
        xHi = xt.upper();

        g.setFill(plotColor.getValue());
        g.fillRect(plotLeft, plotTop, plotWidth, plotHeight);
        drawAxes(g, yt, xt, font, fs);
        for (Line l : lines) if (l.pinned()) drawLine(g, l, l.kind() == Kind.LINE && TelemetryLines.onCurrent(l, lines));
        for (Line l : lines) if (!l.pinned() && l.kind() == Kind.GUIDE) drawLine(g, l, false);
        for (Line l : lines) if (!l.pinned() && l.kind() != Kind.GUIDE) drawLine(g, l, false);
        if (legend.width() > 0) drawLegend(g, legend, right - legend.width(), plotTop);
    }

    /** The title, bold, shrunk down to the tick labels' size where the chart is narrow, then cut with an ellipsis; returns the y below it. */
    private double drawTitle(Painter g, double left, double top, double right, double fs) {
        double size = titleFontSize.getValue().doubleValue(), min = Math.min(size, fs);
        Font bold = bold(size);
        while (size > min && StatsPlot.width(title, bold) > right - left) bold = bold(size = Math.max(min, size - 1));
        String shown = title;
        while (shown.length() > 1 && StatsPlot.width(shown, bold) > right - left) shown = shown.substring(0, shown.length() - 2) + "…";
        g.setFill(textColor.getValue());
        g.setFont(bold);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(shown, (left + right) / 2, top);
        return top + Math.ceil(size * 1.3);
    }

    private static Font bold(double size) {
        return Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, size);
    }

    private void drawAxes(Painter g, AxisTicks.Ticks yt, AxisTicks.Ticks xt, Font font, double fs) {
        double base = plotTop + plotHeight;
        g.setFont(font);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < yt.values().length; i++) {
            double y = y(yt.values()[i]);
            g.setFill(gridColor.getValue());
            g.fillRect(plotLeft, Math.floor(y), plotWidth, 1);
            g.setFill(textColor.getValue());
            g.fillText(yt.labels().get(i), plotLeft - fs * 0.35, Math.floor(y) + 0.5);
        }
        // "step" in the corner under the y labels; a tick label that would run into it is left out
        g.setTextBaseline(VPos.TOP);
        g.fillText("step", plotLeft - fs * 0.35, base + fs * 0.3);
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i < xt.values().length; i++) {
            double x = Math.floor(x(xt.values()[i])), w = StatsPlot.width(xt.labels().get(i), font);
            g.setFill(gridColor.getValue());
            g.fillRect(x, plotTop, 1, plotHeight);
            if (x - w / 2 < plotLeft - fs * 0.2 || x + w / 2 > plotLeft + plotWidth + fs * 0.6) continue;
            g.setFill(axisColor.getValue());
            g.fillRect(x, base, 1, fs * 0.25);
            g.setFill(textColor.getValue());
            g.fillText(xt.labels().get(i), x + 0.5, base + fs * 0.3);
        }
        g.setFill(axisColor.getValue());
        if (!log && fixedY == null && yLo < 0 && yHi > 0) g.fillRect(plotLeft, Math.floor(y(0)), plotWidth, 1); // a mean's sign matters
        g.fillRect(plotLeft, plotTop, 1, plotHeight);
        g.fillRect(plotLeft, base, plotWidth, 1);
    }

    /**
     * The pinned run's colour: the layer's, mixed toward the plot's background (opaque, so every file
     * format shows it alike), but no further than still reads against it.
     */
    Color faded(Color c) {
        return Contrast.faded(c, plotColor.getValue(), 0.6);
    }

    private Color colour(Line l) {
        Color c = l.kind() == Kind.GUIDE ? axisColor.getValue() : layerColor(l.colour());
        return l.pinned() ? faded(c) : c;
    }

    /** @param cased a pinned line the same as a current one: drawn wider beneath it, its dashes edge it */
    private void drawLine(Painter g, Line l, boolean cased) {
        if (l.size() == 0) return;
        Color c = colour(l);
        if (l.kind() == Kind.DOTS) {
            double r = markerRadius.getValue().doubleValue();
            for (int i = 0; i < l.size(); i++) dot(g, x(l.x()[i]), y(l.y()[i]), r, c);
            return;
        }
        double w = l.kind() == Kind.GUIDE ? Math.max(1, lw() * 0.6) : lw();
        if (cased) w = lw() * PlotOverlays.SAME_WIDTH;
        g.setStroke(c);
        g.setLineWidth(w);
        g.setLineCap(l.kind() == Kind.GUIDE ? StrokeLineCap.BUTT : StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        if (l.kind() == Kind.GUIDE) g.setLineDashes(w * 4, w * 4);
        else if (l.pinned()) g.setLineDashes(w * 3, w * 2.5);
        else g.setLineDashes();
        g.beginPath();
        if (l.kind() == Kind.GUIDE) { // across the whole plot: a level, not data
            g.moveTo(plotLeft, y(l.y()[0]));
            g.lineTo(plotLeft + plotWidth, y(l.y()[0]));
        } else {
            g.moveTo(x(l.x()[0]), y(l.y()[0]));
            for (int i = 1; i < l.size(); i++) g.lineTo(x(l.x()[i]), y(l.y()[i]));
            if (l.size() == 1) g.lineTo(x(l.x()[0]) + 0.01, y(l.y()[0])); // one point: a round dot
        }
        g.stroke();
        g.setLineDashes();
    }

    /** A disc in the line's colour, ringed in the plot's background so it stands off the lines beneath. */
    private void dot(Painter g, double x, double y, double r, Color c) {
        double ring = Math.max(1, r * 0.3);
        g.setFill(plotColor.getValue());
        g.fillOval(x - r - ring, y - r - ring, 2 * (r + ring), 2 * (r + ring));
        g.setFill(c);
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
    }

    /** The key as laid out: its entries, their type, how many rows a column holds, the columns' width, and the whole width (0: no key). */
    private record Legend(List<Line> entries, Font font, int rows, double column, double width) {}

    /**
     * One entry a row in as many columns as the plot's height needs; in smaller type if that is what makes
     * it fit in under half the chart's width; else the rows that fit and "…" (or no key at all on a sliver).
     */
    private Legend legend(List<Line> entries, double fs, double height, double chartWidth) {
        if (entries.isEmpty()) return new Legend(entries, Font.font(fs), 0, 0, 0);
        for (double size : new double[] {fs, Math.round(fs * 0.85)}) {
            Font f = Font.font(size);
            int rows = (int) Math.max(1, height / Math.ceil(size * 1.3));
            int cols = (entries.size() + rows - 1) / rows;
            double column = columnWidth(entries, f);
            if (cols * column + (cols - 1) * size * 0.6 <= chartWidth * 0.45) return new Legend(entries, f, rows, column, cols * column + (cols - 1) * size * 0.6);
        }
        Font f = Font.font(Math.round(fs * 0.85));
        double column = columnWidth(entries, f);
        if (column > chartWidth * 0.45) return new Legend(List.of(), f, 0, 0, 0);
        return new Legend(entries, f, (int) Math.max(1, height / Math.ceil(f.getSize() * 1.3)), column, column);
    }

    private static double columnWidth(List<Line> entries, Font f) {
        double widest = 0;
        for (Line l : entries) widest = Math.max(widest, StatsPlot.width(l.name(), f));
        return f.getSize() * 1.9 + widest;
    }

    /** Column by column from the plot's top: the stroke's sample (a dot for dots) and the name; "…" in the last row where the rest do not fit. */
    private void drawLegend(Painter g, Legend legend, double x0, double top) {
        double fs = legend.font().getSize(), sample = fs * 1.5, lineH = Math.ceil(fs * 1.3);
        int columns = (int) Math.round((legend.width() + fs * 0.6) / (legend.column() + fs * 0.6));
        g.setFont(legend.font());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < legend.entries().size(); i++) {
            int row = i % legend.rows(), col = i / legend.rows();
            double x = x0 + col * (legend.column() + fs * 0.6), y = top + row * lineH + lineH / 2;
            Line l = legend.entries().get(i);
            if (col == columns - 1 && row == legend.rows() - 1 && i < legend.entries().size() - 1) {
                g.setFill(textColor.getValue());
                g.fillText("…", x + sample + fs * 0.4, y);
                break;
            }
            Color c = colour(l);
            if (l.kind() == Kind.DOTS) dot(g, x + sample / 2, y, Math.min(markerRadius.getValue().doubleValue(), fs * 0.4), c);
            else {
                double w = l.kind() == Kind.GUIDE ? Math.max(1, lw() * 0.6) : Math.min(lw(), fs * 0.3);
                g.setStroke(c);
                g.setLineWidth(w);
                g.setLineCap(StrokeLineCap.BUTT);
                if (l.kind() == Kind.GUIDE) g.setLineDashes(w * 2, w * 2);
                g.strokeLine(x, y, x + sample, y);
                g.setLineDashes();
            }
            g.setFill(textColor.getValue());
            g.fillText(l.name(), x + sample + fs * 0.4, y);
        }
    }

    // ---- hovering ----

    /** The point nearest the pointer, within a few pixels: its line, step and value. */
    private void hover(MouseEvent e) {
        if (plotWidth <= 0) {
            tip(tooltip, null, e);
            return;
        }
        String text = null;
        double best = Math.max(8, markerRadius.getValue().doubleValue() + 4);
        for (Line l : lines) {
            if (l.kind() == Kind.GUIDE) continue;
            for (int i = 0; i < l.size(); i++) {
                double d = Math.hypot(e.getX() - x(l.x()[i]), e.getY() - y(l.y()[i]));
                if (d < best) {
                    best = d;
                    double v = log ? Math.pow(10, l.y()[i]) : l.y()[i];
                    // a long run's point is a bucket's mean (of log10 on a log chart): say which steps, and that it is a mean
                    String steps = l.isMean(i) ? "steps " + l.first()[i] + "–" + l.last()[i] + (log ? " (geometric mean)" : " (mean)")
                        : "step " + Math.round(l.x()[i]);
                    text = (l.pinned() ? "pinned · " : "") + l.name() + " · " + steps + "\n"
                        + title.replace(" (log scale)", "").toLowerCase(Locale.ROOT) + " = " + String.format(Locale.ROOT, "%.4g", v);
                }
            }
        }
        tip(tooltip, text, e);
    }
}
