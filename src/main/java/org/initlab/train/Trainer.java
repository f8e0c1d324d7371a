package org.initlab.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.FutureTask;
import org.initlab.data.Mnist;
import org.initlab.engine.Batch;
import org.initlab.engine.MemoryEstimate;
import org.initlab.engine.StatsThread;
import org.initlab.engine.Step;
import org.initlab.init.Initializer;
import org.initlab.init.Lsuv;
import org.initlab.nn.BatchNorm2d;
import org.initlab.nn.Floats;
import org.initlab.nn.Layer;
import org.initlab.nn.Loss;
import org.initlab.nn.Param;
import org.initlab.nn.Sequential;
import org.initlab.stats.Moments;
import org.initlab.stats.Telemetry;
import org.initlab.stats.UpdateRatio;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains an {@link Experiment} on its data: each epoch visits the training split in a seeded
 * shuffle (the same seed gives the same weights, the same batches, hence the same loss curve, on
 * the same thread count), in full batches (a last partial batch is dropped). Every step is the lab's
 * {@link Step} ({@code zeroGrad → forward → loss → backward}), watched by a listener that takes the
 * statistics and ends with {@code Optimizer.step}. Every module's output and output-gradient (and weight gradient) is checked
 * each step for NaN/Inf and for a variance beyond float32 ({@link Moments#overflows()});
 * {@link DivergenceException} names the first, in forward order, then the loss, then backward (the weights hold that
 * step's update where the loss and the parameter gradients were finite); telemetry records them every
 * {@code every} steps, with each weight's update-to-data ratio ({@link UpdateRatio}). The test split is evaluated after each epoch (and when {@code limit} stops
 * a run early); accuracy only for cross-entropy models. Not thread-safe: one thread runs it.
 */
public final class Trainer {
    /**
     * @param every telemetry interval in steps; {@link #SPREAD} (0): spread the run's steps over the telemetry's records
     * @param limit stop after this many steps (0: none); @param evalImages 0: the whole split
     * @param statsThread take the statistics on {@link StatsThread} where there is one, else on the training thread
     */
    public record Options(int every, long limit, int evalImages, boolean statsThread) {
        public static final int SPREAD = 0;

        public Options {
            if (every < 0) throw new IllegalArgumentException("every must be > 0, or 0 to spread over the run (got " + every + ")");
            if (limit < 0) throw new IllegalArgumentException("limit must be ≥ 0 (got " + limit + ")");
            if (evalImages < 0) throw new IllegalArgumentException("evalImages must be ≥ 0 (got " + evalImages + ")");
        }

        public Options(int every, long limit, int evalImages) {
            this(every, limit, evalImages, true);
        }

        public static Options defaults() {
            return new Options(1, 0, 0);
        }
    }

    /** Progress for a UI or a progress bar; called on the training thread. */
    public interface Listener {
        void step(long step, long totalSteps, int epoch, double loss);

        default void evaluated(long step, double accuracy) {}
    }

    /** @param testAccuracy the last evaluation's accuracy, null when the loss is not cross-entropy */
    public record Result(Double testAccuracy, long steps, double seconds, Telemetry.Snapshot telemetry) {}

    static final int EVAL_BATCH = 500;

    private final Experiment exp;
    private final Options opts;
    private final int every;
    private Lsuv.Report lsuv;
    private final Mnist data;
    private final Sequential model;
    private final Loss loss;
    private final List<Param> params = new ArrayList<>();
    private final Optimizer optimizer;
    private final Telemetry telemetry;
    private final Moments[] act, grad;
    private final Moments check = new Moments(null);
    private final UpdateRatio updates;
    private final double[] ratios;
    private final BatchSource train;
    private BatchSource eval; // made at the first evaluation and kept: each epoch's would reach the old generation
    private final SplittableRandom shuffle;
    private final String evalWs = "initlab-eval-" + System.identityHashCode(this);
    private final Step stepper = new Step();
    private final Watch watch;
    private long step;
    private int epoch = 1, batchInEpoch;
    private int[] order; // this epoch's shuffle; null until initialized
    private Double lastAccuracy;

    public Trainer(Experiment exp, Mnist data, Options opts) {
        this.exp = exp;
        this.opts = opts;
        this.data = data;
        MemoryEstimate.check(exp.model(), exp.batch()); // past the machine's memory, native code would crash the process
        this.model = exp.model().build(DataType.FLOAT);
        this.loss = exp.model().lossFunction();
        for (Layer l : model.layers()) params.addAll(l.params());
        this.optimizer = exp.optimizer().build();
        List<String> types = model.layers().stream().map(Layer::type).toList();
        INDArray[] weights = new INDArray[types.size()];
        List<Integer> weighted = new ArrayList<>();
        for (int i = 0; i < weights.length; i++)
            if (!model.layers().get(i).params().isEmpty()) {
                weights[i] = model.layers().get(i).params().get(0).value();
                weighted.add(i);
            }
        this.telemetry = new Telemetry(types, weighted);
        this.updates = new UpdateRatio(weights);
        this.ratios = new double[types.size()];
        act = new Moments[types.size()];
        grad = new Moments[types.size()];
        for (int i = 0; i < act.length; i++) {
            act[i] = telemetry.activationMoments(i);
            grad[i] = telemetry.gradientMoments(i);
        }
        this.watch = new Watch();
        if (exp.batch() > data.part(exp.data().trainSplit()).count())
            throw new IllegalArgumentException("batch " + exp.batch() + " is larger than the " + data.part(exp.data().trainSplit()).count() + " training images");
        this.train = new BatchSource(data, exp.data().trainSplit(), exp.batch());
        this.shuffle = new SplittableRandom(exp.seed() ^ 0x5DEECE66DL); // independent of the init's stream
        this.every = every();
    }

    public Sequential model() { return model; }
    public Telemetry telemetry() { return telemetry; }
    public long step() { return step; }

    /** Every step while the run fits the telemetry's records, then spread: the count comes from the training split opened. */
    private int every() {
        if (opts.every() != Options.SPREAD) return opts.every();
        return (int) Math.max(1, (totalSteps() + Telemetry.DEFAULT_CAPACITY - 1) / Telemetry.DEFAULT_CAPACITY);
    }

    /** What LSUV did per layer at {@link #initialize()}; null for the other schemes. */
    public Lsuv.Report lsuv() {
        return lsuv;
    }

    public int stepsPerEpoch() {
        return train.count() / train.size();
    }

    public long totalSteps() {
        long all = (long) exp.epochs() * stepsPerEpoch();
        return opts.limit() > 0 ? Math.min(all, opts.limit()) : all;
    }

    /** Initializes (LSUV calibrates on the first training batch), trains to the end, evaluates. */
    public Result run(Listener listener) {
        long t0 = System.nanoTime();
        initialize();
        while (!done()) advance(listener);
        return new Result(lastAccuracy, step, (System.nanoTime() - t0) / 1e9, telemetry.snapshot());
    }

    /** Fills the weights (once): the init scheme with the experiment's seed; LSUV on the first training batch. */
    public void initialize() {
        if (order != null) return;
        order = BatchSource.shuffle(new int[train.count()], shuffle);
        lsuv = Initializer.init(model, exp.init(), exp.seed(), train.fill(order, 0).x());
        setTraining(true);
    }

    /** Whether every step of the run ({@link #totalSteps()}) is done. */
    public boolean done() {
        return step >= totalSteps();
    }

    /**
     * One training step (for a UI that steps, pauses and resumes); evaluates after the last batch of
     * each epoch and after the last step of the run.
     * @return the step's loss
     * @throws DivergenceException when NaN/Inf appears; the run cannot go on
     */
    public double advance(Listener listener) {
        initialize();
        if (done()) throw new IllegalStateException("the run is finished (" + step + " steps)");
        if (batchInEpoch == stepsPerEpoch()) {
            epoch++;
            batchInEpoch = 0;
            BatchSource.shuffle(order, shuffle);
        }
        double l = trainStep(train.fill(order, batchInEpoch * train.size()), epoch);
        batchInEpoch++;
        if (listener != null) listener.step(step, totalSteps(), epoch, l);
        if (batchInEpoch == stepsPerEpoch() || done()) lastAccuracy = evaluate(listener);
        return l;
    }

    /** The last evaluation's accuracy; null before one or for losses without classes. */
    public Double lastAccuracy() {
        return lastAccuracy;
    }

    /** The epoch of the last step (1 before any). */
    public int epoch() {
        return epoch;
    }

    /**
     * The accuracy where a run stopped from outside (a clock) stands: evaluates now unless the last step
     * was evaluated already (an epoch's end, the run's end); null before any step or for losses without classes.
     */
    public Double evaluateWhereStopped(Listener listener) {
        if (step > 0 && batchInEpoch != stepsPerEpoch() && !done()) lastAccuracy = evaluate(listener);
        return lastAccuracy;
    }

    /** One step on one batch; returns the loss. */
    double trainStep(Batch batch, int epoch) {
        step++;
        watch.start((step - 1) % every == 0);
        double value = stepper.run(model, batch, loss, true, watch);
        if (watch.bad != null) throw new DivergenceException(step, epoch, watch.bad);
        return value;
    }

    /**
     * The trainer's listener on the step: takes each tensor's moments as it comes (on the statistics
     * thread when there is one), then at the end checks them in the order they came (outputs forward,
     * the loss, then gradients and parameter gradients backward), updates the weights, and records
     * if all was fine.
     */
    private final class Watch implements Step.Listener {
        private boolean record;
        String bad; // the first problem, as the end of a sentence; null if none
        private double value, accuracy;
        private final FutureTask<Moments>[] outs = tasks(), grads = tasks();
        private final String[] paramBad = new String[act.length];

        @SuppressWarnings("unchecked")
        private FutureTask<Moments>[] tasks() {
            return (FutureTask<Moments>[]) new FutureTask<?>[act.length];
        }

        void start(boolean record) {
            this.record = record;
            bad = null;
            accuracy = Double.NaN;
            Arrays.fill(paramBad, null);
            settle(); // a step that threw may have left tasks writing into the moments
        }

        @Override
        public void output(int i, INDArray out) {
            outs[i] = take(act[i], out);
        }

        @Override
        public void loss(double value, INDArray out, INDArray labels) {
            this.value = value;
            if (loss == Loss.CROSS_ENTROPY) accuracy = correct(out, train.labelInts(), (int) out.size(0)) / (double) out.size(0);
        }

        /** On a recorded step all that telemetry keeps, else only the moments the finiteness check needs. */
        private FutureTask<Moments> take(Moments m, INDArray x) {
            boolean all = record;
            return StatsThread.submit(() -> all ? m.telemetry(x) : m.moments(x), !opts.statsThread());
        }

        @Override
        public void gradient(int i, INDArray g) {
            grads[i] = take(grad[i], g);
        }

        @Override
        public void afterBackward(int i) {
            for (Param p : model.layers().get(i).params())
                if (paramBad[i] == null) paramBad[i] = problem(check.moments(p.grad()), p.name() + " gradient of module " + i + " (" + type(i) + ")");
        }

        /**
         * Updates the weights while the statistics thread finishes, when the loss and every parameter
         * gradient are finite (so are the new weights); records once every tensor is known to be fine.
         */
        @Override
        public void end() {
            boolean update = Double.isFinite(value) && Arrays.stream(paramBad).allMatch(Objects::isNull);
            if (update) {
                if (record) updates.before();
                optimizer.step(params);
                if (record) updates.after(ratios);
            }
            settle();
            bad = firstProblem();
            if (bad != null) return;
            if (record) telemetry.addModules(step, act, grad, ratios);
            telemetry.addLoss(step, value, accuracy);
        }

        /** Waits for (or runs) every task of the step: they read the step's memory and write the moments. */
        private void settle() {
            for (FutureTask<Moments>[] ts : List.of(outs, grads))
                for (int i = 0; i < ts.length; i++)
                    if (ts[i] != null) {
                        StatsThread.join(ts[i]);
                        ts[i] = null;
                    }
        }

        private String firstProblem() {
            for (int i = 0; i < act.length; i++) {
                String p = problem(act[i], "output of module " + i + " (" + type(i) + ")");
                if (p != null) return p;
            }
            if (!Double.isFinite(value)) return "the loss is " + value;
            for (int i = act.length - 1; i >= 0; i--) {
                String p = problem(grad[i], "gradient of module " + i + " (" + type(i) + ")");
                if (p != null) return p;
                if (paramBad[i] != null) return paramBad[i];
            }
            return null;
        }
    }

    /** Null if fine, else what is wrong with this tensor, as the end of a sentence. */
    private static String problem(Moments m, String what) {
        if (m.nonFinite()) return "NaN/Inf in the " + what;
        if (m.overflows()) return "the " + what + " overflows float32 (std " + String.format(java.util.Locale.ROOT, "%.2g", m.std()) + ")";
        return null;
    }

    /** Accuracy on the evaluation split (BatchNorm in eval mode), or null for losses without classes. */
    public Double evaluate(Listener listener) {
        if (loss != Loss.CROSS_ENTROPY) return null;
        Mnist.Split split = exp.data().evalSplit();
        int n = data.part(split).count();
        if (opts.evalImages() > 0) n = Math.min(n, opts.evalImages());
        setTraining(false);
        long right = 0;
        try {
            if (eval == null) eval = new BatchSource(data, split, Math.min(EVAL_BATCH, n));
            for (int from = 0; from < n; from += eval.size()) right += evalBatch(from, Math.min(eval.size(), n - from));
        } finally {
            setTraining(true);
        }
        double accuracy = (double) right / n;
        telemetry.addEvaluation(step, accuracy);
        if (listener != null) listener.evaluated(step, accuracy);
        return accuracy;
    }

    /**
     * Images {@code from … from+count-1} of the evaluation split, in the evaluation's one batch size: a
     * last, shorter batch fills only its first rows, so the layers see no third shape (see {@code nn.LastTwo}).
     */
    private long evalBatch(int from, int count) {
        Batch b = eval.fill(null, from, count);
        try (MemoryWorkspace ws = Step.workspace(evalWs)) {
            INDArray[] outs = model.forward(b.x());
            return correct(outs[outs.length - 1], eval.labelInts(), count);
        }
    }

    /** How many of the first {@code rows} rows' argmax equals the label. */
    static int correct(INDArray logits, int[] labels, int rows) {
        float[] v = Floats.read(logits.dataType() == DataType.FLOAT ? logits : logits.castTo(DataType.FLOAT), null);
        int classes = (int) logits.size(1), right = 0;
        for (int r = 0; r < rows; r++) {
            int best = 0;
            for (int c = 1; c < classes; c++) if (v[r * classes + c] > v[r * classes + best]) best = c;
            if (best == labels[r]) right++;
        }
        return right;
    }

    private void setTraining(boolean on) {
        for (Layer l : model.layers()) if (l instanceof BatchNorm2d bn) bn.setTraining(on);
    }

    private String type(int i) {
        return model.layers().get(i).type();
    }
}
