package org.initlab.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.*;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.initlab.data.Mnist;
import org.initlab.engine.Lab;
import org.initlab.engine.LabConfig;
import org.initlab.engine.LabSnapshot;
import org.initlab.init.InitSpec;
import org.initlab.init.Nonlinearity;
import org.initlab.init.Scheme;
import org.initlab.init.WeightFormula;
import org.initlab.nn.LayerSpec;
import org.initlab.nn.ModelSpec;
import org.initlab.nn.Models;
import org.initlab.nn.ShapeException;
import org.initlab.nn.Shapes;

/**
 * The lab window's state: what the user set (writable properties) and what the engine answered
 * (read-only). Every change of a setting sends the whole config to the {@link Lab}; snapshots come
 * back on the engine thread and are applied on the FX thread, latest wins, never waited for.
 * Call order: construct → {@link #start()} → … → {@link #close()}.
 */
public final class LabViewModel implements AutoCloseable {
    /** PyTorch's default leaky gain for Conv2d/Linear weights. */
    public static final double SQRT5 = Math.sqrt(5);

    /** One row of the layer builder. {@code shape} is the output shape ("" after an impossible layer). */
    public record LayerRow(int index, LayerSpec spec, String type, String shape, String error) {}

    // settings
    private final ObservableList<LayerSpec> layers = FXCollections.observableArrayList();
    private final StringProperty modelName = new SimpleStringProperty("seed4");
    private final ObjectProperty<Scheme> scheme = new SimpleObjectProperty<>(Scheme.PYTORCH_DEFAULT);
    private final DoubleProperty a = new SimpleDoubleProperty(SQRT5);
    private final ObjectProperty<InitSpec.Mode> mode = new SimpleObjectProperty<>(InitSpec.Mode.FAN_IN);
    private final ObjectProperty<InitSpec.Bias> bias = new SimpleObjectProperty<>(InitSpec.Bias.DEFAULT);
    private final ObjectProperty<Nonlinearity> nonlinearity = new SimpleObjectProperty<>(); // null: the a slider (Kaiming), the gain (Xavier)
    private final DoubleProperty std = new SimpleDoubleProperty(1), bound = new SimpleDoubleProperty(1); // PyTorch's defaults
    /** Xavier's and orthogonal's gain (kept, unused, under the other schemes; a nonlinearity in effect replaces it). */
    private final DoubleProperty gain = new SimpleDoubleProperty(1);
    private final LongProperty seed = new SimpleLongProperty(0);
    private final IntegerProperty batchSize = new SimpleIntegerProperty(100);
    private final ObjectProperty<Mnist.Split> split = new SimpleObjectProperty<>(Mnist.Split.TEST);
    private final IntegerProperty offset = new SimpleIntegerProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final ObjectProperty<Path> dataFolder = new SimpleObjectProperty<>();
    private final IntegerProperty selectedLayer = new SimpleIntegerProperty(0);
    private final BooleanProperty logStd = new SimpleBooleanProperty(true);
    private final StringProperty theme = new SimpleStringProperty("light");

    // answers
    private final ObservableList<LayerRow> rows = FXCollections.observableArrayList();
    private final ObservableList<LayerRow> rowsView = FXCollections.unmodifiableObservableList(rows); // one wrapper: its listeners are weak
    private final ReadOnlyObjectWrapper<LabSnapshot> charted = new ReadOnlyObjectWrapper<>();
    private final Pins pins = new Pins();
    private final ViewsModel views;
    private final LessonsModel lessons;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper dataProblem = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper backend = new ReadOnlyStringWrapper("starting engine…");
    private final ReadOnlyStringWrapper dataName = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper latencyMs = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyDoubleWrapper stepMs = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyDoubleWrapper engineMs = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyObjectWrapper<WeightFormula> formula = new ReadOnlyObjectWrapper<>();

    private String loss = "mse";
    private long[] input = ModelSpec.MNIST;
    private Lab lab;
    private boolean changeScheduled;
    private boolean quiet; // set while applying an engine answer or a preset, so it is not sent back
    private long lastSubmitted;
    private final AtomicReference<LabSnapshot> inbox = new AtomicReference<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    /**
     * During a drag, answers already superseded are charted at most this often (with 60 Hz frames, at
     * most every other one): one update of the four canvas charts costs the FX thread about 2 ms (median,
     * software rendering, 2 busy cores; StatsChartsCostGuiTest) and the render thread about 8–9 ms to
     * paint, so the slider stays smooth. The answer to the latest command is always charted. Shorter than
     * the engine's 33 ms between updates in a storm ({@code Lab.RUN_PERIOD_NANOS}), so none of those is
     * dropped for a millisecond of jitter.
     */
    private static final long MIN_CHART_INTERVAL_NANOS = 25_000_000L;
    private long lastDrainNanos;
    private final List<Consumer<LabSnapshot>> chartedListeners = new ArrayList<>();

    public LabViewModel(Path data) {
        dataFolder.set(data);
        loadPreset("seed4");
        scheme.addListener((o, was, now) -> {
            boolean q = quiet;
            quiet = true;
            if (now == Scheme.PYTORCH_DEFAULT) a.set(SQRT5);
            if (!(was == Scheme.PYTORCH_DEFAULT && now == Scheme.KAIMING_UNIFORM))
                bias.set(now == Scheme.PYTORCH_DEFAULT ? InitSpec.Bias.DEFAULT : InitSpec.Bias.ZERO);
            // a moved off √5 (pytorch-default → kaiming-uniform) keeps PyTorch's leaky_relu gain, so a still counts;
            // a scheme picked from the list gets the net's activation
            boolean movedA = was == Scheme.PYTORCH_DEFAULT && now == Scheme.KAIMING_UNIFORM && Math.abs(a.get() - SQRT5) > 1e-9;
            nonlinearity.set(movedA ? null : Nonlinearity.preset(now, layers, firstWeightLayer()));
            quiet = q;
            changed();
        });
        a.addListener((o, was, now) -> {
            // pytorch-default is kaiming_uniform(a=√5): moving a away from √5 turns it into kaiming-uniform, same bias
            if (scheme.get() == Scheme.PYTORCH_DEFAULT && Math.abs(now.doubleValue() - SQRT5) > 1e-9) {
                scheme.set(Scheme.KAIMING_UNIFORM);
                return;
            }
            changed();
        });
        for (var p : List.of(mode, bias, nonlinearity, std, bound, gain, seed, batchSize, split, offset, dataFolder, running)) p.addListener(o -> changed());
        layers.addListener((javafx.collections.ListChangeListener<LayerSpec>) c -> {
            if (!quiet) modelName.set("custom");
            rows.setAll(computeRows());
            changed();
        });
        selectedLayer.addListener(o -> updateFormula());
        rows.setAll(computeRows());
        updateFormula();
        views = new ViewsModel(this);
        lessons = new LessonsModel(this);
    }

    /**
     * Warm-up steps the engine runs in its idle seconds after the first charts (about 3 s of one core): the
     * JIT has then compiled the step before the first drag, which would otherwise take twice as long for a
     * hundred moves. Not before the first charts: the window's start needs both cores.
     */
    static final int ENGINE_WARMUP_STEPS = 300;
    private boolean warmUpAsked;

    /** Starts the engine thread and sends the first config. */
    public void start() {
        if (lab != null) return;
        lab = new Lab(this::receive);
        views.start();
        changed();
    }

    @Override
    public void close() {
        if (lab != null) lab.close();
        views.close();
    }

    // ---- actions ----

    public void loadPreset(String name) {
        ModelSpec m = Models.byName(name);
        quiet = true;
        try {
            loss = m.loss();
            input = m.input();
            layers.setAll(m.layers());
            modelName.set(name);
            nonlinearity.set(Nonlinearity.preset(scheme.get(), layers, firstWeightLayer()));
        } finally {
            quiet = false;
        }
        changed();
    }

    public void addLayer(String type) {
        int at = Math.min(layers.size(), Math.max(0, selectedLayer.get() + 1));
        layers.add(at, LayerForms.create(type));
        selectedLayer.set(at);
    }

    public void removeLayer(int i) {
        if (layers.size() > 1 && i >= 0 && i < layers.size()) layers.remove(i);
    }

    public void moveLayer(int i, int by) {
        int j = i + by;
        if (i < 0 || j < 0 || i >= layers.size() || j >= layers.size()) return;
        LayerSpec l = layers.get(i);
        quiet = true;
        layers.remove(i);
        quiet = false;
        layers.add(j, l);
        selectedLayer.set(j);
    }

    /** Sets one parameter of layer i from text; false (and nothing changes) if the text is not a number. */
    public boolean setLayerField(int i, String field, String text) {
        try {
            LayerSpec next = LayerForms.with(layers.get(i), field, text);
            if (!next.equals(layers.get(i))) layers.set(i, next);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The next images of the split (the engine wraps to the start at its end). */
    public void nextBatch() {
        offset.set(offset.get() + batchSize.get());
    }

    /** A fresh random draw of the weights: the next seed. */
    public void reinit() {
        seed.set(seed.get() + 1);
    }

    /** Pins what is charted, labelled with its init; false when {@value Pins#MAX} are pinned already. */
    public boolean pin() {
        return pins.pin(charted.get());
    }

    /** Removes the newest pin. */
    public void unpin() {
        pins.unpinLast();
    }

    public void unpinAll() {
        pins.unpinAll();
    }

    /** Opens the Lessons menu. */
    public void showLessons() {
        lessons.showMenu();
    }

    /** The model as set now (for the training panel and experiment files). */
    public ModelSpec modelSpec() {
        return spec();
    }

    /** The init as set now; throws with the field's message when a value is out of range. */
    public InitSpec initSpec() {
        Nonlinearity nl = scheme.get().usesNonlinearity() ? nonlinearity.get() : null;
        return new InitSpec(scheme.get(), a.get(), mode.get(), bias.get(), nl == null ? gain.get() : 1, nl, std.get(), bound.get());
    }

    /** The settings an experiment file holds (beside the layers): a change to any of them is autosaved. */
    public List<javafx.beans.Observable> experimentProperties() {
        return List.of(modelName, scheme, a, mode, bias, gain, nonlinearity, std, bound, dataFolder);
    }

    /** Layer i's own init (null: the model's), keeping its other fields; false with the layer unchanged when the init is invalid. */
    public boolean setLayerInit(int i, java.util.function.Supplier<InitSpec> init) {
        try {
            LayerSpec l = layers.get(i), next = l instanceof LayerSpec.Conv2d c ? c.withInit(init.get())
                : l instanceof LayerSpec.Linear f ? f.withInit(init.get()) : l;
            if (!next.equals(l)) layers.set(i, next);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The selected layer if it has weights, else the first that has; -1 when none. */
    private int firstWeightLayer() {
        int sel = selectedLayer.get();
        if (sel >= 0 && sel < layers.size() && hasWeights(layers.get(sel))) return sel;
        for (int i = 0; i < layers.size(); i++) if (hasWeights(layers.get(i))) return i;
        return -1;
    }

    static boolean hasWeights(LayerSpec l) {
        return l instanceof LayerSpec.Conv2d || l instanceof LayerSpec.Linear;
    }

    /** Shows an experiment's model and init (from an opened file). */
    public void applyModel(ModelSpec m, InitSpec init) {
        quiet = true;
        try {
            loss = m.loss();
            input = m.input();
            layers.setAll(m.layers());
            modelName.set(m.name());
            scheme.set(init.scheme());
            if (init.scheme() != Scheme.PYTORCH_DEFAULT) a.set(init.a()); // its a is always √5
            mode.set(init.mode());
            bias.set(init.bias());
            gain.set(init.gain());
            nonlinearity.set(init.nonlinearity());
            std.set(init.std());
            bound.set(init.bound());
        } finally {
            quiet = false;
        }
        changed();
    }

    // ---- the engine round trip ----

    /**
     * Settings changed. On the FX thread the work (formula, shapes, the command to the engine) is
     * done once per burst: a slider storm of a thousand changes a second costs one update per turn
     * of the FX queue, not a thousand, so the thread stays responsive.
     */
    private void changed() {
        if (quiet) return;
        if (!Platform.isFxApplicationThread()) {
            applyChange();
        } else if (!changeScheduled) {
            changeScheduled = true;
            Platform.runLater(() -> {
                changeScheduled = false;
                applyChange();
            });
        }
    }

    private void applyChange() {
        updateFormula();
        ModelSpec spec = spec();
        boolean shapesOk = rows.stream().allMatch(r -> r.error().isEmpty());
        if (!shapesOk) {
            problem.set(rows.stream().filter(r -> !r.error().isEmpty()).findFirst().map(LayerRow::error).orElse(""));
            return; // the charts keep the last valid state
        }
        if (lab == null || dataFolder.get() == null) return;
        try {
            InitSpec init = initSpec();
            lastSubmitted = lab.submit(new LabConfig(spec, init, seed.get(), split.get(), offset.get(), batchSize.get(), dataFolder.get(), running.get()));
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
        }
    }

    private ModelSpec spec() {
        return new ModelSpec(modelName.get(), List.copyOf(layers), input, loss);
    }

    private List<LayerRow> computeRows() {
        ModelSpec spec = spec();
        List<LayerRow> out = new ArrayList<>();
        List<long[]> shapes;
        int bad = -1;
        String message = "";
        try {
            shapes = spec.shapes();
        } catch (ShapeException e) {
            bad = e.layerIndex();
            message = e.getMessage();
            shapes = bad == 0 ? List.of() : spec.withLayers(spec.layers().subList(0, bad)).shapes();
        }
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec l = layers.get(i);
            String shape = i < shapes.size() ? Shapes.str(shapes.get(i)) : "";
            out.add(new LayerRow(i, l, ModelSpec.typeName(l), shape, i == bad ? message : ""));
        }
        return out;
    }

    private void updateFormula() {
        InitSpec init;
        try {
            init = initSpec();
        } catch (IllegalArgumentException e) {
            formula.set(null);
            return;
        }
        WeightFormula f = WeightFormula.of(spec(), selectedLayer.get(), init);
        if (f == null) { // the selected layer has no weight: show the first one that has
            for (int i = 0; i < layers.size() && f == null; i++) f = WeightFormula.of(spec(), i, init);
        }
        formula.set(f);
    }

    /** Engine thread: keep only the latest answer and schedule one drain on the FX thread. */
    private void receive(LabSnapshot s) {
        inbox.set(s);
        if (drainScheduled.compareAndSet(false, true)) {
            try {
                Platform.runLater(this::drain);
            } catch (IllegalStateException toolkitNotUpYet) { // the engine started before the window: flush() picks it up
                drainScheduled.set(false);
            }
        }
    }

    /** FX thread: applies an answer that arrived before the toolkit was up. */
    public void flush() {
        drain();
    }

    private void drain() {
        drainScheduled.set(false);
        LabSnapshot s = inbox.getAndSet(null);
        if (s == null) return;
        // an answer to a command the slider has already moved past is dropped (its successor is on the way),
        // unless nothing was charted for a while: a drag then still moves the charts, thirty times a second
        if (s.commandId() < lastSubmitted && System.nanoTime() - lastDrainNanos < MIN_CHART_INTERVAL_NANOS) return;
        lastDrainNanos = System.nanoTime();
        backend.set(s.backend());
        dataName.set(s.dataName());
        LabSnapshot.Problem p = s.problem();
        dataProblem.set(p != null && p.kind() == LabSnapshot.Kind.DATA && !s.hasStats() && s.config().data().equals(dataFolder.get()));
        boolean rowsOk = rows.stream().allMatch(r -> r.error().isEmpty());
        if (rowsOk) problem.set(p == null ? "" : p.message());
        if (p != null && p.kind() == LabSnapshot.Kind.SHAPE && p.layer() >= 0 && p.layer() < rows.size()) {
            LayerRow r = rows.get(p.layer());
            rows.set(p.layer(), new LayerRow(r.index(), r.spec(), r.type(), r.shape(), p.message()));
        }
        boolean current = s.commandId() >= lastSubmitted;
        if (s.config().running() || p != null || (current && s.config().offset() != offset.get())) {
            quiet = true;
            if (s.config().running() || current) offset.set(s.config().offset()); // the engine's batch: it wraps at the end of the split
            if (p != null && running.get()) running.set(false);
            quiet = false;
        }
        if (s.hasStats()) {
            pins.keepLike(s);
            charted.set(s);
            note.set(s.note() == null ? "" : s.note());
            double ms = (System.nanoTime() - s.submittedNanos()) / 1e6;
            latencyMs.set(ms);
            stepMs.set(s.stats().nanos() / 1e6);
            engineMs.set((s.publishedNanos() - s.submittedNanos()) / 1e6);
            for (Consumer<LabSnapshot> l : List.copyOf(chartedListeners)) l.accept(s);
            if (!warmUpAsked) {
                warmUpAsked = true;
                lab.warmUp(ENGINE_WARMUP_STEPS);
            }
        }
    }

    /** No (more) engine warm-up steps: the first drag may then run colder. */
    public void stopWarmUp() {
        warmUpAsked = true;
        lab.warmUp(0);
    }

    int warmUpStepsLeft() {
        return lab.warmupLeft();
    }

    /** Called on the FX thread after a snapshot's figures are in the charts. */
    public void onCharted(Consumer<LabSnapshot> listener) {
        chartedListeners.add(listener);
    }

    public void removeOnCharted(Consumer<LabSnapshot> listener) {
        chartedListeners.remove(listener);
    }

    /** The id of the last config sent to the engine; a charted snapshot with this id or later answers it. */
    public long lastSubmitted() {
        return lastSubmitted;
    }

    // ---- properties ----
    public ObservableList<LayerSpec> layers() { return layers; }
    public StringProperty modelNameProperty() { return modelName; }
    public ObjectProperty<Scheme> schemeProperty() { return scheme; }
    public DoubleProperty aProperty() { return a; }
    public ObjectProperty<InitSpec.Mode> modeProperty() { return mode; }
    public ObjectProperty<InitSpec.Bias> biasProperty() { return bias; }
    public DoubleProperty gainProperty() { return gain; }
    public ObjectProperty<Nonlinearity> nonlinearityProperty() { return nonlinearity; }
    public DoubleProperty stdProperty() { return std; }
    public DoubleProperty boundProperty() { return bound; }
    public LongProperty seedProperty() { return seed; }
    public IntegerProperty batchSizeProperty() { return batchSize; }
    public ObjectProperty<Mnist.Split> splitProperty() { return split; }
    public IntegerProperty offsetProperty() { return offset; }
    public BooleanProperty runningProperty() { return running; }
    public ObjectProperty<Path> dataFolderProperty() { return dataFolder; }
    public IntegerProperty selectedLayerProperty() { return selectedLayer; }
    public BooleanProperty logStdProperty() { return logStd; }
    public StringProperty themeProperty() { return theme; }

    public ObservableList<LayerRow> rows() { return rowsView; }
    public ReadOnlyObjectProperty<LabSnapshot> chartedProperty() { return charted.getReadOnlyProperty(); }
    /** The pinned runs, oldest first. */
    public javafx.collections.ObservableList<Pins.Pin> pins() { return pins.list(); }
    public Pins pinSet() { return pins; }
    /** Histograms, the seed average and the a landscape. */
    public ViewsModel views() { return views; }
    public LessonsModel lessons() { return lessons; }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** What the engine did that the charts do not show (LSUV's passes, a missing theory line); "" when nothing. */
    public ReadOnlyStringProperty noteProperty() { return note.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty dataProblemProperty() { return dataProblem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty backendProperty() { return backend.getReadOnlyProperty(); }
    public ReadOnlyStringProperty dataNameProperty() { return dataName.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty latencyMsProperty() { return latencyMs.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty stepMsProperty() { return stepMs.getReadOnlyProperty(); }
    /** Submit → snapshot published by the engine thread (the rest of latencyMs is the wait for the FX thread). */
    public ReadOnlyDoubleProperty engineMsProperty() { return engineMs.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<WeightFormula> formulaProperty() { return formula.getReadOnlyProperty(); }
}
