package org.initlab.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.util.Duration;
import org.initlab.AppLog;
import org.initlab.data.Mnist;
import org.initlab.engine.TrainingRunner;
import org.initlab.engine.TrainingRunner.Mode;
import org.initlab.engine.TrainingRunner.State;
import org.initlab.engine.TrainingRunner.Update;
import org.initlab.train.Experiment;
import org.initlab.train.OptimizerSpec;
import org.initlab.train.Trainer;

/**
 * The training panel's state. The model and init come from the lab ({@link LabViewModel}); the
 * optimizer, lr, epochs, batch and seed are set here. Run / pause / stop / reset send a whole
 * {@link TrainingRunner.Order}; updates come back on the engine thread and are applied on the FX
 * thread, latest wins, never waited for. Every field of an {@link Experiment} has a property here or in
 * the lab, so an opened file saves back field for field, and one control changes one field. The
 * experiment is autosaved (debounced) through an {@link AutosaveStore}, which offers the autosave
 * back after a session that did not exit cleanly ({@link #restoreOfferedProperty()}); a failed
 * autosave or save is shown in the message line, and the file before it stays as it was.
 */
public final class TrainingViewModel implements AutoCloseable {
    static final String AUTOSAVE = AutosaveStore.AUTOSAVE, MARKER = AutosaveStore.MARKER;

    private static final OptimizerSpec DEFAULT_OPTIMIZER = OptimizerSpec.of(OptimizerSpec.Kind.ADAM, 1e-3, 0);

    private final LabViewModel lab;
    private final AutosaveStore store;
    /** The experiment's name; blank: the model's name. */
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<OptimizerSpec.Kind> optimizer = new SimpleObjectProperty<>(DEFAULT_OPTIMIZER.kind());
    private final DoubleProperty lr = new SimpleDoubleProperty(DEFAULT_OPTIMIZER.lr());
    /** Used by kind momentum; sgd has none (saved as 0), adam keeps it in the file unused. */
    private final DoubleProperty momentum = new SimpleDoubleProperty(0.9);
    private final DoubleProperty weightDecay = new SimpleDoubleProperty(DEFAULT_OPTIMIZER.weightDecay());
    private final DoubleProperty beta1 = new SimpleDoubleProperty(DEFAULT_OPTIMIZER.beta1());
    private final DoubleProperty beta2 = new SimpleDoubleProperty(DEFAULT_OPTIMIZER.beta2());
    private final DoubleProperty eps = new SimpleDoubleProperty(DEFAULT_OPTIMIZER.eps());
    private final ObjectProperty<Mnist.Split> trainSplit = new SimpleObjectProperty<>(Mnist.Split.TRAIN);
    private final ObjectProperty<Mnist.Split> evalSplit = new SimpleObjectProperty<>(Mnist.Split.TEST);
    private final IntegerProperty epochs = new SimpleIntegerProperty(1);
    private final IntegerProperty batch = new SimpleIntegerProperty(64);
    private final LongProperty seed = new SimpleLongProperty(0);
    /** Test and demo hook: stop after this many steps (0: the whole run). */
    private final LongProperty stepLimit = new SimpleLongProperty(0);

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyObjectWrapper<Update> latest = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Update> pinned = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper pinLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsProblem = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper restoreOffered = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();

    private TrainingRunner runner;
    private long run;
    private Experiment running;
    private Experiment offered;
    private final PauseTransition autosave = new PauseTransition(Duration.millis(700));
    private static final java.util.concurrent.ExecutorService WRITER = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "initlab-autosave");
        t.setDaemon(true);
        return t;
    });
    private java.util.concurrent.Future<?> lastWrite = java.util.concurrent.CompletableFuture.completedFuture(null);
    private boolean applying;
    /** The data folder as the opened file spelled it ("data/mnist/" stays so while the lab's folder is the same path). */
    private String folderText;
    private volatile boolean autosaveFailing;
    private final AtomicReference<Update> inbox = new AtomicReference<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    /** Must be made on the FX thread. @param sessionDir where autosave.json and the marker live (normally {@link org.initlab.AppFolders#user()}) */
    public TrainingViewModel(LabViewModel lab, Path sessionDir) {
        this.lab = lab;
        this.store = new AutosaveStore(sessionDir);
        seed.set(lab.seedProperty().get());
        AutosaveStore.Start start = store.start();
        offered = start.offered();
        restoreOffered.set(offered != null);
        if (!start.message().isEmpty()) problem(start.message());
        autosave.setOnFinished(e -> autosaveNow());
        for (var p : List.of(name, optimizer, lr, momentum, weightDecay, beta1, beta2, eps, trainSplit, evalSplit, epochs, batch, seed))
            p.addListener(o -> changed());
        for (var p : lab.experimentProperties()) p.addListener(o -> changed());
        lab.layers().addListener((javafx.collections.ListChangeListener<Object>) c -> changed());
        latest.addListener(o -> namePin());
        pinned.addListener(o -> namePin());
    }

    public TrainingViewModel(LabViewModel lab) {
        this(lab, org.initlab.AppFolders.user());
    }

    // ---- actions ----

    /** Starts a fresh run from the current settings, or resumes a paused one. */
    public void run() {
        if (state.get() == State.PAUSED && running != null) {
            send(Mode.RUN);
            return;
        }
        Experiment e;
        try {
            e = experiment();
        } catch (IllegalArgumentException ex) {
            problem(ex.getMessage());
            return;
        }
        running = e;
        run = runner().nextRun();
        note("");
        state.set(State.RUNNING);
        send(Mode.RUN);
    }

    public void pause() {
        if (state.get() == State.RUNNING) send(Mode.PAUSE);
    }

    public void stop() {
        if (state.get() == State.RUNNING || state.get() == State.PAUSED) send(Mode.STOP);
    }

    /** Forgets the run: charts empty, ready to run again (the same seed gives the same curves). */
    public void reset() {
        running = null;
        run = runner().nextRun();
        note("");
        latest.set(null);
        state.set(State.IDLE);
        runner().submit(new TrainingRunner.Order(run, null, null, Mode.RESET));
    }

    /** Keeps the current run on the charts, faded, under the next one. */
    public void pin() {
        if (latest.get() != null && latest.get().telemetry() != null) pinned.set(latest.get());
    }

    public void unpin() {
        pinned.set(null);
    }

    /** What the status line says of the pin: none, or how it is drawn, and whether it is the current run over again. */
    private void namePin() {
        Update p = pinned.get(), u = latest.get();
        if (p == null) {
            pinLabel.set("");
            return;
        }
        // the steps first: a run at another step is another run, and the charts' lines need not be compared
        boolean same = u != null && u.step() == p.step() && TelemetryLines.sameRun(u.telemetry(), p.telemetry());
        pinLabel.set("pinned run: faded, dashed" + (same ? PlotOverlays.SAME : ""));
    }

    private void send(Mode m) {
        long limit = stepLimit.get();
        runner().submit(new TrainingRunner.Order(run, running, new Trainer.Options(Trainer.Options.SPREAD, limit, 0), m));
    }


    /** The view took this long to chart the latest update: the engine spaces its updates by it. */
    public void charted(long nanos) {
        if (runner != null) runner.charted(nanos);
    }

    private TrainingRunner runner() {
        if (runner == null) runner = new TrainingRunner(this::receive);
        return runner;
    }

    /** The experiment the settings describe now; IllegalArgumentException names a bad value. */
    public Experiment experiment() {
        OptimizerSpec.Kind kind = optimizer.get();
        OptimizerSpec opt = new OptimizerSpec(kind, lr.get(), kind == OptimizerSpec.Kind.SGD ? 0 : momentum.get(), weightDecay.get(),
            beta1.get(), beta2.get(), eps.get());
        Path data = lab.dataFolderProperty().get();
        // the folder as the opened file spelled it while it is the same folder; else as AppFolders names it
        String folder = data == null ? null : folderText != null && org.initlab.AppFolders.data(folderText).equals(data) ? folderText
            : org.initlab.AppFolders.dataName(data);
        return new Experiment(name.get(), lab.modelSpec(), lab.initSpec(), new Experiment.Data(folder, trainSplit.get().id(), evalSplit.get().id()), opt,
            seed.get(), epochs.get(), batch.get());
    }

    /** Shows an experiment's settings (model and init go to the lab). */
    public void apply(Experiment e) {
        applying = true;
        try {
            lab.applyModel(e.model(), e.init());
            folderText = e.data().folder();
            lab.dataFolderProperty().set(org.initlab.AppFolders.data(folderText));
            trainSplit.set(e.data().trainSplit());
            evalSplit.set(e.data().evalSplit());
            name.set(e.name());
            OptimizerSpec o = e.optimizer();
            optimizer.set(o.kind());
            lr.set(o.lr());
            if (o.kind() != OptimizerSpec.Kind.SGD) momentum.set(o.momentum()); // sgd's 0 would make a later switch to momentum plain SGD
            weightDecay.set(o.weightDecay());
            beta1.set(o.beta1());
            beta2.set(o.beta2());
            eps.set(o.eps());
            epochs.set(e.epochs());
            batch.set(e.batch());
            seed.set(e.seed());
        } finally {
            applying = false;
        }
        changed();
    }

    /** Opens an experiment file; a bad file is reported (naming the field) and left as it is. */
    public boolean open(Path f) {
        try {
            apply(Experiment.load(f));
            file.set(f);
            note("opened " + f.getFileName());
            return true;
        } catch (IllegalArgumentException e) {
            problem(e.getMessage());
            return false;
        }
    }

    /** Saves atomically (temp file + rename). */
    public boolean save(Path f) {
        try {
            experiment().save(f);
            file.set(f);
            note("saved " + f.getFileName());
            return true;
        } catch (IOException | IllegalArgumentException e) {
            problem("could not save " + f.getFileName() + ": " + e.getMessage());
            return false;
        }
    }

    public void restore() {
        if (offered != null) apply(offered);
        offered = null;
        restoreOffered.set(false);
        note("restored the experiment from your last session");
    }

    public void dismissRestore() {
        offered = null;
        restoreOffered.set(false);
    }

    /** A quiet one-line note in the panel (saved, opened). */
    public void note(String text) {
        messageIsProblem.set(false);
        message.set(""); // the same note twice (saved, saved again) is news twice
        message.set(text);
    }

    private void problem(String text) {
        messageIsProblem.set(true);
        message.set(text);
    }

    /** Cheap on purpose (a slider storm calls it thousands of times a second): the first change starts the timer, later ones ride on it. */
    private void changed() {
        if (applying || autosave.getStatus() == javafx.animation.Animation.Status.RUNNING) return;
        autosave.playFromStart();
    }

    /**
     * Takes the current experiment now (the debounce calls this) and writes it to autosave.json on
     * the writer thread: the atomic save syncs the disk, which must not stall the FX thread.
     */
    public java.util.concurrent.Future<?> autosaveNow() {
        autosave.stop();
        Experiment exp;
        try {
            exp = experiment();
        } catch (IllegalArgumentException e) { // an impossible model is not an experiment yet; keep the last good one
            return lastWrite;
        }
        lastWrite = WRITER.submit(() -> {
            try {
                store.save(exp);
                if (autosaveFailing) {
                    autosaveFailing = false;
                    Platform.runLater(() -> note("autosave works again"));
                }
            } catch (IOException e) {
                AppLog.error("autosave failed", e);
                autosaveFailing = true;
                String m = "autosave failed (" + AppLog.oneLine(e) + "); the autosave in " + store.folder() + " is the one before";
                Platform.runLater(() -> problem(m));
            }
        });
        return lastWrite;
    }

    /** Clean exit: stops the engine, saves, removes the marker. */
    @Override
    public void close() {
        if (runner != null) runner.close();
        if (autosave.getStatus() == javafx.animation.Animation.Status.RUNNING) autosaveNow();
        try {
            lastWrite.get(); // the last autosave lands before the marker goes
        } catch (java.util.concurrent.ExecutionException | InterruptedException e) {
            AppLog.error("the last autosave did not finish", e);
        }
        store.end();
    }

    // ---- engine answers ----

    private void receive(Update u) {
        inbox.set(u);
        if (drainScheduled.compareAndSet(false, true)) Platform.runLater(this::drain);
    }

    private void drain() {
        drainScheduled.set(false);
        Update u = inbox.getAndSet(null);
        if (u == null || u.run() != run) return; // an answer to a run that was reset or replaced
        // the update first: a listener of the state (a run that finished) reads the numbers it ended with
        if (u.telemetry() != null || u.state() == State.IDLE) latest.set(u);
        state.set(u.state());
        if (u.message() != null) {
            if (u.state() == State.FAILED || u.message().startsWith("LSUV could not")) problem(u.message());
            else note(u.message());
        }
        if (u.state() == State.FAILED || u.state() == State.FINISHED || u.state() == State.STOPPED) running = null;
    }

    // ---- properties ----
    public StringProperty nameProperty() { return name; }
    public ObjectProperty<OptimizerSpec.Kind> optimizerProperty() { return optimizer; }
    public DoubleProperty lrProperty() { return lr; }
    public DoubleProperty momentumProperty() { return momentum; }
    public DoubleProperty weightDecayProperty() { return weightDecay; }
    public DoubleProperty beta1Property() { return beta1; }
    public DoubleProperty beta2Property() { return beta2; }
    public DoubleProperty epsProperty() { return eps; }
    public ObjectProperty<Mnist.Split> trainSplitProperty() { return trainSplit; }
    public ObjectProperty<Mnist.Split> evalSplitProperty() { return evalSplit; }
    public IntegerProperty epochsProperty() { return epochs; }
    public IntegerProperty batchProperty() { return batch; }
    public LongProperty seedProperty() { return seed; }
    public LongProperty stepLimitProperty() { return stepLimit; }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Update> latestProperty() { return latest.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Update> pinnedProperty() { return pinned.getReadOnlyProperty(); }
    /** The pin as the status line names it: "" when none, "… (same as current)" when it draws as the current run. */
    public ReadOnlyStringProperty pinLabelProperty() { return pinLabel.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty messageIsProblemProperty() { return messageIsProblem.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty restoreOfferedProperty() { return restoreOffered.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Path> fileProperty() { return file.getReadOnlyProperty(); }
    public Path sessionDir() { return store.folder(); }
}
