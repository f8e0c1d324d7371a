package org.initlab.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.initlab.stats.Telemetry;

/**
 * Training telemetry over steps, read from immutable {@link Telemetry.Snapshot}s: loss, accuracy,
 * per-layer activation mean, std and % near zero, gradient mean and std (one line per ReLU-like
 * layer, as fastai's telemetry plot), each weight's update-to-data ratio against a 1e-3 guide, and
 * for each ReLU-like layer a "colorful dimension" heat map: steps on x, activation
 * bins on y, colour log(1 + count). A pinned run is drawn faded and dashed under the current one.
 * Every chart is painted on a canvas ({@link TelemetryPlot}, {@link HeatMap}), so the panel also
 * writes itself as PNG, SVG or PDF through {@link ChartFiles}.
 */
public final class TelemetryCharts extends GridPane {
    public enum Figure { LOSS, ACCURACY, NEAR_ZERO, ACT_MEAN, ACT_STD, GRAD_MEAN, GRAD_STD, UPDATE_RATIO }

    private final Map<Figure, TelemetryPlot> plots = new EnumMap<>(Figure.class);
    private final HBox heatMaps = new HBox(8);
    private final Label empty = new Label("Press Run to train the lab's model with its init; the curves appear here.");

    public TelemetryCharts() {
        getStyleClass().add("telemetry-charts");
        setMinSize(0, 0); // the tab's width decides; charts shrink rather than push past the window's edge
        chart(Figure.LOSS, "Loss", "lossChart", null);
        chart(Figure.ACCURACY, "Accuracy %", "accuracyChart", new double[] {0, 100});
        chart(Figure.NEAR_ZERO, "% near zero", "nearZeroChart", null);
        chart(Figure.ACT_MEAN, "Activation mean", "telActMeanChart", null);
        chart(Figure.ACT_STD, "Activation std", "telActStdChart", null);
        chart(Figure.GRAD_MEAN, "Gradient mean", "telGradMeanChart", null);
        chart(Figure.GRAD_STD, "Gradient std (log scale)", "telGradStdChart", null);
        chart(Figure.UPDATE_RATIO, "Update / weight std (log scale)", "updateRatioChart", null);
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
        add(plots.get(Figure.LOSS), 0, 0, 3, 1);
        add(plots.get(Figure.ACCURACY), 3, 0, 3, 1);
        Figure[] f = Figure.values();
        for (int i = 2; i < 5; i++) add(plots.get(f[i]), 2 * (i - 2), 1, 2, 1);
        for (int i = 5; i < 8; i++) add(plots.get(f[i]), 2 * (i - 5), 2, 2, 1);
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

    private void chart(Figure f, String title, String id, double[] fixedY) {
        TelemetryPlot p = new TelemetryPlot(title, TelemetryLines.log(f), fixedY);
        p.setId(id);
        plots.put(f, p);
    }

    /** The chart of a figure: its lines ({@link TelemetryPlot#lines()}) are what it draws. */
    TelemetryPlot plot(Figure f) {
        return plots.get(f);
    }

    /** Heat maps, one per ReLU-like layer (after the last show). */
    public List<HeatMap> heatMaps() {
        List<HeatMap> out = new ArrayList<>();
        for (var n : heatMaps.getChildren()) if (n instanceof HeatMap h) out.add(h);
        return out;
    }

    /** Shows a run (null: empty) and a pinned one (null: none) faded under it. */
    public void show(Telemetry.Snapshot current, Telemetry.Snapshot pinned) {
        for (Figure f : Figure.values())
            plot(f).show(TelemetryLines.overlay(TelemetryLines.lines(current, f, false), TelemetryLines.lines(pinned, f, true)));
        // a loss without classes (MSE) has no accuracy: the loss takes the whole row rather than sit beside an empty chart
        boolean accuracy = !plot(Figure.ACCURACY).lines().isEmpty() || current == null;
        plot(Figure.ACCURACY).setVisible(accuracy);
        plot(Figure.ACCURACY).setManaged(accuracy);
        GridPane.setColumnSpan(plot(Figure.LOSS), accuracy ? 3 : 6);
        showHeatMaps(current);
    }

    private void showHeatMaps(Telemetry.Snapshot s) {
        if (s == null || s.steps().length == 0) {
            heatMaps.getChildren().setAll(empty);
            return;
        }
        List<Integer> mods = new ArrayList<>();
        for (var m : s.modules()) if (TelemetryLines.reluLike(m.type())) mods.add(m.index());
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
}
