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
 * layer, as fastai's telemetry plot), each weight's update-to-data ratio against a 10⁻³ guide, and
 * for each ReLU-like layer a "colorful dimension" heat map: steps on x, activation
 * bins on y, colour log(1 + count). A pinned run is drawn faded and dashed under the current one (wider
 * where the two are the same, edging it).
 * Every chart is painted on a canvas ({@link TelemetryPlot}, {@link HeatMap}), so the panel also
 * writes itself as PNG, SVG or PDF through {@link ChartFiles}.
 */
public final class TelemetryCharts extends GridPane {
    public enum Figure { LOSS, ACCURACY, NEAR_ZERO, ACT_MEAN, ACT_STD, GRAD_MEAN, GRAD_STD, UPDATE_RATIO }

    private final Map<Figure, TelemetryPlot> plots = new EnumMap<>(Figure.class);
    private final HBox heatMaps = new HBox(8);
    /** The grid's columns: a chart spans 6 / (3, 2 or 1) of them. */
    private static final int SLOTS = 6;
    private final VBox maps;
    private int columns;
    private boolean accuracyShown;
    private final Label empty = new Label("Press Run to train the lab's model with its init; the curves appear here.");

    public TelemetryCharts() {
        getStyleClass().add("telemetry-charts");
        setMinWidth(0); // the tab's width decides (fewer columns); the rows' least heights add up, and the tab scrolls past them
        chart(Figure.LOSS, "Loss", "lossChart", null);
        chart(Figure.ACCURACY, "Accuracy %", "accuracyChart", new double[] {0, 100});
        chart(Figure.NEAR_ZERO, "% near zero", "nearZeroChart", null);
        chart(Figure.ACT_MEAN, "Activation mean", "telActMeanChart", null);
        chart(Figure.ACT_STD, "Activation std", "telActStdChart", null);
        chart(Figure.GRAD_MEAN, "Gradient mean", "telGradMeanChart", null);
        chart(Figure.GRAD_STD, "Gradient std (log scale)", "telGradStdChart", null);
        chart(Figure.UPDATE_RATIO, "Update / weight std (log scale)", "updateRatioChart", null);
        for (int i = 0; i < SLOTS; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / SLOTS);
            c.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(c);
        }
        getChildren().addAll(plots.values());
        heatMaps.getStyleClass().add("heat-maps");
        heatMaps.setAlignment(Pos.CENTER);
        heatMaps.setMinSize(0, 0);
        empty.getStyleClass().add("telemetry-empty");
        heatMaps.getChildren().setAll(empty);
        Label mapsTitle = new Label("Activation histograms over steps (colour: values per bin, log scale)");
        mapsTitle.getStyleClass().add("heat-maps-title");
        mapsTitle.setMinWidth(0);
        VBox maps = new VBox(2, mapsTitle, heatMaps);
        maps.setAlignment(Pos.TOP_CENTER);
        maps.setMinSize(0, 0);
        VBox.setVgrow(heatMaps, Priority.ALWAYS);
        maps.getStyleClass().add("heat-maps-box");
        getChildren().add(maps);
        this.maps = maps;
        widthProperty().addListener(o -> arrange());
        arrange();
    }

    /**
     * Places the charts in as many columns (three, two or one) as their least width (the theme's
     * {@code -fx-min-width} of {@code .telemetry-plot}) allows in the width the tab gives: the loss and
     * accuracy side by side on top, the six layer charts beneath, the heat maps last. Each row is at least
     * as tall as its charts' least height; where the rows need more than the tab's height, the tab scrolls.
     */
    private void arrange() {
        double least = plot(Figure.NEAR_ZERO).minWidth(-1), gap = getHgap(), w = getWidth();
        int columns = w <= 0 || w >= 3 * least + 2 * gap ? 3 : w >= 2 * least + gap ? 2 : 1;
        boolean accuracy = plot(Figure.ACCURACY).isManaged();
        if (columns == this.columns && accuracy == this.accuracyShown) return;
        this.columns = columns;
        this.accuracyShown = accuracy;
        int row = 0;
        if (accuracy && columns > 1) {
            place(plot(Figure.LOSS), 0, row, SLOTS / 2);
            place(plot(Figure.ACCURACY), SLOTS / 2, row++, SLOTS / 2);
        } else { // no accuracy (MSE): the loss alone takes its row
            place(plot(Figure.LOSS), 0, row++, SLOTS);
            if (accuracy) place(plot(Figure.ACCURACY), 0, row++, SLOTS);
        }
        Figure[] layers = {Figure.NEAR_ZERO, Figure.ACT_MEAN, Figure.ACT_STD, Figure.GRAD_MEAN, Figure.GRAD_STD, Figure.UPDATE_RATIO};
        int span = SLOTS / columns;
        for (int i = 0; i < layers.length; i++) place(plot(layers[i]), (i % columns) * span, row + i / columns, span);
        row += (layers.length + columns - 1) / columns;
        place(maps, 0, row++, SLOTS);
        getRowConstraints().clear();
        for (int r = 0; r < row; r++) {
            RowConstraints c = new RowConstraints();
            c.setVgrow(Priority.ALWAYS); // the rows share the height evenly, none below its charts' least height
            getRowConstraints().add(c);
        }
    }

    private static void place(javafx.scene.Node n, int column, int row, int span) {
        GridPane.setConstraints(n, column, row, span, 1);
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
        arrange();
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
