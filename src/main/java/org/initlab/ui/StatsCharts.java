package org.initlab.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import org.initlab.engine.LabSnapshot;
import org.initlab.engine.ModuleStats;

/**
 * The four live charts, by module, in a 2×2 grid: activation mean and std, gradient mean and std.
 * Std charts may use a log scale (values plotted as log10, ticks labelled as powers of ten); the
 * activation std chart also shows the theoretical std, and every chart the pinned run when there is one.
 */
public final class StatsCharts extends GridPane {
    /** Which figure a chart shows. */
    public enum Figure { ACT_MEAN, ACT_STD, GRAD_MEAN, GRAD_STD }

    /** The lines of a chart: the current run (or the mean over seeds), the theory (activation std only). Pins and the band are overlays. */
    public enum Series {
        CURRENT(""), THEORY("theory ");

        private final String prefix;

        Series(String prefix) {
            this.prefix = prefix;
        }

        /** How a tooltip names this series' value. */
        String prefix() {
            return prefix;
        }
    }

    private final List<StatsPlot> plots = new ArrayList<>();

    public StatsCharts() {
        getStyleClass().add("stats-charts");
        plots.add(plot("Activation mean", "actMeanChart", true, false));
        plots.add(plot("Activation std", "actStdChart", false, true));
        plots.add(plot("Gradient mean", "gradMeanChart", true, false));
        plots.add(plot("Gradient std", "gradStdChart", false, false));
        for (int i = 0; i < 4; i++) add(plots.get(i), i % 2, i / 2);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(r);
        }
    }

    private static StatsPlot plot(String title, String id, boolean zeroInRange, boolean legend) {
        StatsPlot p = new StatsPlot(title, zeroInRange, legend);
        p.setId(id);
        return p;
    }

    /**
     * Shows a run and the pinned ones beneath it; with a band (its seed average of this run, or null) the
     * current line is the mean over the seeds and the band ±1 std across them.
     */
    public void show(LabSnapshot current, List<Pins.Pin> pins, ViewsModel.Band band, boolean logStd) {
        LabSnapshot labelled = current != null && current.hasStats() ? current : pins.isEmpty() ? null : pins.get(0).snapshot();
        List<String> categories = categories(labelled, pins);
        for (Figure f : Figure.values()) {
            boolean log = logStd && (f == Figure.ACT_STD || f == Figure.GRAD_STD);
            Map<Series, List<StatsPlot.Point>> series = new EnumMap<>(Series.class);
            List<PlotOverlays.BandPoint> bandPoints = new ArrayList<>();
            series.put(Series.CURRENT, band == null ? points(current, values(f, current), log) : SeedBands.means(band, f, log, bandPoints));
            series.put(Series.THEORY, f == Figure.ACT_STD && current != null ? points(current, current.theoryStd(), log) : List.of());
            List<PlotOverlays.PinLine> lines = new ArrayList<>();
            for (Pins.Pin p : pins) lines.add(new PlotOverlays.PinLine(p.label(), p.style(), points(p.snapshot(), values(f, p.snapshot()), log)));
            String name = band == null ? "current" : "mean of " + band.seeds() + " seeds";
            plots.get(f.ordinal()).show(categories, series, lines, bandPoints, name, band == null ? "" : SeedBands.LABEL, log);
        }
    }

    /** The pins' lines in a chart, in pin order. */
    public List<PlotOverlays.PinLine> pinLines(Figure f) {
        return plots.get(f.ordinal()).pins();
    }

    /** The band's (lower, upper) per module in a chart; empty without a band. */
    public List<PlotOverlays.BandPoint> band(Figure f) {
        return plots.get(f.ordinal()).band();
    }

    /** The four charts, in {@link Figure} order. */
    List<StatsPlot> plots() {
        return List.copyOf(plots);
    }

    /**
     * Gives every chart one y axis for all these runs (a sweep's frames), so a line that moves between
     * frames is seen to move instead of the axis rescaling under it.
     */
    void spanAll(List<LabSnapshot> runs, boolean logStd) {
        for (Figure f : Figure.values()) {
            boolean log = logStd && (f == Figure.ACT_STD || f == Figure.GRAD_STD);
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (LabSnapshot s : runs)
                for (double[] v : new double[][] {values(f, s), f == Figure.ACT_STD ? s.theoryStd() : null})
                    if (v != null)
                        for (double x : v)
                            if (Double.isFinite(x) && (!log || x > 0)) {
                                lo = Math.min(lo, x);
                                hi = Math.max(hi, x);
                            }
            if (lo <= hi) plots.get(f.ordinal()).span(lo, hi);
        }
    }

    /** How many points a series of a chart shows (skipped values left out). */
    public int pointCount(Figure f, Series s) {
        return plots.get(f.ordinal()).points(s).size();
    }

    /** The exact value charted for module {@code index} in the current run of a chart; NaN if none. */
    public double chartedValue(Figure f, int index) {
        return chartedValue(f, Series.CURRENT, index);
    }

    /** The exact value charted for module {@code index} in a series of a chart; NaN if none. */
    public double chartedValue(Figure f, Series s, int index) {
        for (StatsPlot.Point p : plots.get(f.ordinal()).points(s))
            if (p.index() == index) return p.value();
        return Double.NaN;
    }

    /** Short axis labels, so a dozen modules fit side by side; tooltips give the full name. */
    static String shortName(String type) {
        return switch (type) {
            case "Conv2d" -> "conv";
            case "Linear" -> "lin";
            case "ReLU" -> "relu";
            case "LeakyReLU" -> "leaky";
            case "GeneralReLU" -> "grelu";
            case "MaxPool2d" -> "maxpool";
            case "AvgPool2d" -> "avgpool";
            case "AdaptiveAvgPool2d", "GlobalAvgPool" -> "gap";
            case "Flatten" -> "flat";
            default -> type.toLowerCase(Locale.ROOT);
        };
    }

    /** "3 relu" per module of the run shown, then any further modules of the pinned runs. */
    private static List<String> categories(LabSnapshot shown, List<Pins.Pin> pins) {
        List<String> labels = new ArrayList<>();
        List<LabSnapshot> runs = new ArrayList<>();
        runs.add(shown);
        for (Pins.Pin p : pins) runs.add(p.snapshot());
        for (LabSnapshot s : runs)
            if (s != null)
                for (ModuleStats m : s.modules().subList(Math.min(labels.size(), s.modules().size()), s.modules().size()))
                    labels.add(labels.size() + " " + shortName(m.type()));
        return labels;
    }

    private static double[] values(Figure f, LabSnapshot s) {
        if (s == null || !s.hasStats()) return null;
        return switch (f) {
            case ACT_MEAN -> s.actMean();
            case ACT_STD -> s.actStd();
            case GRAD_MEAN -> s.gradMean();
            case GRAD_STD -> s.gradStd();
        };
    }

    /** A point per module with a value that can be drawn: finite, and positive on a log scale. */
    private static List<StatsPlot.Point> points(LabSnapshot s, double[] v, boolean log) {
        if (s == null || v == null) return List.of();
        List<StatsPlot.Point> points = new ArrayList<>();
        List<ModuleStats> m = s.modules();
        for (int i = 0; i < v.length && i < m.size(); i++)
            if (Double.isFinite(v[i]) && (!log || v[i] > 0)) points.add(new StatsPlot.Point(i, m.get(i).type(), v[i]));
        return points;
    }
}
