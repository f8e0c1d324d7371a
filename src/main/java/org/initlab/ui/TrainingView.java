package org.initlab.ui;

import static org.initlab.ui.Controls.button;
import static org.initlab.ui.Controls.sync;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.css.PseudoClass;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.initlab.AppFolders;
import org.initlab.AppLog;
import org.initlab.AtomicFile;
import org.initlab.engine.TrainingRunner.State;
import org.initlab.engine.TrainingRunner.Update;
import org.initlab.train.Experiment;
import org.initlab.train.OptimizerSpec;
import org.controlsfx.control.StatusBar;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/** The Training tab: run controls and optimizer settings, experiment files, the restore bar, a status line and the telemetry charts. */
public final class TrainingView extends VBox {
    private final TrainingViewModel vm;
    private final TelemetryCharts charts = new TelemetryCharts();
    private final StatusBar status = new StatusBar();
    private final ValidationSupport validation = new ValidationSupport();
    private Path exportDir = Path.of("").toAbsolutePath();
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private final IntegerProperty pngScale = new SimpleIntegerProperty(1);
    private final UiCpu cpu = new UiCpu();

    public TrainingView(TrainingViewModel vm) {
        super(6);
        this.vm = vm;
        getStyleClass().add("training-view");
        setMinSize(0, 0);
        // the charts fill the tab; where their rows need more height than it has (projector type at 720 px), they scroll
        ScrollPane scroll = new ScrollPane(charts);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("chart-scroll");
        scroll.setMinHeight(0);
        getChildren().addAll(controls(), restoreBar(), messageBar(), scroll, statusLine());
        VBox.setVgrow(scroll, Priority.ALWAYS);
        InvalidationListener redraw = o -> redraw(true);
        vm.latestProperty().addListener(redraw);
        vm.pinnedProperty().addListener(redraw);
        shown.addListener((o, was, now) -> {
            cpu.cancel(); // the other tab's layout, or this one's, is no update's cost
            if (now) redraw(false);
        });
        redraw(false);
    }

    /**
     * Charts the latest update and the pinned run. For a new update or pin the engine is told what it
     * cost the window in all (its charts, the pulse that lays them out, the renderer's frame), not the
     * chart code's alone, and spaces its updates by that; the redraw of a window or tab just shown pays
     * for their first layout too, so it is not told.
     */
    private void redraw(boolean update) {
        if (!shown.get()) return; // behind the other tab nothing is drawn: training keeps the core; the tab's return draws the latest
        long mark = update ? cpu.mark() : -1;
        Update u = vm.latestProperty().get(), p = vm.pinnedProperty().get();
        long t0 = System.nanoTime();
        charts.show(u == null ? null : u.telemetry(), p == null ? null : p.telemetry());
        charts.layout(); // the canvases paint now, not at the next pulse
        long took = System.nanoTime() - t0;
        if (update) cpu.reportFrom(mark, spent -> {
            vm.charted(Math.max(took, spent));
            Gui.trace(String.format(Locale.ROOT, "training charts %.1f ms, the window %.1f ms of CPU until the frame was rendered", took / 1e6, spent / 1e6));
        });
    }

    /** Whether the tab is shown; while it is not, updates are not charted (the window binds it to the tab's selection). */
    public BooleanProperty shownProperty() { return shown; }

    public TelemetryCharts charts() { return charts; }
    public TrainingViewModel viewModel() { return vm; }
    public void setExportDir(Path dir) { exportDir = dir; }

    private ToolRows controls() {
        Button run = button("Run", "trainRun", "Train from the seed (or resume a paused run)", vm::run);
        run.textProperty().bind(Bindings.when(vm.stateProperty().isEqualTo(State.PAUSED)).then("Resume").otherwise("Run"));
        run.disableProperty().bind(vm.stateProperty().isEqualTo(State.RUNNING));
        Button pause = button("Pause", "trainPause", "Pause after the current step", vm::pause);
        pause.disableProperty().bind(vm.stateProperty().isNotEqualTo(State.RUNNING));
        Button stop = button("Stop", "trainStop", "End the run; its curves stay", vm::stop);
        stop.disableProperty().bind(vm.stateProperty().isNotEqualTo(State.RUNNING).and(vm.stateProperty().isNotEqualTo(State.PAUSED)));
        Button reset = button("Reset", "trainReset", "Clear the curves; Run then starts again from the same seed", vm::reset);
        Button pin = button("Pin", "trainPin", "Keep this run on the charts, faded, to compare with the next (A/B)", vm::pin);
        pin.disableProperty().bind(vm.latestProperty().isNull());
        Button unpin = button("Unpin", "trainUnpin", "Remove the pinned run", vm::unpin);
        unpin.disableProperty().bind(vm.pinnedProperty().isNull());

        ComboBox<OptimizerSpec.Kind> opt = new ComboBox<>();
        opt.setId("trainOptimizer");
        opt.getItems().addAll(OptimizerSpec.Kind.values());
        opt.valueProperty().bindBidirectional(vm.optimizerProperty());
        opt.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(OptimizerSpec.Kind k) { return k == null ? "" : k.id(); }
            @Override public OptimizerSpec.Kind fromString(String s) { return OptimizerSpec.Kind.parse(s); }
        });
        TextField lr = new TextField(fmt(vm.lrProperty().get()));
        lr.setId("trainLr");
        lr.setPrefColumnCount(6);
        lr.setTooltip(new Tooltip("Learning rate, e.g. 1e-3 (Enter to apply)"));
        validation.registerValidator(lr, false, (javafx.scene.control.Control c, String text) ->
            ValidationResult.fromErrorIf(c, "the learning rate must be a number > 0, e.g. 1e-3", Double.isNaN(learningRate(text))));
        Runnable applyLr = () -> {
            double v = learningRate(lr.getText());
            if (!Double.isNaN(v)) vm.lrProperty().set(v);
        };
        lr.setOnAction(e -> applyLr.run());
        lr.focusedProperty().addListener((o, was, now) -> { if (!now) applyLr.run(); });
        vm.lrProperty().addListener((o, was, now) -> { if (!lr.isFocused()) lr.setText(fmt(now.doubleValue())); });
        Spinner<Integer> epochs = spinner("trainEpochs", 1, Experiment.MAX_EPOCHS, vm.epochsProperty().get(), 1);
        sync(epochs, vm.epochsProperty());
        Spinner<Integer> batch = spinner("trainBatch", 1, Integer.MAX_VALUE, vm.batchProperty().get(), 16); // the trainer names a batch too large for the data
        sync(batch, vm.batchProperty());
        Spinner<Long> seed = LongSpinner.of("trainSeed", vm.seedProperty());

        // the experiment's file and the charts' files in one menu: used now and then, they leave the row to the run's controls
        MenuButton file = new MenuButton("File");
        file.setId("trainFile");
        file.setTooltip(new Tooltip("Open or save an experiment file; save the charts as PNG, SVG or PDF"));
        file.getItems().addAll(WindowExports.item("Open experiment…", "trainOpen", this::openFile),
            WindowExports.item("Save experiment…", "trainSave", this::saveFile), new SeparatorMenuItem());
        file.getItems().addAll(WindowExports.scaleItems(pngScale, "trainPngScale"));
        file.getItems().add(new SeparatorMenuItem());
        file.getItems().addAll(WindowExports.item("Save charts as PNG (and copy them)", "trainPng", () -> export("png")),
            WindowExports.item("Save charts as SVG", "trainSvg", () -> export("svg")), WindowExports.item("Save charts as PDF", "trainPdf", () -> export("pdf")));
        // actions and settings wrap, a group staying together, rather than hide in an overflow menu; on a narrow tab
        // (projector type at 1280 px) they share rows, so the controls take two rows and the charts keep the rest
        ToolRows bar = new ToolRows(14, 4, List.of(pair(run, pause, stop, reset), pair(pin, unpin), file),
            List.of(pair(new Label("optimizer"), opt), pair(new Label("lr"), lr, OptimizerSettings.button(vm)),
                pair(new Label("epochs"), epochs), pair(new Label("batch"), batch), pair(new Label("seed"), seed)));
        bar.getStyleClass().addAll("tool-bar", "training-toolbar");
        bar.widthProperty().addListener((o, was, now) -> {
            double w = now.doubleValue();
            bar.pseudoClassStateChanged(WIDE, w >= WIDE_FROM && w < WIDER_FROM);
            bar.pseudoClassStateChanged(WIDER, w >= WIDER_FROM);
        });
        return bar;
    }

    /**
     * The controls' row at least this wide (px) is {@code :wide} or {@code :wider}, where a theme may set them
     * in larger type (projector.css: 16 and 18 px): the widths where that type still takes two rows, with
     * room for Resume in place of Run (SmallWindowGuiTest).
     */
    static final double WIDE_FROM = 820, WIDER_FROM = 900;
    private static final PseudoClass WIDE = PseudoClass.getPseudoClass("wide"), WIDER = PseudoClass.getPseudoClass("wider");

    private static HBox pair(Node... nodes) {
        HBox box = new HBox(6, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private HBox restoreBar() {
        Label text = new Label("Restore the experiment from your last session?");
        Button restore = button("Restore", "restoreYes", "Bring back the model, init and training settings autosaved before the last session ended", vm::restore);
        Button dismiss = button("Dismiss", "restoreNo", "Keep the current settings", vm::dismissRestore);
        HBox bar = new HBox(12, text, restore, dismiss);
        bar.setId("restoreBar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("restore-bar");
        bar.visibleProperty().bind(vm.restoreOfferedProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private HBox messageBar() {
        Label text = new Label();
        text.setId("trainMessage");
        text.setWrapText(true);
        text.textProperty().bind(vm.messageProperty());
        HBox box = new HBox(text);
        box.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(text, Priority.ALWAYS);
        // a failure stays as a red banner; a note (saved, opened, restored) passes as a notification
        box.getStyleClass().addAll("train-message", "problem-banner");
        vm.messageProperty().addListener((o, was, now) -> {
            if (now.isEmpty()) return;
            if (vm.messageIsProblemProperty().get()) Notices.alarm(this, now); // diverged, could not save: also seen from the other tab
            else Notices.note(this, now);
        });
        box.visibleProperty().bind(vm.messageProperty().isNotEmpty().and(vm.messageIsProblemProperty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** The run's state, step and numbers, with its progress when the run has a known length. */
    private StatusBar statusLine() {
        StatusBar s = status;
        s.setId("trainStatus");
        s.textProperty().bind(Bindings.createStringBinding(() -> {
            Update u = vm.latestProperty().get();
            State st = vm.stateProperty().get();
            if (u == null || u.telemetry() == null) return st == State.RUNNING ? "starting (loading data, initializing)…" : "idle";
            double[] loss = u.telemetry().loss();
            String last = loss.length == 0 ? "" : String.format(Locale.ROOT, " · loss %.4g", loss[loss.length - 1]);
            String total = u.totalSteps() > 0 ? "/" + u.totalSteps() : "";
            String rate = Double.isNaN(u.stepsPerSecond()) ? "" : String.format(Locale.ROOT, " · %.1f steps/s", u.stepsPerSecond());
            String acc = u.testAccuracy() == null ? "" : String.format(Locale.ROOT, " · test accuracy %.1f %%", 100 * u.testAccuracy());
            return st.name().toLowerCase(Locale.ROOT) + " · step " + u.step() + total + last + acc + rate;
        }, vm.latestProperty(), vm.stateProperty()));
        s.progressProperty().bind(Bindings.createDoubleBinding(() -> {
            Update u = vm.latestProperty().get();
            return u == null || u.totalSteps() <= 0 ? 0.0 : Math.min(1.0, (double) u.step() / u.totalSteps());
        }, vm.latestProperty()));
        Label pinned = new Label();
        pinned.setId("trainPinLabel");
        pinned.textProperty().bind(vm.pinLabelProperty());
        // not a status detail the projector hides: the audience sees the faded lines and reads here what they are
        pinned.getStyleClass().add("pin-label");
        pinned.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // on a narrow tab the run's numbers elide, not the pin's name
        s.getRightItems().add(pinned);
        return s;
    }

    private void openFile() {
        FileChooser fc = chooser("Open an experiment");
        File f = fc.showOpenDialog(getScene().getWindow());
        if (f != null) vm.open(f.toPath());
    }

    private void saveFile() {
        FileChooser fc = chooser("Save the experiment");
        fc.setInitialFileName(vm.fileProperty().get() == null ? "experiment.json" : vm.fileProperty().get().getFileName().toString());
        File f = fc.showSaveDialog(getScene().getWindow());
        if (f != null) vm.save(f.toPath());
    }

    private FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Experiment (*.json)", "*.json"));
        Path at = vm.fileProperty().get();
        File dir = at != null && at.toAbsolutePath().getParent() != null ? at.toAbsolutePath().getParent().toFile() : userExperiments();
        if (dir != null && dir.isDirectory()) fc.setInitialDirectory(dir);
        return fc;
    }

    /** The user's experiments folder, made on first use; null if it cannot be (the chooser then starts where it likes). */
    private static File userExperiments() {
        try {
            return Files.createDirectories(AppFolders.experiments()).toFile();
        } catch (IOException e) {
            AppLog.error("cannot create " + AppFolders.experiments(), e);
            return null;
        }
    }

    /** The PNG's size in screen pixels (1–3), shared with the lab's Save menu. */
    public IntegerProperty pngScaleProperty() {
        return pngScale;
    }

    /**
     * Saves the training charts in the export folder as "png" (at {@link #pngScaleProperty()}, also copied to
     * the clipboard), "svg" or "pdf": drawn now, written in the background ({@link Saves}); the future
     * gives the file, or null on failure.
     */
    public CompletableFuture<Path> export(String format) {
        Path file = exportDir.resolve("initlab-training-" + WindowExports.stamp() + "." + format);
        int scale = format.equals("png") ? pngScale.get() : 1;
        return Saves.save(file, format, () -> {
            if (!format.equals("png")) return new Saves.Drawn(ChartFiles.render(charts, format, scale));
            BufferedImage img = ChartFiles.image(charts, scale); // drawn once, for the file and the clipboard
            AtomicFile.Content content = ChartFiles.png(img);
            return new Saves.Drawn(content, Exporter.copy(SwingFXUtils.toFXImage(img, null)) ? " · copied to clipboard" : "");
        }, WindowExports.saved(file, format, scale), this::statusNote);
    }

    private void statusNote(String text) {
        // the note goes into the message line; the status line keeps the run's numbers
        vm.note(text);
    }

    /** The text as a learning rate, NaN when it is none (not a number, not finite, not > 0). */
    private static double learningRate(String text) {
        try {
            double v = Double.parseDouble(text.strip());
            return v > 0 && Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Three significant digits when they say the value exactly, else every digit: a shown lr, applied again, is the same lr. */
    static String fmt(double v) {
        String short3 = String.format(Locale.ROOT, "%.3g", v);
        return Double.parseDouble(short3) == v ? short3 : String.valueOf(v);
    }

    private static Spinner<Integer> spinner(String id, int min, int max, int value, int step) {
        Spinner<Integer> s = new Spinner<>(min, max, value, step);
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(100);
        return s;
    }
}
