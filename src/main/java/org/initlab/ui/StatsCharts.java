package org.initlab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.initlab.engine.LabSnapshot;
import org.initlab.engine.ModuleStats;

/**
 * The four live charts, by module: activation mean and std, gradient mean and std. Std charts show
 * the theoretical std beside the measured one and may use a log scale (values plotted as log10,
 * ticks labelled as powers of ten). Series 0 is the current run, 1 the theory, 2 the pinned run.
 */
public final class StatsCharts extends GridPane {
    /** Which figure a chart shows. */
    public enum Figure { ACT_MEAN, ACT_STD, GRAD_MEAN, GRAD_STD }

    private final List<Panel> panels = new ArrayList<>();

    public StatsCharts() {
        getStyleClass().add("stats-charts");
        panels.add(new Panel(Figure.ACT_MEAN, "Activation mean", "actMeanChart"));
        panels.add(new Panel(Figure.ACT_STD, "Activation std", "actStdChart"));
        panels.add(new Panel(Figure.GRAD_MEAN, "Gradient mean", "gradMeanChart"));
        panels.add(new Panel(Figure.GRAD_STD, "Gradient std", "gradStdChart"));
        for (int i = 0; i < 4; i++) add(panels.get(i).chart, i % 2, i / 2);
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

    /** Shows a run, and the pinned one (may be null) faded beside it. */
    public void show(LabSnapshot current, LabSnapshot pinned, boolean logStd) {
        for (Panel p : panels) p.show(current, pinned, logStd && (p.figure == Figure.ACT_STD || p.figure == Figure.GRAD_STD));
    }

    public LineChart<String, Number> chart(Figure f) {
        return panels.get(f.ordinal()).chart;
    }

    /** The exact value charted for module {@code index} in series 0 (current run) of a chart; NaN if none. */
    public double chartedValue(Figure f, int index) {
        for (XYChart.Data<String, Number> d : panels.get(f.ordinal()).measured.getData())
            if (d.getExtraValue() instanceof Point p && p.index == index) return p.value;
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

    /** What a charted point stands for: the module and its exact value (the y value may be its log10). */
    record Point(int index, String label, String type, double value) {}

    private static final class Panel {
        final Figure figure;
        final String title;
        final NumberAxis y = new NumberAxis();
        final CategoryAxis x = new CategoryAxis();
        final LineChart<String, Number> chart = new LineChart<>(x, y);
        final XYChart.Series<String, Number> measured = new XYChart.Series<>();
        final XYChart.Series<String, Number> theory = new XYChart.Series<>();
        final XYChart.Series<String, Number> pinned = new XYChart.Series<>();
        boolean log;

        Panel(Figure figure, String title, String id) {
            this.figure = figure;
            this.title = title;
            chart.setId(id);
            chart.getStyleClass().add("stats-chart");
            chart.setTitle(title);
            chart.setAnimated(false);
            x.setAnimated(false);
            y.setAnimated(false);
            measured.setName("current");
            theory.setName("theory (formula)");
            pinned.setName("pinned");
            chart.getData().add(measured);
            chart.getData().add(theory);
            boolean std = figure == Figure.ACT_STD || figure == Figure.GRAD_STD;
            chart.setLegendVisible(figure == Figure.ACT_STD);
            if (!std) y.setForceZeroInRange(true);
            y.setTickLabelFormatter(new NoMinusZero(y));
        }

        void show(LabSnapshot cur, LabSnapshot pin, boolean logScale) {
            if (logScale != log) {
                log = logScale;
                measured.getData().clear();
                theory.getData().clear();
                pinned.getData().clear();
                chart.setTitle(title + (log ? " (log scale)" : ""));
            }
            set(measured, cur, values(cur), "");
            set(theory, figure == Figure.ACT_STD && cur != null ? cur : null, cur == null ? null : cur.theoryStd(), "theory ");
            boolean showPin = pin != null && pin.hasStats();
            if (showPin && !chart.getData().contains(pinned)) chart.getData().add(pinned);
            if (!showPin && chart.getData().contains(pinned)) chart.getData().remove(pinned);
            set(pinned, pin, values(pin), "pinned ");
            if (log) logAxis();
            else if (!y.isAutoRanging()) {
                y.setTickLabelFormatter(new NoMinusZero(y));
                y.setAutoRanging(true);
            }
        }

        private double[] values(LabSnapshot s) {
            if (s == null || !s.hasStats()) return null;
            return switch (figure) {
                case ACT_MEAN -> s.actMean();
                case ACT_STD -> s.actStd();
                case GRAD_MEAN -> s.gradMean();
                case GRAD_STD -> s.gradStd();
            };
        }

        private void set(XYChart.Series<String, Number> series, LabSnapshot s, double[] v, String prefix) {
            List<Point> points = new ArrayList<>();
            if (s != null && v != null) {
                List<ModuleStats> m = s.modules();
                for (int i = 0; i < v.length && i < m.size(); i++) {
                    if (!Double.isFinite(v[i]) || (log && v[i] <= 0)) continue;
                    points.add(new Point(i, i + " " + shortName(m.get(i).type()), m.get(i).type(), v[i]));
                }
            }
            var data = series.getData();
            boolean same = data.size() == points.size();
            for (int i = 0; same && i < points.size(); i++) same = data.get(i).getXValue().equals(points.get(i).label());
            if (!same) {
                List<XYChart.Data<String, Number>> fresh = new ArrayList<>();
                for (Point p : points) fresh.add(new XYChart.Data<>(p.label(), plotted(p.value()), p));
                data.setAll(fresh);
            }
            for (int i = 0; i < points.size(); i++) {
                XYChart.Data<String, Number> d = data.get(i);
                Point p = points.get(i);
                if (same) {
                    d.setYValue(plotted(p.value()));
                    d.setExtraValue(p);
                }
                if (d.getNode() != null) {
                    Tooltip t = (Tooltip) d.getNode().getProperties().get("initlab.tip");
                    if (t == null) {
                        t = new Tooltip();
                        t.setShowDelay(Duration.millis(50));
                        Tooltip.install(d.getNode(), t);
                        d.getNode().getProperties().put("initlab.tip", t);
                    }
                    t.setText("module " + p.index() + " (" + p.type() + ")\n" + prefix + title.toLowerCase(Locale.ROOT) + " = " + String.format(Locale.ROOT, "%.6g", p.value()));
                }
            }
        }

        private Number plotted(double v) {
            return log ? Math.log10(v) : v;
        }

        /** Whole powers of ten around every plotted value, one tick per power (every other one beyond 8 decades). */
        private void logAxis() {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (var s : chart.getData())
                for (var d : s.getData()) {
                    double v = d.getYValue().doubleValue();
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            if (lo > hi) { lo = -1; hi = 0; }
            double lower = Math.floor(lo), upper = Math.ceil(hi);
            if (upper <= lower) upper = lower + 1;
            y.setAutoRanging(false);
            y.setLowerBound(lower);
            y.setUpperBound(upper);
            y.setTickUnit(upper - lower > 8 ? 2 : 1);
            y.setMinorTickVisible(false);
            if (y.getTickLabelFormatter() == null || !(y.getTickLabelFormatter() instanceof PowerOfTen))
                y.setTickLabelFormatter(new PowerOfTen());
        }
    }

    /** The axis's own labels, but "0" where rounding would print "-0.000". */
    static final class NoMinusZero extends NumberAxis.DefaultFormatter {
        NoMinusZero(NumberAxis axis) {
            super(axis);
        }

        @Override
        public String toString(Number n) {
            String s = super.toString(n);
            if (s.matches("-0([.,]0*)?")) return s.substring(1);
            double v = n.doubleValue();
            return s.length() > 8 && v != 0 ? String.format(Locale.ROOT, "%.2e", v) : s; // 3.75e-05, not 0.0000375
        }
    }

    /** Tick labels 10⁻³, 10⁻², … for log10 values. */
    static final class PowerOfTen extends StringConverter<Number> {
        private static final String SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹";

        @Override
        public String toString(Number n) {
            double v = n.doubleValue();
            long k = Math.round(v);
            if (Math.abs(v - k) > 1e-6) return String.format(Locale.ROOT, "%.2g", Math.pow(10, v));
            StringBuilder b = new StringBuilder("10");
            if (k < 0) b.append('⁻');
            for (char c : Long.toString(Math.abs(k)).toCharArray()) b.append(SUP.charAt(c - '0'));
            return b.toString();
        }

        @Override
        public Number fromString(String s) {
            throw new UnsupportedOperationException();
        }
    }
}
