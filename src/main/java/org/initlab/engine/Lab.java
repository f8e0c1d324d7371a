package org.initlab.engine;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.initlab.AppLog;
import org.initlab.data.DataException;
import org.initlab.data.Mnist;
import org.initlab.init.InitSpec;
import org.initlab.init.Initializer;
import org.initlab.init.Scheme;
import org.initlab.init.Theory;
import org.initlab.nn.ModelSpec;
import org.initlab.nn.OneDnn;
import org.initlab.nn.Sequential;
import org.initlab.nn.ShapeException;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The lab's engine: one daemon thread that owns every ND4J array (data batch, model, workspace).
 *
 * <p>Call order: {@link #Lab(Consumer)} → {@link #submit} any number of times, from any thread →
 * {@link #close}. Commands go into a single {@link LatestWins} slot, so a burst of slider moves costs
 * one update, not a queue. Each update (or failure) is handed to the listener, on the engine thread, as
 * an immutable {@link LabSnapshot}; the listener must return quickly and never block on the UI.
 * While the config says {@code running}, the thread keeps stepping over successive batches.
 */
public final class Lab implements AutoCloseable {
    /**
     * Shortest time between two updates while running, or while commands come faster than the updates
     * (a slider storm), so a 2-core machine keeps a core for the UI: the window charts at most 30 answers a second.
     */
    static final long RUN_PERIOD_NANOS = 33_000_000L;
    /** How long the lab must have been idle before a warm-up step, so the window's first frames go first. */
    static final long WARMUP_AFTER_IDLE_NANOS = 300_000_000L;

    private record Command(long id, long submittedNanos, LabConfig config) {}

    private final AtomicLong ids = new AtomicLong();
    private final Consumer<LabSnapshot> listener;
    private final LatestWins<Command> thread;

    // ---- owned by the engine thread only ----
    private Path dataPath;
    private Mnist data;
    private DataException dataError;
    private ModelSpec builtSpec;
    private Sequential model;
    private InitSpec initDone;
    private long seedDone;
    /** What the last init and theory did that the charts do not show (engine thread only). */
    private String initNote, theoryNote;
    private LabConfig batchKey;
    private Batch batch;
    private double inputSecondMoment;
    private final Stepper stepper = new Stepper();
    private Command running;
    private long lastStepNanos;
    private String backend;
    private final java.util.concurrent.atomic.AtomicInteger warmupLeft = new java.util.concurrent.atomic.AtomicInteger(); // set from the FX thread too
    /** The last update answered with statistics, so model and batch are fit to warm up on; and when it ended. */
    private boolean warmable;
    private Command answered;
    private long answeredNanos;
    private boolean warming;
    private boolean kernelsAsked;

    public Lab(Consumer<LabSnapshot> listener) {
        this.listener = listener;
        OneDnn.loadLater(); // the first answer takes ND4J's ops; oneDNN loads once it is out (see fastKernels)
        this.thread = new LatestWins<>("initlab-engine", c -> {
            running = null;
            update(c);
        }, this::between, () -> { }, RUN_PERIOD_NANOS);
    }

    /** Replaces whatever command is still waiting; returns the id the answering snapshot will carry. */
    public long submit(LabConfig config) {
        long id = ids.incrementAndGet();
        thread.submit(new Command(id, System.nanoTime(), config));
        return id;
    }

    @Override
    public void close() {
        thread.close();
    }

    /**
     * Asks for {@code steps} untimed slider-like steps (re-init with another {@code a}, forward, backward,
     * statistics) while the engine is idle: the JIT then compiles the hot paths in the seconds the user
     * spends looking at the first charts, not during their first drag. Any command goes first; a warm-up
     * step never publishes and leaves no trace (the next command re-initializes).
     */
    public void warmUp(int steps) {
        warmupLeft.set(steps);
    }

    /** Warm-up steps still to run. */
    public int warmupLeft() {
        return warmupLeft.get();
    }

    /** While running: the next batch once the period is up. Returns how long to sleep first. */
    private long between() {
        if (running == null) return warmupLeft.get() > 0 ? warmUp() : LatestWins.IDLE_NANOS;
        long wait = lastStepNanos + RUN_PERIOD_NANOS - System.nanoTime();
        if (wait > 0) return wait;
        LabConfig cfg = running.config();
        Command next = new Command(running.id(), System.nanoTime(), cfg.withOffset(nextOffset(cfg)));
        running = null;
        update(next);
        return 0;
    }

    /**
     * After the first answer: oneDNN's kernels, loaded here on the engine thread (about 0.3 s, once per
     * process). Not before: the window's first charts would wait for them.
     */
    private void fastKernels() {
        if (kernelsAsked || answeredNanos == 0) return;
        kernelsAsked = true;
        trace(OneDnn.available() ? "oneDNN loaded" : "oneDNN not available");
    }

    /**
     * One warm-up step once idle long enough after a valid answer; returns how long to sleep first. It is
     * the last answer's command with another {@code a}, through {@link #update} itself but answered to
     * nobody, so the first drag runs nothing for the first time: the JIT has compiled it, and the JVM has
     * linked what it links at first use (a record's {@code equals}, bootstrapped the first time a command
     * compares its init with the last one, took the engine tens of milliseconds at the start of a drag).
     */
    private long warmUp() {
        if (!warmable) return LatestWins.IDLE_NANOS; // woken by the next command
        long wait = answeredNanos + WARMUP_AFTER_IDLE_NANOS - System.nanoTime();
        if (wait > 0) return wait;
        fastKernels();
        int left = warmupLeft.getAndUpdate(v -> Math.max(0, v - 1)); // a stop from the window may come in between
        if (left <= 0) return LatestWins.IDLE_NANOS;
        double a = 3.0 * (left % 31) / 30;
        LabConfig cfg = answered.config().withInit(InitSpec.kaiming(Scheme.KAIMING_UNIFORM, a)).withRunning(false);
        warming = true;
        try {
            update(new Command(answered.id(), System.nanoTime(), cfg));
        } finally {
            warming = false;
        }
        if (!warmable) warmupLeft.set(0); // not worth a message: the real commands will say what is wrong
        return 0;
    }

    private int nextOffset(LabConfig cfg) {
        int count = data == null ? 0 : data.part(cfg.split()).count();
        int next = cfg.offset() + cfg.batchSize();
        return next + cfg.batchSize() > count ? 0 : next;
    }

    private static final boolean TRACE = System.getenv("INITLAB_TRACE") != null;

    private static void trace(String what) {
        if (TRACE) System.err.printf("initlab-trace %.3f s %s%n", java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0, what);
    }

    private void update(Command c) {
        LabConfig cfg = c.config();
        trace("update " + c.id());
        lastStepNanos = System.nanoTime();
        warmable = false;
        try {
            ModelSpec spec = cfg.spec();
            try {
                spec.shapes();
            } catch (ShapeException e) {
                publish(c, null, null, new LabSnapshot.Problem(LabSnapshot.Kind.SHAPE, e.getMessage(), e.layerIndex()));
                return;
            }
            try {
                MemoryEstimate.check(spec, cfg.batchSize()); // a model past the machine's memory would take the whole window down in native code
            } catch (IllegalArgumentException e) {
                publish(c, null, null, new LabSnapshot.Problem(LabSnapshot.Kind.SHAPE, e.getMessage(), -1));
                return;
            }
            Path folder = cfg.data();
            // new data is read (plain Java, no ND4J) on a helper thread while this thread builds the model
            java.util.concurrent.CompletableFuture<Boolean> loaded = cfg.data().equals(dataPath)
                ? java.util.concurrent.CompletableFuture.completedFuture(data != null)
                : java.util.concurrent.CompletableFuture.supplyAsync(() -> loadData(folder), Lab::readerThread);
            if (!sameModel(spec, builtSpec)) {
                if (model != null) model.release();
                model = spec.build(DataType.FLOAT);
                builtSpec = spec;
                initDone = null;
            }
            if (!loaded.join()) {
                publish(c, null, null, new LabSnapshot.Problem(LabSnapshot.Kind.DATA, dataError.getMessage(), -1));
                return;
            }
            int count = data.part(cfg.split()).count();
            if (cfg.offset() + cfg.batchSize() > count && cfg.batchSize() <= count) { // past the end: wrap to the first images
                cfg = cfg.withOffset(0);
                c = new Command(c.id(), c.submittedNanos(), cfg);
            }
            if (batchKey == null || batchKey.split() != cfg.split() || batchKey.offset() != cfg.offset()
                || batchKey.batchSize() != cfg.batchSize() || !batchKey.data().equals(cfg.data())) {
                try {
                    batch = Batch.of(data, cfg.split(), cfg.offset(), cfg.batchSize(), DataType.FLOAT);
                } catch (IllegalArgumentException e) {
                    batchKey = null;
                    publish(c, null, null, new LabSnapshot.Problem(LabSnapshot.Kind.DATA, e.getMessage(), -1));
                    return;
                }
                batchKey = cfg;
                var s = org.initlab.stats.TensorStats.of(batch.x());
                inputSecondMoment = s.mean() * s.mean() + s.std() * s.std();
            }
            if (initDone == null || !initDone.equals(cfg.init()) || seedDone != cfg.seed()) {
                var lsuv = Initializer.init(model, cfg.init(), cfg.seed(), batch.x());
                initNote = lsuv == null ? null : lsuv.summary();
                initDone = cfg.init();
                seedDone = cfg.seed();
            }
            fastKernels();
            trace("ready to step");
            StepResult r;
            try {
                r = stepper.step(model, batch, spec.lossFunction(), false); // weight stats are not charted
            } catch (IllegalArgumentException e) { // the loss cannot take this output (e.g. MSE after Linear(10))
                int last = spec.layers().size() - 1;
                publish(c, null, null, new LabSnapshot.Problem(LabSnapshot.Kind.SHAPE, "layer " + last + ": " + e.getMessage(), last));
                return;
            }
            trace("stepped");
            double[] theory = theory(spec, cfg.init(), r);
            LabSnapshot.Problem p = nonFinite(r);
            publish(c, r, theory, p);
            warmable = p == null;
            if (warming) return;
            if (p == null && cfg.running()) running = c;
            answered = c;
            answeredNanos = System.nanoTime();
        } catch (RuntimeException | OutOfMemoryError e) {
            publish(c, null, null, new LabSnapshot.Problem(LabSnapshot.Kind.INTERNAL, "the engine failed: " + AppLog.oneLine(e), -1));
        }
    }

    private static void readerThread(Runnable r) {
        Thread t = new Thread(r, "initlab-data-reader");
        t.setDaemon(true);
        t.start();
    }

    /** Reads the IDX files; runs on the reader thread while the engine thread waits in join(), so the fields are handed over safely. */
    private boolean loadData(Path folder) {
        if (folder.equals(dataPath)) return data != null;
        dataPath = folder;
        data = null;
        batchKey = null;
        try {
            trace("loading data");
            data = Mnist.load(folder);
            trace("data loaded");
            dataError = null;
            return true;
        } catch (DataException e) {
            dataError = e;
            return false;
        } catch (RuntimeException | OutOfMemoryError e) {
            dataError = new DataException(folder, "cannot be read (" + AppLog.oneLine(e) + ")");
            return false;
        }
    }

    private double[] theory(ModelSpec spec, InitSpec init, StepResult r) {
        List<ModuleStats> m = r.modules();
        double[] measured = new double[m.size()];
        for (int i = 0; i < measured.length; i++) {
            var a = m.get(i).act();
            measured[i] = a.mean() * a.mean() + a.std() * a.std();
        }
        try {
            theoryNote = null;
            return Theory.std(spec, init, inputSecondMoment, measured);
        } catch (RuntimeException e) {
            AppLog.error("the theoretical std could not be computed for " + spec.name() + " with " + init, e);
            theoryNote = "no theory line: " + AppLog.oneLine(e) + " (the measured stds are charted)";
            double[] nan = new double[measured.length];
            Arrays.fill(nan, Double.NaN);
            return nan;
        }
    }

    /** The first module whose output (forward order) or gradient (backward order) is not finite. */
    private static LabSnapshot.Problem nonFinite(StepResult r) {
        String where = r.firstNonFinite();
        if (where == null) return null;
        int layer = -1;
        for (ModuleStats m : r.modules()) if (m.act().nonFinite()) { layer = m.index(); break; }
        if (layer < 0)
            for (int i = r.modules().size() - 1; i >= 0 && layer < 0; i--) {
                ModuleStats m = r.modules().get(i);
                if (m.grad().nonFinite() || (m.weightGrad() != null && m.weightGrad().nonFinite())) layer = i;
            }
        return new LabSnapshot.Problem(LabSnapshot.Kind.NON_FINITE, where + "; stopped", layer);
    }

    private static boolean sameModel(ModelSpec a, ModelSpec b) {
        return b != null && a.layers().equals(b.layers()) && Arrays.equals(a.input(), b.input()) && a.loss().equals(b.loss());
    }

    private void publish(Command c, StepResult r, double[] theory, LabSnapshot.Problem p) {
        if (warming) return;
        String name = data == null ? String.valueOf(dataPath) : describe(data);
        if (backend == null) backend = Backend.describe();
        trace("publish");
        String note = r == null ? null : theoryNote == null ? initNote : initNote == null ? theoryNote : initNote + "; " + theoryNote;
        LabSnapshot s = new LabSnapshot(c.id(), c.submittedNanos(), System.nanoTime(), c.config(), name, backend, r, theory, p, note);
        try {
            listener.accept(s);
        } catch (RuntimeException e) {
            System.err.println("initlab: snapshot listener failed: " + AppLog.oneLine(e));
        }
    }

    private static String describe(Mnist d) {
        Path f = d.folder().toAbsolutePath().normalize().getFileName();
        return (f == null ? d.folder().toString() : f.toString()) + " (" + d.part(Mnist.Split.TRAIN).count() + " train / "
            + d.part(Mnist.Split.TEST).count() + " test" + (d.verified() ? ", checksummed" : "") + ")";
    }
}
