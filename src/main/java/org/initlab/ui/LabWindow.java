package org.initlab.ui;

import static org.initlab.ui.Controls.button;
import static org.initlab.ui.Controls.sync;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.DirectoryChooser;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.controlsfx.control.SegmentedButton;
import org.initlab.Numbers;
import org.initlab.data.Mnist;
import org.initlab.engine.LabSnapshot;

/** The lab window's scene: toolbar, model and init on the left, problem banner and charts in the middle, status bar. */
public final class LabWindow {
    private final LabViewModel vm;
    private final StatsCharts charts = new StatsCharts();
    private final HistogramStrip histograms = new HistogramStrip();
    private final LandscapeChart landscape = new LandscapeChart();
    private final BorderPane root = new BorderPane();
    private final Scene scene;
    private final Label message = new Label();
    private Path exportDir = Path.of("").toAbsolutePath();
    private final TrainingViewModel training;
    /** Built when the Training tab is first shown: building it took about 0.35 s of the window's start. */
    private TrainingView trainingView;
    private final Tab trainTab = new Tab("Training");
    private final TabPane tabs = new TabPane();
    private final WindowExports exports;
    private final SweepBar sweepBar;
    private final PresenterKeys keys;

    public LabWindow(LabViewModel vm, double width, double height) {
        this(vm, width, height, org.initlab.AppFolders.user());
    }

    /** @param sessionDir where the training panel autosaves (and marks a running session) */
    public LabWindow(LabViewModel vm, double width, double height, Path sessionDir) {
        this.vm = vm;
        this.training = new TrainingViewModel(vm, sessionDir);
        java.util.List<Region> chartNodes = new java.util.ArrayList<>(charts.plots());
        chartNodes.addAll(java.util.List.of(histograms, landscape));
        // a save or a copy is news (also in the window's corner); its line stays in the status bar
        exports = new WindowExports(vm, this::shownView, chartNodes, () -> exportDir, text -> {
            message.setText(text);
            Notices.note(root, text);
        });
        sweepBar = new SweepBar(vm, charts, () -> exportDir, message::setText);
        root.getStyleClass().add("lab-root");
        root.setTop(toolbar());
        VBox left = new VBox(12, new InitPickerView(vm), new LayerBuilderView(vm));
        VBox.setVgrow(left.getChildren().get(1), Priority.ALWAYS);
        left.getStyleClass().add("side-panel");
        // fills the window's height; where the window is too low for it (projector fonts at 720 px), it scrolls instead of cutting the layer list off
        ScrollPane side = new ScrollPane(left);
        side.setFitToWidth(true);
        side.setFitToHeight(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.getStyleClass().add("side-scroll");
        root.setLeft(side);
        StackPane views = new StackPane(charts, histograms, landscape);
        showView(vm.views().viewProperty().get());
        vm.views().viewProperty().addListener((o, was, now) -> showView(now));
        VBox center = new VBox(6, banner(), new ViewBar(vm), new LessonBar(vm.lessons()), views, sweepBar);
        VBox.setVgrow(views, Priority.ALWAYS);
        center.getStyleClass().add("center-panel");
        center.setMinWidth(0); // the tab's width decides: the charts shrink to it rather than run past the window's edge
        Tab stats = new Tab("Layer stats", center);
        stats.setId("statsTab");
        trainTab.setId("trainingTab");
        trainTab.selectedProperty().addListener((o, was, now) -> { if (now) trainingView(); });
        tabs.getTabs().setAll(stats, trainTab);
        // where the crashed run's offer waits, or what the start had to say about the autosave
        if (training.restoreOfferedProperty().get() || training.messageIsProblemProperty().get()) tabs.getSelectionModel().select(trainTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("tabs");
        tabs.setMinWidth(0); // a tab too wide for a small window is cut at its own edge, not the window's: the side panel and the other tab keep their place
        root.setCenter(tabs);
        root.setBottom(statusBar());
        vm.noteProperty().addListener((o, was, now) -> showMessage(now)); // LSUV's passes per layer, a theory line not drawn
        // a failed save or autosave reaches the status bar too, whichever tab is open
        training.messageProperty().addListener((o, was, now) -> { if (training.messageIsProblemProperty().get()) showMessage(now); });
        if (training.messageIsProblemProperty().get()) showMessage(training.messageProperty().get());
        scene = new Scene(root, width, height);
        Themes.apply(scene, vm.themeProperty().get());
        keys = PresenterKeys.install(this);
        vm.themeProperty().addListener((o, was, now) -> Themes.apply(scene, now));
        InvalidationListener redraw = o -> charts.show(vm.chartedProperty().get(), vm.pins(), vm.views().shownBand(), vm.logStdProperty().get());
        vm.chartedProperty().addListener(redraw);
        vm.pins().addListener(redraw);
        vm.logStdProperty().addListener(redraw);
        vm.views().bandProperty().addListener(redraw);
        vm.views().seedsProperty().addListener(redraw);
        redraw.invalidated(null); // the engine may have answered before the window was built
        InvalidationListener histogramsRedraw = o -> histograms.show(vm.views().histogramsProperty().get() == null ? null
            : vm.views().histogramsProperty().get().modules(), vm.views().histogramKindProperty().get() == ViewsModel.HistogramKind.GRADIENTS);
        vm.views().histogramsProperty().addListener(histogramsRedraw);
        vm.views().histogramKindProperty().addListener(histogramsRedraw);
        InvalidationListener landscapeRedraw = o -> {
            if (vm.views().viewProperty().get() != ViewsModel.View.LANDSCAPE) return; // hidden: a slider storm redraws nothing here
            ViewsModel.LandscapeAnswer l = vm.views().shownLandscape();
            landscape.show(l == null ? null : l.result(), vm.aProperty().get());
        };
        vm.views().landscapeProperty().addListener(landscapeRedraw);
        vm.aProperty().addListener(landscapeRedraw);
        vm.chartedProperty().addListener(landscapeRedraw);
        vm.views().viewProperty().addListener(landscapeRedraw);
        vm.chartedProperty().addListener(new InvalidationListener() {
            @Override public void invalidated(javafx.beans.Observable o) {
                if (vm.chartedProperty().get() == null) return;
                vm.chartedProperty().removeListener(this);
                warmUp();
            }
        });
        // the lab's warm-up steps would share the training thread's core: once a run starts, training is what the user waits for
        training.stateProperty().addListener((o, was, now) -> {
            if (now == org.initlab.engine.TrainingRunner.State.RUNNING) vm.stopWarmUp();
        });
        // a clean exit ends the training thread and removes the session marker (a crash leaves it: restore is offered)
        scene.windowProperty().addListener((o, was, now) -> {
            if (now != null) now.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> training.close());
        });
    }

    /**
     * The window's half of the warm-up (the engine's is {@link LabViewModel#ENGINE_WARMUP_STEPS}): after
     * the first charts, every 10 ms for 1.2 s, the same figures are drawn again, the slider's, formula's
     * and status labels laid out again, and texts like theirs measured off screen. Nothing on screen
     * changes, but the JIT compiles what a drag runs (chart drawing, layout, text shaping, the software
     * renderer) before the first drag; cold, the first second of a drag blocked the FX thread for
     * 50–85 ms (SliderStormGuiTest). 25 rounds were too few: a recording of the storm's first 0.2 s
     * still caught the FX thread in interpreted chart-drawing and layout methods. Stops once anything
     * else happens.
     */
    static final int WARMUP_REDRAWS = 120;

    private void warmUp() {
        LabSnapshot first = vm.chartedProperty().get();
        long command = vm.lastSubmitted();
        List<Label> labels = Stream.of("#aValue", "#formula", "#formulaNumbers", "#runInfo", "#latency")
            .map(scene::lookup).filter(Label.class::isInstance).map(Label.class::cast).toList();
        Text measure = new Text();
        int[] tick = {0};
        Timeline redraws = new Timeline();
        redraws.getKeyFrames().add(new KeyFrame(Duration.millis(10), e -> {
            if (vm.chartedProperty().get() != first || vm.lastSubmitted() != command) {
                redraws.stop();
                return;
            }
            charts.show(first, vm.pins(), vm.views().shownBand(), vm.logStdProperty().get());
            tick[0]++;
            for (Label l : labels) {
                l.requestLayout();
                measure.setFont(l.getFont());
                measure.setText(String.format(Locale.US, "%s %.3f", l.getText(), tick[0] * 0.123));
                measure.getLayoutBounds();
            }
        }));
        redraws.setCycleCount(WARMUP_REDRAWS);
        redraws.play();
    }

    public TrainingViewModel training() { return training; }
    public TrainingView trainingView() {
        if (trainingView == null) {
            trainingView = new TrainingView(training);
            trainingView.setExportDir(exportDir);
            trainingView.pngScaleProperty().bindBidirectional(exports.pngScaleProperty()); // one PNG size for both Save menus
            trainingView.shownProperty().bind(trainTab.selectedProperty());
            trainTab.setContent(trainingView);
        }
        return trainingView;
    }

    /** Selects a tab: "stats" or "training". */
    public void showTab(String name) {
        switch (name) {
            case "stats" -> tabs.getSelectionModel().select(0);
            case "training" -> tabs.getSelectionModel().select(1);
            default -> throw new IllegalArgumentException("unknown tab '" + name + "' (stats, training)");
        }
    }

    private void showView(ViewsModel.View v) {
        charts.setVisible(v == ViewsModel.View.CHARTS);
        histograms.setVisible(v == ViewsModel.View.HISTOGRAMS);
        landscape.setVisible(v == ViewsModel.View.LANDSCAPE);
    }

    public Scene scene() { return scene; }
    public HistogramStrip histograms() { return histograms; }
    public LandscapeChart landscape() { return landscape; }
    public StatsCharts charts() { return charts; }
    public LabViewModel viewModel() { return vm; }

    /** A one-line note in the status bar (exports, internal errors). */
    public void showMessage(String text) {
        message.setText(text);
    }

    /** Where one-click exports go (default: the working directory). */
    public void setExportDir(Path dir) {
        exportDir = dir;
        if (trainingView != null) trainingView.setExportDir(dir);
    }

    private ToolBar toolbar() {
        Spinner<Integer> batch = new Spinner<>(1, 10_000, vm.batchSizeProperty().get(), 10);
        batch.setId("batchSize");
        batch.setEditable(true);
        
        sync(batch, vm.batchSizeProperty());
        ComboBox<Mnist.Split> split = new ComboBox<>();
        split.setId("split");
        split.getItems().addAll(Mnist.Split.values());
        split.valueProperty().bindBidirectional(vm.splitProperty());
        split.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(Mnist.Split v) { return v == null ? "" : v.id() + " split"; }
            @Override public Mnist.Split fromString(String t) { return Mnist.Split.parse(t.replace(" split", "")); }
        });
        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, (int) vm.seedProperty().get());
        seed.setId("seed");
        seed.setEditable(true);
        
        seed.valueProperty().addListener((o, was, now) -> { if (now != null) vm.seedProperty().set(now); });
        vm.seedProperty().addListener((o, was, now) -> seed.getValueFactory().setValue(now.intValue()));
        Button next = button("Next batch", "nextBatch", "The next images of this split, same weights", vm::nextBatch);
        Button reinit = button("Re-init", "reinit", "A fresh random draw of the weights (next seed)", vm::reinit);
        ToggleButton run = new ToggleButton("Run");
        run.setId("run");
        run.setTooltip(new Tooltip("Forward + backward over successive batches, continuously"));
        run.selectedProperty().bindBidirectional(vm.runningProperty());
        run.textProperty().bind(Bindings.when(vm.runningProperty()).then("Pause").otherwise("Run"));
        Button pin = button("Pin", "pin", "Keep the current stats on the charts, labelled, while you change the init (up to four)", vm::pin);
        pin.disableProperty().bind(Bindings.size(vm.pins()).greaterThanOrEqualTo(Pins.MAX));
        Button unpin = button("Unpin all", "unpin", "Remove every pinned run (× beside a pin removes that one)", vm::unpinAll);
        unpin.disableProperty().bind(Bindings.isEmpty(vm.pins()));
        var save = exports.menu(WindowExports.item("Save statistics as CSV", "exportCsv", this::exportCsv),
            WindowExports.item("Export sweep…", "exportSweep", sweepBar::show));
        save.setTooltip(new Tooltip("The charts as PNG (1×, 2×, 3×), SVG or PDF; the statistics as CSV; an animated sweep; copy with a caption"));
        CheckBox log = new CheckBox("log std");
        log.setId("logStd");
        log.selectedProperty().bindBidirectional(vm.logStdProperty());
        // the themes first: Projector must never fall into the overflow menu on a small screen
        return new ToolBar(themes(), new Separator(), new Label("batch"), batch, split, new Label("seed"), seed, next, reinit, run,
            new Separator(), pin, unpin, new Separator(), save, new Separator(), log);
    }

    /** Light, dark, projector: one of them always on (ids themeLight, themeDark, projector). */
    private SegmentedButton themes() {
        SegmentedButton themes = new SegmentedButton();
        themes.setId("themes");
        for (String name : Themes.NAMES) {
            ToggleButton b = new ToggleButton(name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1));
            b.setId(name.equals("projector") ? "projector" : "theme" + b.getText());
            b.setUserData(name);
            b.setTooltip(new Tooltip(switch (name) {
                case "projector" -> "Large type, high contrast, thick lines";
                case "dark" -> "Light text on dark panels";
                default -> "Dark text on light panels";
            }));
            b.setSelected(name.equals(vm.themeProperty().get()));
            themes.getButtons().add(b);
        }
        themes.getToggleGroup().selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) was.setSelected(true); // clicking the chosen theme keeps it
            else vm.themeProperty().set((String) now.getUserData());
        });
        vm.themeProperty().addListener((o, was, now) -> themes.getButtons().forEach(b -> b.setSelected(now.equals(b.getUserData()))));
        return themes;
    }

    private VBox banner() {
        Label text = new Label();
        text.setId("problem");
        text.setWrapText(true);
        text.textProperty().bind(vm.problemProperty());
        Button choose = new Button("Choose data folder…");
        choose.setId("chooseData");
        choose.visibleProperty().bind(vm.dataProblemProperty());
        choose.managedProperty().bind(vm.dataProblemProperty());
        choose.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Folder with IDX image/label files (MNIST layout)");
            var dir = dc.showDialog(scene.getWindow());
            if (dir != null) vm.dataFolderProperty().set(dir.toPath());
        });
        HBox box = new HBox(12, text, choose);
        box.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(text, Priority.ALWAYS);
        VBox wrap = new VBox(box);
        wrap.getStyleClass().add("problem-banner");
        wrap.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        wrap.managedProperty().bind(wrap.visibleProperty());
        return wrap;
    }

    private HBox statusBar() {
        Label backend = new Label();
        backend.getStyleClass().add("status-detail");
        backend.textProperty().bind(vm.backendProperty());
        Label data = new Label();
        data.getStyleClass().add("status-detail");
        data.textProperty().bind(Bindings.concat("data: ", vm.dataNameProperty()));
        Label run = new Label();
        run.setId("runInfo");
        run.textProperty().bind(Bindings.createStringBinding(() -> {
            LabSnapshot s = vm.chartedProperty().get();
            if (s == null) return vm.problemProperty().get().isEmpty() ? "computing first stats…" : "no stats yet";
            var c = s.config();
            // Locale.US, not ROOT: for any other locale Formatter builds a DecimalFormatSymbols per call, and this runs on every update
            return String.format(Locale.US, "%s · %s · %s images %d–%d · seed %d · loss %s", c.spec().name(), c.init(),
                c.split().id(), c.offset(), c.offset() + c.batchSize() - 1, c.seed(), Numbers.significant(s.stats().loss(), 4));
        }, vm.chartedProperty(), vm.problemProperty()));
        Label latency = new Label();
        latency.setId("latency");
        latency.textProperty().bind(Bindings.createStringBinding(() -> {
            LabSnapshot s = vm.chartedProperty().get();
            if (s == null || Double.isNaN(vm.latencyMsProperty().get())) return "";
            if (s.commandId() == 1) return String.format(Locale.US, "first stats after %.1f s", vm.latencyMsProperty().get() / 1000);
            return String.format(Locale.US, "last update %.0f ms (step %.0f ms)", vm.latencyMsProperty().get(), vm.stepMsProperty().get());
        }, vm.latencyMsProperty(), vm.stepMsProperty(), vm.chartedProperty()));
        message.setId("message");
        // a long message (an unreadable autosave, LSUV per layer) ends in "…" with the whole text as its tooltip; the other labels keep their width
        message.setMinWidth(0);
        message.textProperty().addListener((o, was, now) -> message.setTooltip(now.isEmpty() ? null : new javafx.scene.control.Tooltip(now)));
        for (Label l : new Label[] {backend, data, run, latency}) l.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(18, backend, data, run, gap, message, latency);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        bar.setMinWidth(0); // on a narrow window its last labels go past the edge; they must not widen the window's layout beyond it
        return bar;
    }

    /** Saves the charts as PNG (at the Save menu's scale) in the export folder, written in the background; the future gives the file, null on failure. */
    public CompletableFuture<Path> exportPng() {
        return exports.save("png");
    }

    /** Saves the view shown (the charts, histograms or landscape) in a format, "png", "svg" or "pdf"; the future gives the file, null on failure. */
    public CompletableFuture<Path> exportCharts(String format) {
        return exports.save(format);
    }

    private Region shownView() {
        return histograms.isVisible() ? histograms : landscape.isVisible() ? landscape : charts;
    }

    /** Copies the charts with their caption line to the clipboard; returns the image, null before the first stats. */
    public java.awt.image.BufferedImage copyCharts() {
        return exports.copy();
    }

    WindowExports exports() { return exports; }
    SweepBar sweepBar() { return sweepBar; }
    PresenterKeys keys() { return keys; }

    public Path exportCsv() {
        LabSnapshot s = vm.chartedProperty().get();
        if (s == null) {
            message.setText("no stats yet");
            return null;
        }
        Path file = exportDir.resolve("initlab-stats-" + WindowExports.stamp() + ".csv");
        try {
            Exporter.csv(s, file);
            message.setText("saved " + file.getFileName());
            return file;
        } catch (IOException | IllegalArgumentException e) {
            message.setText("could not save the CSV: " + e.getMessage());
            return null;
        }
    }
}
