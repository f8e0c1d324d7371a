package org.initlab.ui;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import org.initlab.engine.LabSnapshot;
import org.initlab.engine.Sweep;

/**
 * "Export sweep…": a bar under the charts that writes the current config swept over a or gain as an
 * animated GIF, in the background (its own engine; the FX thread only lays out each frame), with a
 * progress bar and Cancel.
 */
final class SweepBar extends HBox {
    private final LabViewModel vm;
    private final StatsCharts charts;
    private final Supplier<Path> folder;
    private final Consumer<String> message;
    private final ComboBox<String> parameter = new ComboBox<>();
    private final TextField from = field("sweepFrom", "0"), to = field("sweepTo", "3"), step = field("sweepStep", "0.1");
    private final ProgressBar progress = new ProgressBar(0);
    private final Button start = new Button("Export GIF"), cancel = new Button("Cancel");
    private final ReadOnlyObjectWrapper<Task<Integer>> task = new ReadOnlyObjectWrapper<>();

    SweepBar(LabViewModel vm, StatsCharts charts, Supplier<Path> folder, Consumer<String> message) {
        super(8);
        this.vm = vm;
        this.charts = charts;
        this.folder = folder;
        this.message = message;
        getStyleClass().add("sweep-bar");
        setId("sweepBar");
        setAlignment(Pos.CENTER_LEFT);
        parameter.setId("sweepParameter");
        parameter.getItems().addAll(Sweep.PARAMETERS);
        parameter.valueProperty().addListener((o, was, now) -> {
            String[] d = DEFAULTS.get(now);
            from.setText(d[0]);
            to.setText(d[1]);
            step.setText(d[2]);
        });
        parameter.setValue("a");
        progress.setId("sweepProgress");
        progress.setPrefWidth(180);
        start.setId("sweepStart");
        start.setOnAction(e -> start());
        cancel.setId("sweepCancel");
        cancel.setOnAction(e -> cancel());
        Button close = new Button("×");
        close.setId("sweepClose");
        close.setOnAction(e -> hide());
        start.disableProperty().bind(task.isNotNull());
        cancel.disableProperty().bind(task.isNull());
        close.disableProperty().bind(task.isNotNull());
        getChildren().addAll(new Label("Export sweep of"), parameter, new Label("from"), from, new Label("to"), to, new Label("step"), step,
            start, progress, cancel, close);
        hide();
    }

    private static TextField field(String id, String text) {
        TextField f = new TextField(text);
        f.setId(id);
        f.setPrefColumnCount(4);
        return f;
    }

    /** Each parameter's range when first picked: from, to, step. */
    private static final java.util.Map<String, String[]> DEFAULTS = java.util.Map.of(
        "a", new String[] {"0", "3", "0.1"}, "gain", new String[] {"0.1", "2", "0.1"}, "std", new String[] {"0.01", "0.2", "0.01"},
        "bound", new String[] {"0.01", "0.3", "0.01"}, "depth", new String[] {"1", "20", "1"});

    /** Shows the bar with the parameter the charted init uses (gain, std, bound or a; else depth for an mlp), the config a sweep exports. */
    void show() {
        LabSnapshot s = vm.chartedProperty().get();
        if (s != null) parameter.setValue(Sweep.firstParameter(s.config()));
        setVisible(true);
        setManaged(true);
    }

    void hide() {
        setVisible(false);
        setManaged(false);
    }

    /** The export running now, null when none. */
    ReadOnlyObjectProperty<Task<Integer>> taskProperty() {
        return task.getReadOnlyProperty();
    }

    /** Starts the export of the charted config; the file goes to the export folder. Returns it, or null if the input was refused. */
    Path start() {
        LabSnapshot s = vm.chartedProperty().get();
        if (s == null || task.get() != null) return null;
        Sweep sweep;
        try {
            sweep = Sweep.parse(parameter.getValue() + "=" + from.getText().trim() + ":" + to.getText().trim() + ":" + step.getText().trim());
            sweep.check(s.config());
        } catch (IllegalArgumentException e) {
            message.accept(e.getMessage().replace("--sweep ", "sweep "));
            return null;
        }
        Path file = folder.get().resolve("initlab-sweep-" + sweep.parameter() + "-" + WindowExports.stamp() + ".gif");
        String theme = vm.themeProperty().get();
        boolean log = vm.logStdProperty().get();
        int w = (int) Math.max(800, Math.round(charts.getWidth())), h = (int) Math.max(500, Math.round(charts.getHeight()));
        Task<Integer> t = new Task<>() {
            @Override protected Integer call() throws Exception {
                return SweepExport.write(s.config().withRunning(false), sweep, theme, log, w, h, 1, file,
                    (done, total) -> updateProgress(done, total), this::isCancelled);
            }
        };
        progress.progressProperty().bind(t.progressProperty());
        t.setOnSucceeded(e -> finish("saved " + file.getFileName() + " (" + t.getValue() + " frames)"));
        t.setOnCancelled(e -> finish("sweep cancelled; nothing saved"));
        t.setOnFailed(e -> finish("could not export the sweep: " + t.getException().getMessage()));
        task.set(t);
        message.accept("exporting " + sweep.values().size() + " frames…");
        Thread th = new Thread(t, "initlab-sweep-export");
        th.setDaemon(true);
        th.start();
        return file;
    }

    void cancel() {
        if (task.get() != null) task.get().cancel(false);
    }

    private void finish(String text) {
        progress.progressProperty().unbind();
        task.set(null);
        message.accept(text);
    }
}
