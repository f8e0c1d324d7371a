package org.initlab.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.initlab.ui.StatsCharts.Series;

/**
 * One chart of {@link StatsCharts}, drawn on a canvas: a value per module on a category x axis, up to
 * three series (current, theory, pinned). A LineChart keeps a node per point and per tick and costs the
 * FX thread tens of milliseconds per update under software rendering; this redraws a handful of
 * canvas commands, and only when the data, the size or the style changed. The look comes from the
 * theme's CSS through the {@code -initlab-*} properties.
 */
final class StatsPlot extends CanvasChart {
    /** What a charted point stands for: the module and its exact value (plotted as its log10 on a log scale). */
    record Point(int index, String type, double value) {}

    /** The theory's line width and marker size as a share of the current run's: drawn over it, the current run shows around it. */
    static final double THEORY_WIDTH = 0.6;
    private static final StyleablePropertyFactory<StatsPlot> STYLE = new StyleablePropertyFactory<>(CanvasChart.getClassCssMetaData());
    /** Measures text widths for every plot (FX thread only). */
    private static final Text MEASURE = new Text();

    private final StyleableProperty<Number> markerRadius = watched(STYLE.createStyleableNumberProperty(this, "markerRadius", "-initlab-marker-radius", p -> p.markerRadius, 4.5));
    private final List<StyleableProperty<Color>> pinColors = new ArrayList<>();
    private final StyleableProperty<Boolean> categoryGrid = watched(STYLE.createStyleableBooleanProperty(this, "categoryGrid", "-initlab-category-grid", p -> p.categoryGrid, true));

    private final String title;
    private final boolean zeroInRange;
    private final boolean legend;
    private final Tooltip tooltip = new Tooltip();
    /** Module labels along x, "3 relu"; a point's x slot is its module index. */
    private List<String> categories = List.of();
    private final Map<Series, List<Point>> points = new EnumMap<>(Series.class);
    private List<PlotOverlays.PinLine> pins = List.of();
    private List<PlotOverlays.BandPoint> band = List.of();
    /** The legend's names of the current run and of the band ("mean of 20 seeds", "±1 std across seeds"). */
    private String currentName = "current", bandName = "";
    private boolean log;
    /** Values the y axis spans besides the points: the frames of a sweep share one axis. Empty: the points alone. */
    private double[] span = {};
    /** Where the last drawing put the plot area and the y range, for hovering. */
    private double plotLeft, plotTop, plotWidth, plotHeight, lowerBound, upperBound;

    StatsPlot(String title, boolean zeroInRange, boolean legend) {
        this.title = title;
        this.zeroInRange = zeroInRange;
        this.legend = legend;
        for (Series s : Series.values()) points.put(s, List.of());
        for (int k = 0; k < PlotOverlays.PIN_STYLES.size(); k++) { // a property each, as TelemetryPlot's layer colours
            int slot = k;
            pinColors.add(watched(STYLE.createStyleableColorProperty(this, "pinColor" + k, "-initlab-pin-color" + k, p -> p.pinColors.get(slot), Color.GRAY)));
        }
        setOnMouseMoved(this::hover);
        setOnMouseExited(e -> tooltip.hide());
    }

    /** CanvasChart's properties and this chart's; made at the first call, after the first chart is built. */
    private static List<CssMetaData<? extends Styleable, ?>> metaData;

    /**
     * A factory copies its parent's list when made, and CanvasChart's properties get their metadata
     * only as its first instance is built, after this class's factory was made: without them here,
     * the themes' colours, line width and type size never reached the stats charts.
     */
    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        if (metaData == null) metaData = withOwn(STYLE);
        return metaData;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }

    /** New data: the module labels, each series' points (skipped values left out), the pins, a band, and the scale. */
    void show(List<String> categories, Map<Series, List<Point>> series, List<PlotOverlays.PinLine> pinLines, List<PlotOverlays.BandPoint> bandPoints,
              String current, String bandLabel, boolean logScale) {
        this.categories = categories;
        points.putAll(series);
        pins = pinLines;
        band = bandPoints;
        currentName = current;
        bandName = bandLabel;
        log = logScale;
        invalidate();
    }

    List<PlotOverlays.PinLine> pins() {
        return pins;
    }

    List<PlotOverlays.BandPoint> band() {
        return band;
    }

    /** Makes the y axis span {@code lo}…{@code hi} (exact values, not log10) as well as the points. */
    void span(double lo, double hi) {
        span = new double[] {lo, hi};
        invalidate();
    }

    List<Point> points(Series s) {
        return points.get(s);
    }

    String title() {
        return title + (log ? " (log scale)" : "");
    }

    Tooltip tooltip() {
        return tooltip;
    }

    /** Where the point of this module in this series was drawn (local coordinates), or null. */
    Point2D position(Series s, int module) {
        for (Point p : points.get(s))
            if (p.index() == module) return new Point2D(x(p.index()), y(plotted(p.value())));
        return null;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 400;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 300;
    }

    private double plotted(double v) {
        return log ? Math.log10(v) : v;
    }

    private double x(int module) {
        return plotLeft + (module + 0.5) * plotWidth / Math.max(1, categories.size());
    }

    private double y(double plotted) {
        return plotTop + plotHeight * (upperBound - plotted) / (upperBound - lowerBound);
    }

    // ---- drawing ----

    @Override
    void draw(Painter g, double left, double top, double right, double bottom) {
        double end = bottom, fs = fontSize.getValue().doubleValue();
        Font font = Font.font(fs), bold = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, titleFontSize.getValue().doubleValue());
        double lineH = Math.ceil(fs * 1.3);

        g.setFill(textColor.getValue());
        g.setFont(bold);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title(), (left + right) / 2, top);
        top += Math.ceil(titleFontSize.getValue().doubleValue() * 1.35) + lineH / 2;
        List<List<PlotOverlays.Entry>> legendRows = legend && hasLegend() ? PlotOverlays.rows(legendEntries(), font, left, right) : List.of();
        if (!legendRows.isEmpty()) bottom -= lineH * (0.6 + legendRows.size());

        AxisTicks.Ticks ticks = ticks(Math.max(40, bottom - top - 3 * lineH), fs);
        lowerBound = ticks.lower();
        upperBound = ticks.upper();
        double labelsWidth = 0;
        for (String s : ticks.labels()) labelsWidth = Math.max(labelsWidth, width(s, font));
        // the plot area on whole pixels, so its edges and the axes are sharp
        plotLeft = Math.round(left + labelsWidth + fs * 0.6);
        plotWidth = Math.max(10, Math.floor(right - plotLeft - fs * 0.5));
        XLabels xl = xLabels(font);
        plotTop = Math.round(top);
        plotHeight = Math.max(10, Math.floor(bottom - xl.height - plotTop));

        g.setFill(plotColor.getValue());
        g.fillRect(plotLeft, plotTop, plotWidth, plotHeight);
        drawGrid(g, ticks, font, fs);
        drawCategories(g, xl);
        // the y bounds span every point, so nothing needs clipping; beneath first: the band, the pins, the current run, then the
        // theory, dashed and narrower: where the measurement meets the formula (Xavier on tanh) the theory still shows on it.
        // A pin the same as the current run is drawn wider, its dashes and markers edging the current line: as wide, it would be
        // hidden beneath and seem not pinned; over it, it would hide the current run
        PlotOverlays.Axes axes = new PlotOverlays.Axes() {
            @Override public double x(int module) { return StatsPlot.this.x(module); }
            @Override public double y(double plotted) { return StatsPlot.this.y(plotted); }
            @Override public double plotted(double value) { return StatsPlot.this.plotted(value); }
            @Override public double floor() { return lowerBound; }
        };
        PlotOverlays.band(g, band, seriesColor.getValue(), axes, log);
        for (PlotOverlays.PinLine p : pins)
            PlotOverlays.pin(g, p, pinColor(p.style()), pinWidth(p), pinRadius(p), plotColor.getValue(), axes);
        drawSeries(g, points.get(Series.CURRENT), seriesColor.getValue(), lineWidth(), markerRadius(), null);
        drawSeries(g, points.get(Series.THEORY), theoryColor.getValue(), lineWidth() * THEORY_WIDTH, markerRadius() * THEORY_WIDTH, theoryDashes());
        if (!legendRows.isEmpty())
            PlotOverlays.legend(g, legendRows, font, left, right, end - lineH * (legendRows.size() - 0.2), lineH, textColor.getValue(), plotColor.getValue());
    }

    /** A pin's line width: a pin's usual share of the current run's, wider where it is the current run's line. */
    private double pinWidth(PlotOverlays.PinLine p) {
        return lineWidth() * PlotOverlays.PIN_WIDTH * (p.same(points.get(Series.CURRENT)) ? PlotOverlays.SAME_WIDTH : 1);
    }

    /** A pin's markers' radius, larger where it is the current run's line. */
    private double pinRadius(PlotOverlays.PinLine p) {
        return markerRadius() * PlotOverlays.PIN_RADIUS * (p.same(points.get(Series.CURRENT)) ? PlotOverlays.SAME_RADIUS : 1);
    }

    /** The legend: each sample at its line's width, dashes and marker size. */
    private List<PlotOverlays.Entry> legendEntries() {
        List<PlotOverlays.Entry> entries = new ArrayList<>();
        entries.add(PlotOverlays.Entry.line(currentName, seriesColor.getValue(), lineWidth(), null, markerRadius()));
        if (!band.isEmpty()) entries.add(PlotOverlays.Entry.band(bandName, seriesColor.getValue()));
        if (!points.get(Series.THEORY).isEmpty())
            entries.add(PlotOverlays.Entry.line("theory (formula)", theoryColor.getValue(), lineWidth() * THEORY_WIDTH, theoryDashes(), markerRadius() * THEORY_WIDTH));
        for (PlotOverlays.PinLine p : pins)
            entries.add(PlotOverlays.Entry.pin(p, pinColor(p.style()), pinWidth(p), pinRadius(p), p.same(points.get(Series.CURRENT))));
        return entries;
    }

    /** The theory's dashes in pixels, in the current run's line widths: long enough to read as dashes at the theory's narrower width. */
    private double[] theoryDashes() {
        return new double[] {lineWidth() * 3.2, lineWidth() * 2.4};
    }

    /** The theme's colour of pin style {@code style}. */
    Color pinColor(int style) {
        return pinColors.get(style % pinColors.size()).getValue();
    }

    private double lineWidth() {
        return lineWidth.getValue().doubleValue();
    }

    private double markerRadius() {
        return markerRadius.getValue().doubleValue();
    }

    private boolean hasLegend() {
        return !points.get(Series.CURRENT).isEmpty() || !pins.isEmpty();
    }

    private void drawGrid(Painter g, AxisTicks.Ticks ticks, Font font, double fs) {
        g.setFont(font);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < ticks.values().length; i++) {
            double y = y(ticks.values()[i]);
            g.setFill(gridColor.getValue());
            hLine(g, plotLeft, plotLeft + plotWidth, y);
            g.setFill(textColor.getValue());
            g.fillText(ticks.labels().get(i), plotLeft - fs * 0.4, Math.floor(y) + 0.5);
        }
        g.setFill(gridColor.getValue());
        if (categoryGrid.getValue())
            for (int i = 0; i < categories.size(); i++) vLine(g, x(i), plotTop, plotTop + plotHeight);
        g.setFill(axisColor.getValue());
        // a mean's sign matters: zero gets a line of its own, as LineChart drew it
        if (!log && lowerBound < 0 && upperBound > 0) hLine(g, plotLeft, plotLeft + plotWidth, y(0));
        vLine(g, plotLeft, plotTop, plotTop + plotHeight);
        hLine(g, plotLeft, plotLeft + plotWidth, plotTop + plotHeight);
    }

    /**
     * A 1 px line along the pixel row (column) that holds {@code y} ({@code x}): a filled rectangle on whole
     * pixels, sharp, and under software rendering far cheaper than a stroked, anti-aliased line.
     */
    private static void hLine(Painter g, double x0, double x1, double y) {
        g.fillRect(Math.floor(x0), Math.floor(y), Math.ceil(x1) - Math.floor(x0), 1);
    }

    private static void vLine(Painter g, double x, double y0, double y1) {
        g.fillRect(Math.floor(x), Math.floor(y0), 1, Math.ceil(y1) - Math.floor(y0));
    }

    /** How module labels fit under their slots, from the roomiest to the most crowded. */
    private enum Fit { LEVEL, STACKED, SLANTED }

    /** Module labels as laid out: their font, every k-th one drawn, and the height they take below the plot. */
    private record XLabels(Fit fit, Font font, int every, double height) {}

    /**
     * "3 relu" level if it fits its slot; else the index over the name, in a smaller type if need be
     * (large projector type); else slanted 45°, thinned to every k-th label where even slanted
     * neighbours would overlap (dozens of modules).
     */
    private XLabels xLabels(Font font) {
        double fs = font.getSize(), slot = plotWidth / Math.max(1, categories.size()), lineH = fs * 1.3;
        if (widest(categories, font) <= slot - fs * 0.25) return new XLabels(Fit.LEVEL, font, 1, lineH + fs * 0.4);
        List<String> names = categories.stream().map(c -> c.substring(c.indexOf(' ') + 1)).toList();
        for (Font f : new Font[] {font, Font.font(fs * 0.85)})
            if (widest(names, f) <= slot - f.getSize() * 0.25) return new XLabels(Fit.STACKED, f, 1, 2 * f.getSize() * 1.3 + fs * 0.4);
        // slanted, neighbours are slot·sin45 apart across the text
        int every = (int) Math.ceil(lineH / (slot * Math.sqrt(0.5)));
        return new XLabels(Fit.SLANTED, font, Math.max(1, every), (widest(categories, font) + lineH) * Math.sqrt(0.5) + fs * 0.6);
    }

    static double widest(List<String> labels, Font font) {
        double widest = 0;
        for (String s : labels) widest = Math.max(widest, width(s, font));
        return widest;
    }

    private void drawCategories(Painter g, XLabels xl) {
        double fs = xl.font.getSize(), base = plotTop + plotHeight, below = base + fs * 0.35;
        g.setFont(xl.font);
        g.setTextAlign(xl.fit == Fit.SLANTED ? TextAlignment.RIGHT : TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < categories.size(); i += xl.every) {
            double x = x(i);
            String c = categories.get(i);
            g.setFill(axisColor.getValue());
            vLine(g, x, base, base + fs * 0.3);
            g.setFill(textColor.getValue());
            switch (xl.fit) {
                case LEVEL -> g.fillText(c, x, below);
                case STACKED -> {
                    g.fillText(c.substring(0, c.indexOf(' ')), x, below);
                    g.fillText(c.substring(c.indexOf(' ') + 1), x, below + fs * 1.3);
                }
                case SLANTED -> {
                    g.save();
                    g.translate(x, below);
                    g.rotate(-45);
                    g.fillText(c, 0, 0);
                    g.restore();
                }
            }
        }
    }

    /** A series at this width and marker radius, dashed in these pixel lengths (null: solid). */
    private void drawSeries(Painter g, List<Point> series, Color color, double width, double r, double[] dashes) {
        if (series.isEmpty()) return;
        g.setStroke(color);
        g.setLineWidth(width);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setLineDashes(dashes);
        g.beginPath();
        for (int i = 0; i < series.size(); i++) {
            Point p = series.get(i);
            if (i == 0) g.moveTo(x(p.index()), y(plotted(p.value())));
            else g.lineTo(x(p.index()), y(plotted(p.value())));
        }
        g.stroke();
        g.setLineDashes();
        double ring = Math.max(1.5, width * 0.7);
        for (Point p : series) marker(g, x(p.index()), y(plotted(p.value())), r, ring, color);
    }

    /** A ring in the series colour, filled with the plot background, like LineChart's symbols. */
    private void marker(Painter g, double x, double y, double r, double ring, Color color) {
        g.setFill(color);
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
        double inner = r - ring;
        if (inner <= 0.5) return;
        g.setFill(plotColor.getValue());
        g.fillOval(x - inner, y - inner, 2 * inner, 2 * inner);
    }

    // ---- the y axis ----

    private AxisTicks.Ticks ticks(double height, double fs) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        List<Double> values = new ArrayList<>();
        for (List<Point> series : points.values()) for (Point p : series) values.add(p.value());
        for (PlotOverlays.PinLine pin : pins) for (Point p : pin.points()) values.add(p.value());
        for (PlotOverlays.BandPoint b : band) {
            values.add(b.hi());
            if (!log || b.lo() > 0) values.add(b.lo());
        }
        for (double v : values) {
            lo = Math.min(lo, plotted(v));
            hi = Math.max(hi, plotted(v));
        }
        for (double v : span)
            if (!log || v > 0) {
                lo = Math.min(lo, plotted(v));
                hi = Math.max(hi, plotted(v));
            }
        return log ? AxisTicks.logTicks(lo, hi) : AxisTicks.linear(lo, hi, Math.max(2, (int) (height / (fs * 3.2))), zeroInRange);
    }

    /** Widths already measured (FX thread only): the same labels come back on every redraw, and each text layout makes garbage. */
    private static final Map<Font, Map<String, Double>> WIDTHS = new HashMap<>();

    /** Text width in this font. */
    static double width(String s, Font font) {
        Map<String, Double> known = WIDTHS.computeIfAbsent(font, f -> new HashMap<>());
        Double w = known.get(s);
        if (w == null) {
            if (known.size() > 2000) known.clear(); // tick labels change with the data; keep the cache small
            MEASURE.setFont(font);
            MEASURE.setText(s);
            known.put(s, w = MEASURE.getLayoutBounds().getWidth());
        }
        return w;
    }

    // ---- hovering ----

    private void hover(MouseEvent e) {
        String text = null;
        double best = Math.max(10, markerRadius() + 5); // how far from a point the pointer may be
        // the current run wins a tie: it is drawn on top
        Map<String, List<Point>> lines = new java.util.LinkedHashMap<>();
        lines.put(band.isEmpty() ? Series.CURRENT.prefix() : currentName + ": ", points.get(Series.CURRENT));
        lines.put(Series.THEORY.prefix(), points.get(Series.THEORY));
        for (PlotOverlays.PinLine p : pins) lines.put("pinned " + p.label() + ": ", p.points());
        for (var line : lines.entrySet())
            for (Point p : line.getValue()) {
                double d = Math.hypot(e.getX() - x(p.index()), e.getY() - y(plotted(p.value())));
                if (d < best - 0.5) {
                    best = d;
                    text = "module " + p.index() + " (" + p.type() + ")\n" + line.getKey() + title.toLowerCase(Locale.ROOT) + " = "
                        + String.format(Locale.ROOT, "%.6g", p.value());
                }
            }
        tip(tooltip, text, e);
    }
}
