package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.initlab.stats.Bins;
import org.initlab.stats.Telemetry;
import org.initlab.ui.TelemetryCharts.Figure;
import org.initlab.ui.TelemetryLines.Kind;
import org.initlab.ui.TelemetryLines.Line;
import org.junit.jupiter.api.Test;

/** What the training charts draw, without a window: decimation, left-out values, log axes, legend and ranges. */
class TelemetryLinesTest {
    static long[] steps(int n) {
        long[] s = new long[n];
        for (int i = 0; i < n; i++) s[i] = i + 1;
        return s;
    }

    static double[] fill(int n, double v) {
        double[] d = new double[n];
        java.util.Arrays.fill(d, v);
        return d;
    }

    /** A module's series at n steps: every array the same value, an update ratio if weighted. */
    static Telemetry.ModuleSeries module(int index, String type, int n, double v, boolean weighted) {
        double[][] hist = new double[n][40];
        return new Telemetry.ModuleSeries(index, type, Bins.RELU, Bins.GRADIENT, fill(n, v), fill(n, v), fill(n, v), hist,
            fill(n, v), fill(n, v), fill(n, v), hist, weighted ? fill(n, v) : new double[0]);
    }

    /** conv 0, relu 1, conv 2, relu 3, lin 4 over n steps; no accuracy (MSE) unless asked. */
    static Telemetry.Snapshot snapshot(int n, double v) {
        List<Telemetry.ModuleSeries> mods = List.of(module(0, "Conv2d", n, v, true), module(1, "ReLU", n, v, false), module(2, "Conv2d", n, v, true),
            module(3, "ReLU", n, v, false), module(4, "Linear", n, v, true));
        return new Telemetry.Snapshot(steps(n), fill(n, v), fill(n, Double.NaN), steps(n), mods, new long[] {n / 2, n}, new double[] {0.5, 0.75});
    }

    @Test
    void aPinnedRunIsTheSameRunWhenEveryChartDrawsItOnTheCurrentOne() {
        assertTrue(TelemetryLines.sameRun(snapshot(20, 0.5), snapshot(20, 0.5)), "equal records, apart from being two snapshots");
        assertFalse(TelemetryLines.sameRun(snapshot(20, 0.5), snapshot(20, 0.6)), "other values");
        assertFalse(TelemetryLines.sameRun(snapshot(20, 0.5), snapshot(19, 0.5)), "a shorter run");
        Telemetry.Snapshot s = snapshot(20, 0.5);
        Telemetry.Snapshot fewer = new Telemetry.Snapshot(s.lossSteps(), s.loss(), s.accuracy(), s.steps(), s.modules().subList(0, 4), s.evalSteps(),
            s.evalAccuracy());
        assertFalse(TelemetryLines.sameRun(s, fewer), "the pin lacks a layer the current run has");
        assertFalse(TelemetryLines.sameRun(fewer, s), "the pin has a layer the current run lacks");
        assertFalse(TelemetryLines.sameRun(null, s), "no current run");
    }

    @Test
    void aLongRunIsDrawnAsBucketMeansOfAtMostMaxPoints() {
        int n = 1000;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = i + 1;
        Line l = TelemetryLines.line("loss", 0, Kind.LINE, steps(n), v, 1);
        assertEquals(TelemetryLines.MAX_POINTS, l.size(), "1000 records in buckets of 4");
        assertEquals(2.5, l.x()[0], 1e-12, "the mean step of 1…4");
        assertEquals(2.5, l.y()[0], 1e-12, "the mean value of 1…4");
        assertEquals(998.5, l.x()[l.size() - 1], 1e-12);
        // a run just over the limit halves: 251 records in buckets of 2 make 126 points, the last a bucket of one
        Line odd = TelemetryLines.line("loss", 0, Kind.LINE, steps(251), java.util.Arrays.copyOf(v, 251), 1);
        assertEquals(126, odd.size());
        assertEquals(251, odd.x()[125], 1e-12);
        // at or under the limit every record is a point
        assertEquals(TelemetryLines.MAX_POINTS, TelemetryLines.line("loss", 0, Kind.LINE, steps(250), java.util.Arrays.copyOf(v, 250), 1).size());
    }

    @Test
    void nonFiniteValuesAreLeftOutOfTheMeansAndALineHasNoPointWhereABucketHasNone() {
        double[] v = {1, Double.NaN, 3, Double.POSITIVE_INFINITY, 5};
        Line l = TelemetryLines.line("x", 0, Kind.LINE, steps(5), v, 1);
        assertArrayEquals(new double[] {1, 3, 5}, l.y(), 0);
        assertArrayEquals(new double[] {1, 3, 5}, l.x(), 0, "the steps of the values kept");
        // 500 records in buckets of 2: the bucket of steps 3 and 4 holds only NaN
        double[] w = fill(500, 2);
        w[2] = w[3] = Double.NaN;
        w[4] = Double.NEGATIVE_INFINITY;
        Line m = TelemetryLines.line("x", 0, Kind.LINE, steps(500), w, 100);
        assertEquals(249, m.size());
        assertEquals(1.5, m.x()[0], 0);
        assertEquals(6, m.x()[1], 0, "steps 5 and 6 averaged over the finite one, step 6");
        assertEquals(200, m.y()[1], 0, "scaled to percent");
    }

    @Test
    void logChartsHoldLog10AndLeaveZeroOut() {
        Telemetry.Snapshot s = snapshot(4, 0.01);
        s.modules().get(1).gradStd()[2] = 0; // log10(0) = -Inf: no point
        List<Line> grad = TelemetryLines.lines(s, Figure.GRAD_STD, false);
        assertTrue(TelemetryLines.log(Figure.GRAD_STD) && TelemetryLines.log(Figure.UPDATE_RATIO) && !TelemetryLines.log(Figure.ACT_STD));
        assertEquals(List.of("relu 1", "relu 3"), grad.stream().map(Line::name).toList(), "a line per ReLU");
        assertArrayEquals(new double[] {-2, -2, -2}, grad.get(0).y(), 1e-12);
        assertArrayEquals(new double[] {1, 2, 4}, grad.get(0).x(), 0);
        AxisTicks.Ticks t = TelemetryLines.yTicks(grad, true, null, 5);
        assertEquals(List.of("10⁻²", "10⁻¹"), t.labels(), "whole powers of ten around -2");
    }

    @Test
    void theUpdateRatioHasALinePerWeightedModuleAndTheGuideAt1eMinus3() {
        List<Line> r = TelemetryLines.lines(snapshot(10, 0.1), Figure.UPDATE_RATIO, false);
        assertEquals(List.of("conv 0", "conv 2", "lin 4", TelemetryLines.GUIDE), r.stream().map(Line::name).toList());
        Line guide = r.get(3);
        assertEquals(Kind.GUIDE, guide.kind());
        assertArrayEquals(new double[] {-3, -3}, guide.y(), 1e-12);
        assertArrayEquals(new double[] {1, 10}, guide.x(), 0, "across the steps recorded");
        AxisTicks.Ticks t = TelemetryLines.yTicks(r, true, null, 5);
        assertEquals(-3, t.lower(), 0, "the guide is always in view");
        assertEquals(-1, t.upper(), 0);
        assertEquals(List.of("10⁻³", "10⁻²", "10⁻¹"), t.labels());
        assertEquals(t.labels().get(0) + " guide", guide.name(), "the legend writes the guide's value as the axis writes its tick");
    }

    @Test
    void thePinnedRunHasNoLegendEntryOfItsOwnAndTheGuideIsDrawnOnce() {
        List<Line> now = TelemetryLines.lines(snapshot(10, 0.1), Figure.UPDATE_RATIO, false), pinned = TelemetryLines.lines(snapshot(20, 0.2), Figure.UPDATE_RATIO, true);
        List<Line> all = TelemetryLines.overlay(now, pinned);
        assertEquals(7, all.size(), "four lines now, three pinned, one guide");
        assertTrue(all.subList(4, 7).stream().allMatch(Line::pinned));
        assertEquals(List.of(0, 1, 2), all.subList(4, 7).stream().map(Line::colour).toList(), "the pinned lines keep their layer's colour");
        assertEquals(List.of("conv 0", "conv 2", "lin 4", TelemetryLines.GUIDE), TelemetryLines.legend(all).stream().map(Line::name).toList());
        // with only a pinned run (after Reset) its guide stays
        assertEquals(1, TelemetryLines.overlay(List.of(), pinned).stream().filter(l -> l.kind() == Kind.GUIDE).count());
        // one line, or one line and its pinned copy: no legend
        List<Line> loss = TelemetryLines.overlay(TelemetryLines.lines(snapshot(5, 1), Figure.LOSS, false), TelemetryLines.lines(snapshot(5, 2), Figure.LOSS, true));
        assertEquals(2, loss.size());
        assertTrue(TelemetryLines.legend(loss).isEmpty());
        assertEquals(new TelemetryLines.Range(1, 5), TelemetryLines.xRange(loss));
        assertEquals(new TelemetryLines.Range(1, 2), TelemetryLines.yRange(loss));
    }

    @Test
    void accuracyIsBatchLineAndTestDotsOnAFixedPercentAxis() {
        Telemetry.Snapshot mse = snapshot(6, 0.5);
        List<Line> none = TelemetryLines.lines(mse, Figure.ACCURACY, false);
        assertEquals(List.of("test"), none.stream().map(Line::name).toList(), "NaN batch accuracy (MSE): no batch line");
        Telemetry.Snapshot ce = new Telemetry.Snapshot(mse.lossSteps(), mse.loss(), fill(6, 0.5), mse.steps(), mse.modules(), mse.evalSteps(), mse.evalAccuracy());
        List<Line> acc = TelemetryLines.lines(ce, Figure.ACCURACY, false);
        assertEquals(Kind.LINE, acc.get(0).kind());
        assertArrayEquals(fill(6, 50), acc.get(0).y(), 1e-12, "in percent");
        assertEquals(Kind.DOTS, acc.get(1).kind());
        assertArrayEquals(new double[] {50, 75}, acc.get(1).y(), 1e-12);
        assertArrayEquals(new double[] {3, 6}, acc.get(1).x(), 0);
        AxisTicks.Ticks t = TelemetryLines.yTicks(acc, false, new double[] {0, 100}, 6);
        assertEquals(List.of("0", "25", "50", "75", "100"), t.labels(), "0–100 whatever the data");
        assertEquals(List.of("0", "50", "100"), TelemetryLines.yTicks(acc, false, new double[] {0, 100}, 2).labels(), "halves on a short chart");
    }

    @Test
    void linearAxesSpanTheValuesAndTinyGradientsReadAsPowersOfTen() {
        Line grad = new Line("relu 1", 0, false, Kind.LINE, new double[] {1, 2}, new double[] {-2.1e-5, 3.3e-5});
        AxisTicks.Ticks t = TelemetryLines.yTicks(List.of(grad), false, null, 4);
        assertTrue(t.lower() <= -2.1e-5 && t.upper() >= 3.3e-5, t.lower() + "…" + t.upper());
        assertTrue(t.labels().contains("0"), t.labels().toString());
        assertTrue(t.labels().stream().anyMatch(s -> s.matches("-?\\d(\\.\\d+)?×10⁻⁵")), "powers of ten: " + t.labels());
        // steps: whole numbers spanning the run, a round step apart
        AxisTicks.Ticks x = AxisTicks.steps(1, 937, 5);
        assertEquals(0, x.lower(), 0);
        assertEquals(937, x.upper(), 0, "the axis ends where the run does");
        assertEquals(List.of("0", "200", "400", "600", "800"), x.labels());
        assertEquals(1000, AxisTicks.steps(1, 990, 5).upper(), 0, "or at the next tick, 1 % further");
        assertEquals(List.of("3", "4"), AxisTicks.steps(3, 3, 5).labels(), "one step: an axis one step wide");
        assertFalse(AxisTicks.steps(1, 6, 20).labels().contains("0.5"), "never a fractional step");
    }
}
