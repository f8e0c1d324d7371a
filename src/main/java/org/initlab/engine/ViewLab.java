package org.initlab.engine;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.initlab.AppLog;
import org.initlab.data.DataException;
import org.initlab.data.Mnist;
import org.initlab.nn.ModelSpec;
import org.initlab.nn.Sequential;
import org.initlab.nn.ShapeException;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The slower views' engine: histograms, the average over seeds, the {@code a} landscape. One daemon
 * thread of its own, beside the {@link Lab}, with its own model and batch, so the lab's answer to a
 * slider move never waits for these. Commands go into a latest-wins slot; a command that a newer one
 * has replaced stops between two seeds or two values of {@code a}, since nobody would see its answer.
 * Landscapes are cached per model, batch, scheme family and seed.
 */
public final class ViewLab implements AutoCloseable {
    /** What to compute for a config; {@code seeds} ≤ 1 means no average. */
    public record Request(LabConfig config, int seeds, boolean histograms, boolean landscape) {}

    /** Answers, on the view thread; each must return quickly. */
    public interface Listener {
        default void histograms(long id, LabConfig config, List<HistogramProbe.ModuleHistograms> modules) {}
        default void band(long id, LabConfig config, int seeds, SeedSweep.Result result) {}
        default void landscape(long id, LabConfig config, Landscape.Result result) {}
        default void problem(long id, String message) {}
    }

    /**
     * Fewest nanoseconds between two starts while commands come faster: the lab and the window keep the cores.
     */
    static final long STORM_GAP_NANOS = 200_000_000L;
    /**
     * How long a config must stay before an average over seeds or a new landscape starts: while the slider
     * moves, their answers would not fit what is charted, so the time is the lab's.
     */
    static final long QUIET_NANOS = 300_000_000L;
    /**
     * The same for the histograms: a forward and backward pass of their own would take a core from the lab's
     * next step while the slider moves (single moves charted 4× later with it, measured); they follow as soon
     * as the hand pauses this long.
     */
    static final long HISTOGRAM_QUIET_NANOS = 120_000_000L;
    private static final int CACHED_LANDSCAPES = 8;

    private record Command(long id, Request request) {}

    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong latest = new AtomicLong();
    private final Listener listener;
    private final LatestWins<Command> thread;
    private volatile boolean closed;

    // ---- owned by the view thread ----
    private Path dataPath;
    private Mnist data;
    private ModelSpec builtSpec;
    private Sequential model;
    private LabConfig batchKey;
    private Batch batch;
    private final Map<String, Landscape.Result> landscapes = new LinkedHashMap<>(16, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, Landscape.Result> e) {
            return size() > CACHED_LANDSCAPES;
        }
    };

    public ViewLab(Listener listener) {
        this(listener, true);
    }

    /** Unthreaded: {@link #compute} runs a request on the caller's thread. */
    private ViewLab(Listener listener, boolean threaded) {
        this.listener = listener;
        thread = threaded ? new LatestWins<>("initlab-views", this::apply, () -> LatestWins.IDLE_NANOS, () -> { }, STORM_GAP_NANOS) : null;
    }

    /** Replaces whatever request still waits, and stops the one running; returns the id its answers carry. */
    public long submit(Request r) {
        long id = ids.incrementAndGet();
        latest.set(id);
        thread.submit(new Command(id, r));
        return id;
    }

    @Override
    public void close() {
        closed = true;
        if (thread != null) thread.close();
    }

    /** What a landscape is cached under: model, batch, scheme family (any a), seed. */
    public static String landscapeKey(LabConfig c) {
        ModelSpec s = c.spec();
        return s.layers() + "|" + Arrays.toString(s.input()) + "|" + s.loss() + "|" + c.data() + "|" + c.split() + "|" + c.offset() + "|"
            + c.batchSize() + "|" + Landscape.family(c.init()).withA(0) + "|" + c.seed();
    }

    private void apply(Command c) {
        BooleanSupplier cancelled = () -> closed || latest.get() != c.id();
        Request r = c.request();
        LabConfig cfg = r.config();
        try {
            try {
                cfg.spec().shapes();
            } catch (ShapeException e) {
                return; // the lab says what is wrong with the model
            }
            if (!prepare(cfg)) return;
            if (r.histograms() && quiet(cancelled, HISTOGRAM_QUIET_NANOS))
                listener.histograms(c.id(), cfg, HistogramProbe.run(model, cfg.init(), cfg.seed(), batch));
            if (r.seeds() > 1 && quiet(cancelled, QUIET_NANOS)) {
                SeedSweep.Result band = SeedSweep.run(model, cfg.init(), batch, cfg.seed(), r.seeds(), cancelled);
                if (band != null) listener.band(c.id(), cfg, r.seeds(), band);
            }
            if (r.landscape() && !cancelled.getAsBoolean()) {
                String key = landscapeKey(cfg);
                Landscape.Result l = landscapes.get(key);
                if (l == null && quiet(cancelled, QUIET_NANOS)) l = Landscape.run(model, cfg.init(), cfg.seed(), batch, cancelled);
                if (l != null) {
                    landscapes.put(key, l);
                    listener.landscape(c.id(), cfg, l);
                }
            }
        } catch (IllegalArgumentException e) {
            listener.problem(c.id(), e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            listener.problem(c.id(), "the views failed: " + AppLog.oneLine(e));
        }
    }

    /** Waits this long unless this is a computation for {@link #compute}; false if a newer request came meanwhile. */
    private boolean quiet(BooleanSupplier cancelled, long nanos) {
        if (thread == null) return true;
        long end = System.nanoTime() + nanos;
        for (long left; (left = end - System.nanoTime()) > 0; ) {
            if (cancelled.getAsBoolean()) return false;
            java.util.concurrent.locks.LockSupport.parkNanos(Math.min(left, 20_000_000L));
        }
        return !cancelled.getAsBoolean();
    }

    /** Data, batch and model for this config; false (and the problem told) if the data cannot be read. */
    private boolean prepare(LabConfig cfg) {
        if (!cfg.data().equals(dataPath)) {
            dataPath = cfg.data();
            data = null;
            batchKey = null;
            try {
                data = Mnist.load(dataPath);
            } catch (DataException e) {
                return false; // the lab reports it
            }
        }
        if (data == null) return false;
        int count = data.part(cfg.split()).count();
        int offset = cfg.offset() + cfg.batchSize() > count ? 0 : cfg.offset(); // as the lab wraps
        if (batchKey == null || batchKey.split() != cfg.split() || batchKey.offset() != offset || batchKey.batchSize() != cfg.batchSize()) {
            batch = Batch.of(data, cfg.split(), offset, cfg.batchSize(), DataType.FLOAT);
            batchKey = cfg.withOffset(offset);
        }
        ModelSpec spec = cfg.spec();
        if (builtSpec == null || !spec.layers().equals(builtSpec.layers()) || !Arrays.equals(spec.input(), builtSpec.input())
            || !spec.loss().equals(builtSpec.loss())) {
            MemoryEstimate.check(spec, cfg.batchSize()); // the lab says so too; headless plot has only this
            if (model != null) model.release();
            model = spec.build(DataType.FLOAT);
            builtSpec = spec;
        }
        return true;
    }

    /** Computes a request on the calling thread and returns its answers (headless {@code plot}). */
    public static Answers compute(Request r) {
        Answers a = new Answers();
        ViewLab v = new ViewLab(a, false);
        v.apply(new Command(0, r));
        if (v.model != null) v.model.release();
        if (a.problem != null) throw new IllegalArgumentException(a.problem);
        return a;
    }

    /** The answers of {@link #compute}. */
    public static final class Answers implements Listener {
        public List<HistogramProbe.ModuleHistograms> histograms;
        public SeedSweep.Result band;
        public Landscape.Result landscape;
        String problem;

        @Override public void histograms(long id, LabConfig config, List<HistogramProbe.ModuleHistograms> m) { histograms = m; }
        @Override public void band(long id, LabConfig config, int seeds, SeedSweep.Result r) { band = r; }
        @Override public void landscape(long id, LabConfig config, Landscape.Result r) { landscape = r; }
        @Override public void problem(long id, String message) { problem = message; }
    }
}
