package org.initlab.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.initlab.Numbers;
import org.initlab.stats.Telemetry;
import org.initlab.ui.TelemetryCharts.Figure;

/**
 * What each training chart draws, as plain data read from a {@link Telemetry.Snapshot}: a line per
 * ReLU-like layer (as fastai's telemetry plot; every module when there is none), per weighted module
 * for the update ratio with its 10⁻³ guide, loss, batch accuracy and test-accuracy dots. Every line
 * holds at most {@link #MAX_POINTS} points, bucket means of the records: what is drawn is decimated,
 * what is computed is not.
 */
final class TelemetryLines {
    /** At most this many points per line: the charts stay smooth over long runs. */
    static final int MAX_POINTS = 250;

    /** Karpathy's rule of thumb for the update-to-data ratio, drawn as a dashed guide. */
    static final double UPDATE_RATIO_GUIDE = 1e-3;

    /** The guide's legend name, its value written as the log axis writes its tick there: "10⁻³ guide". */
    static final String GUIDE = Numbers.powerOfTen(Math.round(Math.log10(UPDATE_RATIO_GUIDE))) + " guide";

    private TelemetryLines() {}

    /** How a line is drawn: a line, a dot per point (test accuracy, measured rarely), or the dashed guide. */
    enum Kind { LINE, DOTS, GUIDE }

    /**
     * One line: its name in the legend, its colour slot (the layer's place among the chart's lines), whether
     * it belongs to the pinned run (drawn faded and dashed, no legend entry), and its points: x the step,
     * y the plotted value (log10 of it on a log chart). A point that is the mean of several records spans
     * steps {@code first[i]}…{@code last[i]}; both are null for a line of single records.
     */
    record Line(String name, int colour, boolean pinned, Kind kind, double[] x, double[] y, long[] first, long[] last) {
        Line(String name, int colour, boolean pinned, Kind kind, double[] x, double[] y) {
            this(name, colour, pinned, kind, x, y, null, null);
        }

        int size() {
            return x.length;
        }

        /** Whether point i is the mean of records from more than one step. */
        boolean isMean(int i) {
            return first != null && first[i] != last[i];
        }

        Line asPinned() {
            return new Line(name, colour, true, kind, x, y, first, last);
        }
    }

    /** A closed range of plotted values; lo > hi when there is none. */
    record Range(double lo, double hi) {
        boolean isEmpty() {
            return lo > hi;
        }
    }

    /** Whether the figure is plotted as log10 of its values. */
    static boolean log(Figure f) {
        return f == Figure.GRAD_STD || f == Figure.UPDATE_RATIO;
    }

    /** The lines of a run (null: none), the pinned run's marked as such. */
    static List<Line> lines(Telemetry.Snapshot s, Figure f, boolean pinned) {
        List<Line> out = new ArrayList<>();
        if (s == null) return out;
        switch (f) {
            case LOSS -> out.add(line("loss", 0, Kind.LINE, s.lossSteps(), s.loss(), 1));
            case ACCURACY -> {
                if (s.accuracy().length > 0 && !Double.isNaN(s.accuracy()[0])) out.add(line("batch", 0, Kind.LINE, s.lossSteps(), s.accuracy(), 100));
                if (s.evalSteps().length > 0) out.add(line("test", 1, Kind.DOTS, s.evalSteps(), s.evalAccuracy(), 100));
            }
            case UPDATE_RATIO -> {
                for (var m : s.modules())
                    if (m.weighted()) out.add(line(name(m), out.size(), Kind.LINE, s.steps(), log10(m.updateRatio()), 1));
                if (!out.isEmpty() && s.steps().length > 0) {
                    double y = Math.log10(UPDATE_RATIO_GUIDE);
                    out.add(new Line(GUIDE, -1, false, Kind.GUIDE, new double[] {s.steps()[0], s.steps()[s.steps().length - 1]}, new double[] {y, y}));
                }
            }
            default -> {
                for (int i : charted(s)) {
                    var m = s.modules().get(i);
                    double[] v = switch (f) {
                        case ACT_MEAN -> m.actMean();
                        case ACT_STD -> m.actStd();
                        case GRAD_MEAN -> m.gradMean();
                        case GRAD_STD -> log10(m.gradStd());
                        default -> m.actNearZero();
                    };
                    out.add(line(name(m), out.size(), Kind.LINE, s.steps(), v, f == Figure.NEAR_ZERO ? 100 : 1));
                }
            }
        }
        if (pinned) out.replaceAll(Line::asPinned);
        return out;
    }

    /** The current run's lines over the pinned run's; one guide, the current run's where both have it. */
    static List<Line> overlay(List<Line> current, List<Line> pinned) {
        List<Line> all = new ArrayList<>(current);
        boolean guide = current.stream().anyMatch(l -> l.kind() == Kind.GUIDE);
        for (Line l : pinned) if (!(guide && l.kind() == Kind.GUIDE)) all.add(l);
        return all;
    }

    /**
     * Whether a pinned line is a line of the current run point for point (same name, kind and points): a pin
     * of a run that changed nothing, which drawn beneath would be hidden and seem not pinned.
     */
    static boolean onCurrent(Line pinned, List<Line> lines) {
        for (Line l : lines)
            if (!l.pinned() && l.kind() == pinned.kind() && l.name().equals(pinned.name()) && Arrays.equals(l.x(), pinned.x())
                && Arrays.equals(l.y(), pinned.y())) return true;
        return false;
    }

    /**
     * Whether a pinned run draws as the current run in every chart: each of its lines lies on a current
     * line point for point, so the charts show it only as the edge around the current one.
     */
    static boolean sameRun(Telemetry.Snapshot current, Telemetry.Snapshot pinned) {
        if (current == null || pinned == null) return false;
        if (current == pinned) return true;
        for (Figure f : Figure.values()) {
            List<Line> now = lines(current, f, false), then = lines(pinned, f, true);
            if (now.size() != then.size()) return false; // a line the pin lacks is a difference too
            for (Line l : then) if (!onCurrent(l, now)) return false;
        }
        return true;
    }

    private static String name(Telemetry.ModuleSeries m) {
        return StatsCharts.shortName(m.type()) + " " + m.index();
    }

    /** The modules charted: ReLU-like outputs (what fastai hooks), else every module. */
    static List<Integer> charted(Telemetry.Snapshot s) {
        List<Integer> out = new ArrayList<>();
        for (var m : s.modules()) if (reluLike(m.type())) out.add(m.index());
        if (out.isEmpty()) for (var m : s.modules()) out.add(m.index());
        return out;
    }

    static boolean reluLike(String type) {
        return type.equals("ReLU") || type.equals("LeakyReLU") || type.equals("GeneralReLU");
    }

    private static double[] log10(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Math.log10(v[i]); // 0 gives -Inf, which a line leaves out
        return out;
    }

    /** A line of at most MAX_POINTS points: bucket means (which also smooth a noisy loss); non-finite values are left out. */
    static Line line(String name, int colour, Kind kind, long[] steps, double[] v, double scale) {
        int n = Math.min(steps.length, v.length);
        int per = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
        double[] xs = new double[(n + per - 1) / per], ys = new double[xs.length];
        long[] first = new long[xs.length], last = new long[xs.length];
        int k = 0;
        for (int from = 0; from < n; from += per) {
            int to = Math.min(n, from + per), finite = 0;
            double sx = 0, sy = 0;
            for (int j = from; j < to; j++) {
                if (!Double.isFinite(v[j])) continue;
                if (finite == 0) first[k] = steps[j];
                last[k] = steps[j];
                sx += steps[j];
                sy += v[j];
                finite++;
            }
            if (finite == 0) continue;
            xs[k] = sx / finite;
            ys[k++] = sy / finite * scale;
        }
        return new Line(name, colour, false, kind, Arrays.copyOf(xs, k), Arrays.copyOf(ys, k),
            per > 1 ? Arrays.copyOf(first, k) : null, per > 1 ? Arrays.copyOf(last, k) : null);
    }

    /** The legend: one entry per name of the current run (the guide included), in order; none for a single line. */
    static List<Line> legend(List<Line> lines) {
        Map<String, Line> entries = new LinkedHashMap<>();
        for (Line l : lines) if (!l.pinned()) entries.putIfAbsent(l.name(), l);
        return entries.size() > 1 ? List.copyOf(entries.values()) : List.of();
    }

    /** The steps every line spans. */
    static Range xRange(List<Line> lines) {
        return range(lines, Line::x);
    }

    /** The plotted values every line spans. */
    static Range yRange(List<Line> lines) {
        return range(lines, Line::y);
    }

    private static Range range(List<Line> lines, java.util.function.Function<Line, double[]> coordinate) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Line l : lines)
            for (double v : coordinate.apply(l)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        return new Range(lo, hi);
    }

    /**
     * The y axis: a fixed range in quarters (halves below 4 ticks' room), else every line's values: whole
     * powers of ten on a log chart, about {@code target} round steps on a linear one.
     */
    static AxisTicks.Ticks yTicks(List<Line> lines, boolean log, double[] fixed, int target) {
        if (fixed != null) {
            double step = (fixed[1] - fixed[0]) / (target < 4 ? 2 : 4);
            double[] v = new double[(int) Math.round((fixed[1] - fixed[0]) / step) + 1];
            for (int i = 0; i < v.length; i++) v[i] = fixed[0] + i * step;
            return new AxisTicks.Ticks(fixed[0], fixed[1], v, AxisTicks.tickLabels(v, step));
        }
        Range r = yRange(lines);
        return log ? AxisTicks.logTicks(r.lo(), r.hi()) : AxisTicks.linear(r.lo(), r.hi(), Math.max(2, target), false);
    }
}
