package org.initlab.ui;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.initlab.Numbers;
import org.initlab.engine.LabSnapshot;

/**
 * A sweep's frame: the swept value in large type, the title line and the four stats charts, in a
 * theme, in an off-screen scene. Made once and shown again per frame. FX thread.
 */
final class StatsFigure {
    private final StatsCharts charts = new StatsCharts();
    private final VBox root;
    /** The swept value, "a = 0.10", in large type above the title: what changes from frame to frame. */
    private final Label value = new Label();

    StatsFigure(String theme, int width, int height) {
        root = Plots.titled("", charts, theme, width, height);
        value.getStyleClass().add("sweep-value");
        root.getChildren().add(0, value);
    }

    /** One y axis per chart for all these runs: the frames of a sweep. */
    void spanAll(java.util.List<LabSnapshot> runs, boolean logStd) {
        charts.spanAll(runs, logStd);
    }

    /** Shows a run under its swept value ({@code label}) and its title; laid out. */
    Region show(LabSnapshot s, boolean logStd, String label) {
        value.setText(label);
        ((Label) root.getChildren().get(1)).setText(title(s));
        charts.show(s, java.util.List.of(), null, logStd);
        root.applyCss();
        root.layout();
        return root;
    }

    /** "seed4 · kaiming-uniform a=0 fan_in · seed 0 · test images 0–99 · loss 0.1234". */
    static String title(LabSnapshot s) {
        var c = s.config();
        return String.format(Locale.ROOT, "%s · %s · seed %d · %s images %d–%d · loss %s", c.spec().name(), c.init(),
            c.seed(), c.split().id(), c.offset(), c.offset() + c.batchSize() - 1, Numbers.significant(s.stats().loss(), 4));
    }
}
