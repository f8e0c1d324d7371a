package org.initlab.engine;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.initlab.AppLog;
import org.initlab.data.DataException;
import org.initlab.data.Mnist;
import org.initlab.stats.Telemetry;
import org.initlab.train.DivergenceException;
import org.initlab.train.Experiment;
import org.initlab.train.Trainer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training panel's engine: one daemon thread that owns the {@link Trainer} and every ND4J array
 * of the run (none shared with the {@link Lab}'s thread).
 *
 * <p>Call order: {@link #TrainingRunner(Consumer)} → {@link #submit} any number of times, from any
 * thread → {@link #close}. An {@link Order} is the whole wish (which run, in which mode); a newer
 * order replaces one still waiting (latest wins), and orders are read between steps, so pause and
 * stop take effect after at most one step. While running, an immutable {@link Update} goes to the
 * listener at most every {@link #publishNanos} and at every change of state; the listener runs on
 * the engine thread and must return quickly.
 */
public final class TrainingRunner implements AutoCloseable {
    /** Shortest time between two updates while running (-Dinitlab.train.publishMs, default 150). */
    static final long PUBLISH_NANOS = Long.getLong("initlab.train.publishMs", 150) * 1_000_000L;
    /** The time between updates is at least this many times the window's last charting time: drawing competes with training for the CPU. */
    static final long CHART_SHARE = 20;
    /** ... and at most this long, so one slow chart (a cold start, a collection) does not stall the next update. */
    static final long MAX_PUBLISH_NANOS = 2_000_000_000L;
    /** Module records per update: a chart shows a few hundred points, and the rest would only be copied. */
    static final int CHART_RECORDS = 1000;

    public enum State { IDLE, RUNNING, PAUSED, STOPPED, FINISHED, FAILED }

    public enum Mode { RUN, PAUSE, STOP, RESET }

    /** @param run a new id starts a fresh run (weights from the seed); the same id resumes, pauses or stops it */
    public record Order(long run, Experiment experiment, Trainer.Options options, Mode mode) {
        public Order {
            if (mode == null) throw new IllegalArgumentException("mode is missing");
            if (mode != Mode.RESET && (experiment == null || options == null)) throw new IllegalArgumentException("a run needs an experiment and options");
        }
    }

    /**
     * What the engine did: plain data. {@code telemetry} is null after a reset or before the first
     * step; {@code message} is one sentence: for a failure (divergence names step and module), or, as a
     * run starts, what LSUV did per layer.
     */
    public record Update(long run, State state, long step, long totalSteps, double stepsPerSecond, Telemetry.Snapshot telemetry,
                         Double testAccuracy, String message) {}

    private final AtomicLong runs = new AtomicLong();
    private final Consumer<Update> listener;
    private final LatestWins<Order> thread;

    // ---- owned by the engine thread only ----
    private Path dataPath;
    private Mnist data;
    private Trainer trainer;
    private String startNote;
    private long run = -1;
    private Mode mode = Mode.RESET;
    private long lastPublish, rateSteps, rateNanos;
    private volatile long chartNanos; // the window's recent charting time, from the FX thread
    private double stepsPerSecond = Double.NaN;

    public TrainingRunner(Consumer<Update> listener) {
        this.listener = listener;
        thread = new LatestWins<>("initlab-training", this::apply, this::between, this::drop, 0);
    }

    /** A fresh run id for {@link Order#run()}. */
    public long nextRun() {
        return runs.incrementAndGet();
    }

    /**
     * How long the window took to chart an update; later updates come rarer when charting costs more
     * ({@link #CHART_SHARE}). Averaged over the last few (weights 3:1), so one slow redraw, a collection
     * or a pinned run drawn once more, does not halve the rate of the updates after it. Called from one thread.
     */
    public void charted(long nanos) {
        long before = chartNanos;
        chartNanos = before == 0 ? nanos : (3 * before + nanos) / 4;
    }

    /** The least time between two updates while running. */
    long publishNanos() {
        return Math.max(PUBLISH_NANOS, Math.min(MAX_PUBLISH_NANOS, CHART_SHARE * chartNanos));
    }

    public void submit(Order o) {
        thread.submit(o);
    }

    @Override
    public void close() {
        thread.close();
    }

    /** One training step while running; returns how long to sleep first. */
    private long between() {
        if (trainer == null || mode != Mode.RUN) return LatestWins.IDLE_NANOS;
        step();
        return 0;
    }

    private void apply(Order o) {
        if (o.mode() == Mode.RESET) {
            drop();
            run = o.run();
            mode = Mode.RESET;
            publish(State.IDLE, null, null);
            return;
        }
        if (o.run() != run) { // a fresh run
            drop();
            run = o.run();
            try {
                Path folder = org.initlab.AppFolders.data(o.experiment().data().folder());
                if (data == null || !folder.equals(dataPath)) {
                    data = null;
                    dataPath = folder;
                    data = Mnist.load(folder);
                }
                trainer = new Trainer(o.experiment(), data, o.options());
                trainer.initialize();
                startNote = trainer.lsuv() == null ? null : trainer.lsuv().summary();
            } catch (DataException | IllegalArgumentException e) {
                fail(e.getMessage());
                return;
            } catch (RuntimeException | OutOfMemoryError e) {
                fail("training could not start: " + AppLog.oneLine(e));
                return;
            }
            rateSteps = 0;
            rateNanos = System.nanoTime();
            stepsPerSecond = Double.NaN;
        }
        if (trainer == null) return; // that run already ended (finished, failed or stopped)
        mode = o.mode();
        switch (mode) {
            case PAUSE -> publish(State.PAUSED, snapshot(), null);
            case STOP -> {
                publish(State.STOPPED, snapshot(), null);
                drop();
            }
            case RUN -> {
                rateSteps = 0;
                rateNanos = System.nanoTime();
                publish(State.RUNNING, snapshot(), startNote); // what LSUV did, once, as the run starts
                startNote = null;
            }
            default -> { }
        }
    }

    private void step() {
        try {
            trainer.advance(null);
            rateSteps++;
        } catch (DivergenceException e) {
            Telemetry.Snapshot t = snapshot();
            drop();
            publish(State.FAILED, t, e.getMessage());
            return;
        } catch (RuntimeException | OutOfMemoryError e) {
            Telemetry.Snapshot t = snapshot();
            drop();
            publish(State.FAILED, t, "training failed: " + AppLog.oneLine(e));
            return;
        }
        long now = System.nanoTime();
        if (now - rateNanos > 0 && rateSteps > 0) stepsPerSecond = rateSteps / ((now - rateNanos) / 1e9);
        if (trainer.done()) {
            Telemetry.Snapshot t = snapshot();
            Trainer done = trainer;
            publish(State.FINISHED, t, null, done);
            drop();
        } else if (now - lastPublish >= publishNanos()) {
            publish(State.RUNNING, snapshot(), null);
        }
    }

    private Telemetry.Snapshot snapshot() {
        return trainer.telemetry().snapshot(CHART_RECORDS);
    }

    private void fail(String message) {
        drop();
        publish(State.FAILED, null, message);
    }

    /** Forgets the run and frees its workspaces (this thread has no others). */
    private void drop() {
        if (trainer == null) return;
        trainer.model().release();
        trainer = null;
        try {
            Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
        } catch (RuntimeException ignored) {
            // nothing to free
        }
    }

    private void publish(State s, Telemetry.Snapshot t, String message) {
        publish(s, t, message, trainer);
    }

    private void publish(State s, Telemetry.Snapshot t, String message, Trainer tr) {
        lastPublish = System.nanoTime();
        Update u = new Update(run, s, tr == null ? (t == null || t.lossSteps().length == 0 ? 0 : t.lossSteps()[t.lossSteps().length - 1]) : tr.step(),
            tr == null ? 0 : tr.totalSteps(), stepsPerSecond, t, tr == null ? null : tr.lastAccuracy(), message);
        try {
            listener.accept(u);
        } catch (RuntimeException e) {
            System.err.println("initlab: training listener failed: " + AppLog.oneLine(e));
        }
    }
}
