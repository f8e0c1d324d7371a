package org.initlab.ui;

import java.io.IOException;
import java.nio.file.Files;
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
import javafx.util.Duration;
import org.initlab.AppLog;
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
 * thread, latest wins, never waited for. The experiment is autosaved (debounced) to
 * {@code autosave.json} in the session folder; a {@code session.lock} marker there, removed by
 * {@link #close()}, tells the next start that the last session did not exit cleanly, and the
 * autosave is then offered back ({@link #restoreOfferedProperty()}).
 */
public final class TrainingViewModel implements AutoCloseable {
    static final String AUTOSAVE = "autosave.json", MARKER = "session.lock";

    private final LabViewModel lab;
    private final Path sessionDir;
    private final ObjectProperty<OptimizerSpec.Kind> optimizer = new SimpleObjectProperty<>(OptimizerSpec.Kind.ADAM);
    private final DoubleProperty lr = new SimpleDoubleProperty(1e-3);
    private final IntegerProperty epochs = new SimpleIntegerProperty(1);
    private final IntegerProperty batch = new SimpleIntegerProperty(64);
    private final LongProperty seed = new SimpleLongProperty(0);
    /** Test and demo hook: stop after this many steps (0: the whole run). */
    private final LongProperty stepLimit = new SimpleLongProperty(0);

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyObjectWrapper<Update> latest = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Update> pinned = new ReadOnlyObjectWrapper<>();
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
    private final AtomicReference<Update> inbox = new AtomicReference<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    /** Must be made on the FX thread. @param sessionDir where autosave.json and the marker live (normally {@link org.initlab.AppFolders#user()}) */
    public TrainingViewModel(LabViewModel lab, Path sessionDir) {
        this.lab = lab;
        this.sessionDir = sessionDir;
        seed.set(lab.seedProperty().get());
        checkLastSession();
        autosave.setOnFinished(e -> autosaveNow());
        for (var p : List.of(optimizer, lr, epochs, batch, seed)) p.addListener(o -> changed());
        for (var p : List.of(lab.schemeProperty(), lab.aProperty(), lab.modeProperty(), lab.biasProperty(), lab.nonlinearityProperty(), lab.stdProperty(),
            lab.boundProperty(), lab.modelNameProperty(), lab.dataFolderProperty()))
            p.addListener(o -> changed());
        lab.layers().addListener((javafx.collections.ListChangeListener<Object>) c -> changed());
    }

    public TrainingViewModel(LabViewModel lab) {
        this(lab, org.initlab.AppFolders.user());
    }

    private void checkLastSession() {
        Path marker = sessionDir.resolve(MARKER), auto = sessionDir.resolve(AUTOSAVE);
        try {
            if (Files.exists(marker) && Files.isRegularFile(auto)) {
                try {
                    offered = Experiment.load(auto);
                    restoreOffered.set(true);
                } catch (IllegalArgumentException e) {
                    AppLog.error("the autosave of the last session cannot be read", e);
                }
            }
            Files.createDirectories(sessionDir);
            Files.writeString(marker, ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            AppLog.error("cannot write the session marker", e);
        }
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

    private void send(Mode m) {
        long limit = stepLimit.get();
        runner().submit(new TrainingRunner.Order(run, running, new Trainer.Options(every(running, limit), limit, 0), m));
    }

    /** Module statistics every step up to 2000 steps (the telemetry's ring), then spread over the run. */
    private static int every(Experiment e, long limit) {
        long steps = (long) e.epochs() * (60_000 / e.batch());
        if (limit > 0) steps = Math.min(steps, limit);
        return (int) Math.max(1, (steps + 1999) / 2000);
    }

    private TrainingRunner runner() {
        if (runner == null) runner = new TrainingRunner(this::receive);
        return runner;
    }

    /** The experiment the settings describe now; IllegalArgumentException names a bad value. */
    public Experiment experiment() {
        OptimizerSpec opt = OptimizerSpec.of(optimizer.get(), lr.get(), 0);
        Path data = lab.dataFolderProperty().get();
        return new Experiment(null, lab.modelSpec(), lab.initSpec(), Experiment.Data.of(org.initlab.AppFolders.dataName(data)), opt,
            seed.get(), epochs.get(), batch.get());
    }

    /** Shows an experiment's settings (model and init go to the lab). */
    public void apply(Experiment e) {
        applying = true;
        try {
            lab.applyModel(e.model(), e.init());
            if (e.data() != null) lab.dataFolderProperty().set(org.initlab.AppFolders.data(e.data().folder()));
            optimizer.set(e.optimizer().kind());
            lr.set(e.optimizer().lr());
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
    public void autosaveNow() {
        autosave.stop();
        Experiment exp;
        try {
            exp = experiment();
        } catch (IllegalArgumentException e) { // an impossible model is not an experiment yet; keep the last good one
            return;
        }
        Path file = sessionDir.resolve(AUTOSAVE);
        lastWrite = WRITER.submit(() -> {
            try {
                exp.save(file);
            } catch (IOException e) {
                AppLog.error("autosave failed", e);
            }
        });
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
        try {
            Files.deleteIfExists(sessionDir.resolve(MARKER));
        } catch (IOException e) {
            AppLog.error("cannot remove the session marker", e);
        }
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
        state.set(u.state());
        if (u.telemetry() != null || u.state() == State.IDLE) latest.set(u);
        if (u.message() != null) problem(u.message());
        if (u.state() == State.FAILED || u.state() == State.FINISHED || u.state() == State.STOPPED) running = null;
    }

    // ---- properties ----
    public ObjectProperty<OptimizerSpec.Kind> optimizerProperty() { return optimizer; }
    public DoubleProperty lrProperty() { return lr; }
    public IntegerProperty epochsProperty() { return epochs; }
    public IntegerProperty batchProperty() { return batch; }
    public LongProperty seedProperty() { return seed; }
    public LongProperty stepLimitProperty() { return stepLimit; }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Update> latestProperty() { return latest.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Update> pinnedProperty() { return pinned.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty messageIsProblemProperty() { return messageIsProblem.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty restoreOfferedProperty() { return restoreOffered.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Path> fileProperty() { return file.getReadOnlyProperty(); }
    public Path sessionDir() { return sessionDir; }
}
