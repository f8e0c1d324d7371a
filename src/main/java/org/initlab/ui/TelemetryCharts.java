package org.initlab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.initlab.stats.Bins;
import org.initlab.stats.Telemetry;

/**
 * Training telemetry over steps, read from immutable {@link Telemetry.Snapshot}s: loss, accuracy,
 * per-layer activation mean, std and % near zero, gradient mean and std (one line per ReLU-like
 * layer, as fastai's telemetry plot), each weight's update-to-data ratio against a 1e-3 guide, and
 * for each ReLU-like layer a "colorful dimension" heat map: steps on x, activation
 * bins on y, colour log(1 + count). A pinned run is drawn faded and dashed under the current one.
 */
public final class TelemetryCharts extends GridPane {
    public enum Figure { LOSS, ACCURACY, NEAR_ZERO, ACT_MEAN, ACT_STD, GRAD_MEAN, GRAD_STD, UPDATE_RATIO }

    /** Karpathy's rule of thumb for the update-to-data ratio, drawn as a dashed guide. */
    static final double UPDATE_RATIO_GUIDE = 1e-3;

    /** At most this many points per line: the charts stay smooth over long runs. */
    static final int MAX_POINTS = 250;

    private final List<LineChart<Number, Number>> charts = new ArrayList<>();
    private final HBox heatMaps = new HBox(8);
    private final Label empty = new Label("Press Run to train the lab's model with its init; the curves appear here.");

    public TelemetryCharts() {
        getStyleClass().add("telemetry-charts");
        setMinSize(0, 0); // the tab's width decides; charts shrink rather than push past the window's edge
        charts.add(chart("Loss", "lossChart"));
        charts.add(chart("Accuracy %", "accuracyChart"));
        charts.add(chart("% near zero", "nearZeroChart"));
        charts.add(chart("Activation mean", "telActMeanChart"));
        charts.add(chart("Activation std", "telActStdChart"));
        charts.add(chart("Gradient mean", "telGradMeanChart"));
        charts.add(chart("Gradient std (log scale)", "telGradStdChart"));
        charts.add(chart("Update / weight std (log scale)", "updateRatioChart"));
        logScale(chart(Figure.GRAD_STD));
        logScale(chart(Figure.UPDATE_RATIO));
        ((NumberAxis) chart(Figure.GRAD_MEAN).getYAxis()).setTickLabelFormatter(new javafx.util.StringConverter<>() { // gradients are tiny numbers
            @Override public String toString(Number n) { return n.doubleValue() == 0 ? "0" : String.format(Locale.ROOT, "%.2g", n.doubleValue()); }
            @Override public Number fromString(String t) { return Double.parseDouble(t); }
        });
        for (int i = 0; i < 6; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100 / 6.0);
            c.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(c);
        }
        for (double h : new double[] {25, 25, 25, 25}) {
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(h);
            r.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(r);
        }
        // one line per layer: the key on the right, where it fits even on a small window (at the bottom it is dropped first)
        for (int i = 2; i < charts.size(); i++) charts.get(i).setLegendSide(javafx.geometry.Side.RIGHT);
        NumberAxis pct = (NumberAxis) charts.get(1).getYAxis();
        pct.setAutoRanging(false);
        pct.setLowerBound(0);
        pct.setUpperBound(100);
        pct.setTickUnit(25);
        add(charts.get(0), 0, 0, 3, 1);
        add(charts.get(1), 3, 0, 3, 1);
        for (int i = 2; i < 5; i++) add(charts.get(i), 2 * (i - 2), 1, 2, 1);
        for (int i = 5; i < 8; i++) add(charts.get(i), 2 * (i - 5), 2, 2, 1);
        heatMaps.getStyleClass().add("heat-maps");
        heatMaps.setAlignment(Pos.CENTER);
        heatMaps.setMinSize(0, 0);
        empty.getStyleClass().add("telemetry-empty");
        heatMaps.getChildren().setAll(empty);
        Label mapsTitle = new Label("Activation histograms over steps (brightness: log(1 + count))");
        mapsTitle.getStyleClass().add("heat-maps-title");
        mapsTitle.setMinWidth(0);
        VBox maps = new VBox(2, mapsTitle, heatMaps);
        maps.setAlignment(Pos.TOP_CENTER);
        maps.setMinSize(0, 0);
        VBox.setVgrow(heatMaps, Priority.ALWAYS);
        add(maps, 0, 3, 6, 1);
    }

    /** The axis shows 10^y: the series hold log10 of their values (JavaFX's NumberAxis has no log scale). */
    private static void logScale(LineChart<Number, Number> c) {
        ((NumberAxis) c.getYAxis()).setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override public String toString(Number n) { return String.format(Locale.ROOT, "%.1g", Math.pow(10, n.doubleValue())); }
            @Override public Number fromString(String t) { return Math.log10(Double.parseDouble(t)); }
        });
    }

    private static LineChart<Number, Number> chart(String title, String id) {
        NumberAxis x = new NumberAxis();
        x.setLabel("step");
        x.setForceZeroInRange(false);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new javafx.util.StringConverter<>() { // steps are whole numbers
            @Override public String toString(Number n) { return n.doubleValue() == Math.rint(n.doubleValue()) ? String.valueOf(n.longValue()) : ""; }
            @Override public Number fromString(String t) { return Long.parseLong(t); }
        });
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(false);
        LineChart<Number, Number> c = new LineChart<>(x, y);
        c.setId(id);
        c.setTitle(title);
        c.setAnimated(false);
        c.setCreateSymbols(false);
        c.getStyleClass().add("telemetry-chart");
        c.setMinSize(0, 0);
        return c;
    }

    public LineChart<Number, Number> chart(Figure f) {
        return charts.get(f.ordinal());
    }

    /** Heat map nodes, one per ReLU-like layer (after the last show). */
    public List<HeatMap> heatMaps() {
        List<HeatMap> out = new ArrayList<>();
        for (var n : heatMaps.getChildren()) if (n instanceof HeatMap h) out.add(h);
        return out;
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

    /** Shows a run (null: empty) and a pinned one (null: none) faded under it. */
    public void show(Telemetry.Snapshot current, Telemetry.Snapshot pinned) {
        for (Figure f : Figure.values()) {
            List<XYChart.Series<Number, Number>> now = series(current, f), old = series(pinned, f);
            for (var o : old) o.setName(o.getName() + PINNED);
            LineChart<Number, Number> c = chart(f);
            List<XYChart.Series<Number, Number>> all = new ArrayList<>(now);
            all.addAll(old);
            if (sameSeries(c.getData(), all, now.size())) { // in place: no new nodes, no CSS pass, no new legend
                for (int i = 0; i < all.size(); i++) c.getData().get(i).getData().setAll(all.get(i).getData());
                continue;
            }
            c.getData().setAll(all);
            // a pinned line keeps its layer's colour, faded and dashed
            for (int i = 0; i < all.size(); i++) {
                var node = all.get(i).getNode();
                if (node == null) continue;
                int colour = i < now.size() ? i : i - now.size();
                node.getStyleClass().removeIf(k -> k.startsWith("default-color"));
                node.getStyleClass().add("default-color" + (colour % 8));
                if (i >= now.size()) node.getStyleClass().add("pinned-series");
                if (all.get(i).getName().startsWith(GUIDE)) node.getStyleClass().add("guide-series");
                for (var d : all.get(i).getData()) { // test-accuracy dots follow their line
                    if (d.getNode() == null) continue;
                    d.getNode().getStyleClass().removeIf(k -> k.startsWith("default-color"));
                    d.getNode().getStyleClass().add("default-color" + (colour % 8));
                    if (i >= now.size()) d.getNode().setOpacity(0.35);
                }
            }
            if (!old.isEmpty()) { // the key names each layer once: the faded copies need no entry of their own
                hidePinnedKeys(c);
                javafx.application.Platform.runLater(() -> hidePinnedKeys(c)); // the legend may be rebuilt on the next layout
            }
            c.setLegendVisible(now.size() > 1 || old.size() > 1);
        }
        boolean accuracy = !chart(Figure.ACCURACY).getData().isEmpty() || current == null;
        chart(Figure.ACCURACY).setTitle(accuracy ? "Accuracy %" : "Accuracy: cross-entropy only");
        showHeatMaps(current);
    }

    private static final String PINNED = " · pinned";

    private static void hidePinnedKeys(LineChart<Number, Number> c) {
        for (var n : c.lookupAll(".chart-legend-item"))
            if (n instanceof Label l && l.getText() != null && l.getText().endsWith(PINNED)) {
                l.setVisible(false);
                l.setManaged(false);
            }
    }

    /** Whether the chart shows the same lines (names, and which are pinned) as {@code next}. */
    private static boolean sameSeries(List<XYChart.Series<Number, Number>> have, List<XYChart.Series<Number, Number>> next, int current) {
        if (have.size() != next.size() || have.isEmpty()) return false;
        for (int i = 0; i < have.size(); i++) {
            if (!have.get(i).getName().equals(next.get(i).getName())) return false;
            var node = have.get(i).getNode();
            if (node == null || node.getStyleClass().contains("pinned-series") != (i >= current)) return false;
        }
        return true;
    }

    private void showHeatMaps(Telemetry.Snapshot s) {
        if (s == null || s.steps().length == 0) {
            heatMaps.getChildren().setAll(empty);
            return;
        }
        List<Integer> mods = new ArrayList<>();
        for (var m : s.modules()) if (reluLike(m.type())) mods.add(m.index());
        if (mods.isEmpty()) {
            Label l = new Label("No ReLU-like layer: no activation histograms to show.");
            l.getStyleClass().add("telemetry-empty");
            heatMaps.getChildren().setAll(l);
            return;
        }
        List<HeatMap> have = heatMaps();
        if (have.size() != mods.size()) {
            have = new ArrayList<>();
            for (int i = 0; i < mods.size(); i++) have.add(new HeatMap());
            heatMaps.getChildren().setAll(have);
            for (HeatMap h : have) HBox.setHgrow(h, Priority.ALWAYS);
        }
        for (int i = 0; i < mods.size(); i++) have.get(i).show(s.modules().get(mods.get(i)), s.steps());
    }

    private static List<XYChart.Series<Number, Number>> series(Telemetry.Snapshot s, Figure f) {
        List<XYChart.Series<Number, Number>> out = new ArrayList<>();
        if (s == null) return out;
        switch (f) {
            case LOSS -> out.add(line("loss", s.lossSteps(), s.loss(), 1));
            case ACCURACY -> {
                if (s.accuracy().length > 0 && !Double.isNaN(s.accuracy()[0])) out.add(line("batch", s.lossSteps(), s.accuracy(), 100));
                if (s.evalSteps().length > 0) {
                    XYChart.Series<Number, Number> test = line("test", s.evalSteps(), s.evalAccuracy(), 100);
                    for (XYChart.Data<Number, Number> d : test.getData()) { // few points: each a visible dot
                        javafx.scene.layout.StackPane dot = new javafx.scene.layout.StackPane();
                        dot.getStyleClass().add("test-accuracy-dot");
                        d.setNode(dot);
                    }
                    out.add(test);
                }
            }
            case UPDATE_RATIO -> {
                for (var m : s.modules())
                    if (m.weighted()) out.add(line(StatsCharts.shortName(m.type()) + " " + m.index(), s.steps(), log10(m.updateRatio()), 1));
                if (!out.isEmpty() && s.steps().length > 0) out.add(guide(s.steps()[0], s.steps()[s.steps().length - 1]));
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
                    out.add(line(StatsCharts.shortName(m.type()) + " " + i, s.steps(), v, f == Figure.NEAR_ZERO ? 100 : 1));
                }
            }
        }
        return out;
    }

    static final String GUIDE = "1e-3 guide";

    /** The dashed horizontal guide at {@link #UPDATE_RATIO_GUIDE} across the steps shown. */
    private static XYChart.Series<Number, Number> guide(long first, long last) {
        double y = Math.log10(UPDATE_RATIO_GUIDE);
        return line(GUIDE, new long[] {first, last}, new double[] {y, y}, 1);
    }

    private static double[] log10(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Math.log10(v[i]); // 0 gives -Inf, which a line leaves out
        return out;
    }

    /** A line of at most MAX_POINTS points: bucket means (which also smooth a noisy loss); non-finite values are left out. */
    static XYChart.Series<Number, Number> line(String name, long[] steps, double[] v, double scale) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        int n = Math.min(steps.length, v.length);
        int per = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
        List<XYChart.Data<Number, Number>> pts = new ArrayList<>(n / per + 1);
        for (int from = 0; from < n; from += per) {
            int to = Math.min(n, from + per), k = 0;
            double sx = 0, sy = 0;
            for (int j = from; j < to; j++) {
                if (!Double.isFinite(v[j])) continue;
                sx += steps[j];
                sy += v[j];
                k++;
            }
            if (k > 0) pts.add(new XYChart.Data<>(sx / k, sy / k * scale));
        }
        s.getData().setAll(pts);
        return s;
    }

    /**
     * One layer's activation histograms over steps ("colorful dimension"): steps on x, bins on y
     * (low values at the bottom), colour log(1 + count) from dark to bright on a fixed map.
     */
    public static final class HeatMap extends BorderPane {
        private final Canvas canvas = new Canvas();
        private final Pane holder = new Pane(canvas);
        private final Label title = new Label(), yTop = new Label(), yBottom = new Label(), xLeft = new Label(), xRight = new Label();
        private WritableImage image;
        private int records;

        HeatMap() {
            getStyleClass().add("heat-map");
            setMinSize(0, 0);
            setPrefWidth(300);
            title.getStyleClass().add("heat-map-title");
            setTop(title);
            BorderPane.setAlignment(title, Pos.CENTER);
            VBox y = new VBox(yTop, new javafx.scene.layout.Region(), yBottom);
            VBox.setVgrow(y.getChildren().get(1), Priority.ALWAYS);
            y.getStyleClass().add("heat-map-axis");
            setLeft(y);
            HBox x = new HBox(xLeft, new javafx.scene.layout.Region(), xRight);
            HBox.setHgrow(x.getChildren().get(1), Priority.ALWAYS);
            x.getStyleClass().add("heat-map-axis");
            setBottom(x);
            holder.setMinSize(40, 30);
            holder.setPrefSize(200, 100); // not the canvas's size, or the map could never shrink
            holder.getStyleClass().add("heat-map-canvas");
            setCenter(holder);
            canvas.widthProperty().bind(holder.widthProperty());
            canvas.heightProperty().bind(holder.heightProperty());
            canvas.widthProperty().addListener(o -> draw());
            canvas.heightProperty().addListener(o -> draw());
        }

        public int records() { return records; }
        public WritableImage image() { return image; }

        void show(Telemetry.ModuleSeries m, long[] steps) {
            Bins b = m.actBins();
            title.setText(StatsCharts.shortName(m.type()) + " " + m.index());
            yTop.setText(fmt(b.hi()));
            yBottom.setText(fmt(b.lo()));
            records = Math.min(steps.length, m.actHist().length);
            xLeft.setText(records == 0 ? "" : "step " + steps[0]);
            xRight.setText(records == 0 ? "" : String.valueOf(steps[records - 1]));
            image = render(m.actHist(), records, b.count());
            draw();
        }

        /** Columns: steps; rows: bins, top = highest; each pixel log(1 + count) over the map's maximum, coloured. */
        static WritableImage render(double[][] hist, int records, int bins) {
            if (records == 0) return null;
            double max = 0;
            for (int t = 0; t < records; t++) for (double c : hist[t]) max = Math.max(max, Math.log1p(c));
            WritableImage img = new WritableImage(records, bins);
            PixelWriter w = img.getPixelWriter();
            for (int t = 0; t < records; t++)
                for (int k = 0; k < bins; k++) {
                    double v = max == 0 ? 0 : Math.log1p(hist[t][k]) / max;
                    w.setArgb(t, bins - 1 - k, colour(v));
                }
            return img;
        }

        private void draw() {
            GraphicsContext g = canvas.getGraphicsContext2D();
            double w = canvas.getWidth(), h = canvas.getHeight();
            g.clearRect(0, 0, w, h);
            if (image == null || w <= 0 || h <= 0) return;
            g.setImageSmoothing(false);
            g.drawImage(image, 0, 0, w, h);
        }

        private static String fmt(double v) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
    }

    /** A perceptual dark → bright map (inferno-like control points): black, purple, red, orange, pale yellow. */
    private static final int[][] MAP = {{0, 0, 4}, {40, 11, 84}, {101, 21, 110}, {159, 42, 99}, {212, 72, 66}, {245, 125, 21}, {250, 193, 39}, {252, 255, 164}};

    static int colour(double v) {
        v = Math.max(0, Math.min(1, v)) * (MAP.length - 1);
        int i = Math.min(MAP.length - 2, (int) v);
        double f = v - i;
        int r = (int) Math.round(MAP[i][0] + f * (MAP[i + 1][0] - MAP[i][0]));
        int g = (int) Math.round(MAP[i][1] + f * (MAP[i + 1][1] - MAP[i][1]));
        int b = (int) Math.round(MAP[i][2] + f * (MAP[i + 1][2] - MAP[i][2]));
        return 0xFF000000 | r << 16 | g << 8 | b;
    }
}
