package org.initlab.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Training telemetry in bounded rings of plain arrays: loss and batch accuracy every step; every
 * module's activation and output-gradient mean, std, near-zero fraction and fixed-bin histogram, and
 * each weight's update-to-data ratio, at the steps the trainer records (every N); test accuracy at
 * each evaluation. Memory is fixed at
 * construction ({@link #memoryDoubles()}), so hours of training use constant memory.
 * Written by one thread; {@link #snapshot()} gives another thread an immutable copy.
 */
public final class Telemetry {
    public static final int DEFAULT_CAPACITY = 2000, DEFAULT_LOSS_CAPACITY = 100_000, EVAL_CAPACITY = 1000;

    private final List<String> types;
    private final Bins[] actBins;
    private final Ring lossSteps, loss, accuracy, steps, evalSteps, evalAccuracy;
    private final Ring[] actMean, actStd, actNear, actHist, gradMean, gradStd, gradNear, gradHist, updateRatio;
    private final boolean[] weighted;

    /**
     * @param types    each module's type, in order; activation bins follow from it ({@link Bins#forActivations})
     * @param weighted the indices of the modules with a weight, whose update ratio is recorded
     */
    public Telemetry(List<String> types, List<Integer> weighted, int capacity, int lossCapacity) {
        this.types = List.copyOf(types);
        this.weighted = new boolean[types.size()];
        for (int i : weighted) this.weighted[i] = true;
        int n = types.size();
        actBins = new Bins[n];
        lossSteps = new Ring(lossCapacity);
        loss = new Ring(lossCapacity);
        accuracy = new Ring(lossCapacity);
        steps = new Ring(capacity);
        evalSteps = new Ring(EVAL_CAPACITY);
        evalAccuracy = new Ring(EVAL_CAPACITY);
        actMean = new Ring[n]; actStd = new Ring[n]; actNear = new Ring[n]; actHist = new Ring[n];
        gradMean = new Ring[n]; gradStd = new Ring[n]; gradNear = new Ring[n]; gradHist = new Ring[n];
        updateRatio = new Ring[n];
        for (int i = 0; i < n; i++) {
            actBins[i] = Bins.forActivations(types.get(i));
            actMean[i] = new Ring(capacity); actStd[i] = new Ring(capacity); actNear[i] = new Ring(capacity);
            actHist[i] = new Ring(capacity, actBins[i].count());
            gradMean[i] = new Ring(capacity); gradStd[i] = new Ring(capacity); gradNear[i] = new Ring(capacity);
            gradHist[i] = new Ring(capacity, Bins.GRADIENT.count());
            updateRatio[i] = this.weighted[i] ? new Ring(capacity) : null;
        }
    }

    public Telemetry(List<String> types, List<Integer> weighted) {
        this(types, weighted, DEFAULT_CAPACITY, DEFAULT_LOSS_CAPACITY);
    }

    public int modules() { return types.size(); }
    public Bins activationBins(int module) { return actBins[module]; }

    /** A reducer for module i's activations / gradients, with this telemetry's bins. */
    public Moments activationMoments(int module) { return new Moments(actBins[module]); }
    public Moments gradientMoments(int module) { return new Moments(Bins.GRADIENT); }

    /** @param accuracy the batch's accuracy in [0, 1], or NaN when the loss has no classes */
    public void addLoss(long step, double value, double accuracy) {
        lossSteps.add(step);
        loss.add(value);
        this.accuracy.add(accuracy);
    }

    /**
     * One record of every module; the moments must have been taken with their histograms.
     * @param updateRatio per module, std(Δw)/std(w) of this step's weight update (read for weighted modules only)
     */
    public void addModules(long step, Moments[] act, Moments[] grad, double[] updateRatio) {
        if (act.length != types.size() || grad.length != types.size())
            throw new IllegalArgumentException("expected " + types.size() + " modules, got " + act.length + " and " + grad.length);
        steps.add(step);
        for (int i = 0; i < act.length; i++) {
            actMean[i].add(act[i].mean()); actStd[i].add(act[i].std()); actNear[i].add(act[i].nearZero());
            actHist[i].add(act[i].histogram());
            gradMean[i].add(grad[i].mean()); gradStd[i].add(grad[i].std()); gradNear[i].add(grad[i].nearZero());
            gradHist[i].add(grad[i].histogram());
            if (weighted[i]) this.updateRatio[i].add(updateRatio[i]);
        }
    }

    public void addEvaluation(long step, double testAccuracy) {
        evalSteps.add(step);
        evalAccuracy.add(testAccuracy);
    }

    /** Records held for module statistics (≤ capacity). */
    public int size() { return steps.size(); }

    /** Doubles held by all rings: fixed at construction. */
    public long memoryDoubles() {
        long m = lossSteps.memoryDoubles() + loss.memoryDoubles() + accuracy.memoryDoubles() + steps.memoryDoubles()
            + evalSteps.memoryDoubles() + evalAccuracy.memoryDoubles();
        for (Ring[] rs : List.of(actMean, actStd, actNear, actHist, gradMean, gradStd, gradNear, gradHist, updateRatio))
            for (Ring r : rs) m += r == null ? 0 : r.memoryDoubles();
        return m;
    }

    /** An immutable copy of everything held, oldest first: safe to chart on another thread. */
    public Snapshot snapshot() {
        return snapshot(Integer.MAX_VALUE);
    }

    /**
     * The same with at most {@code maxRecords} module records, evenly spaced and the newest always
     * among them: a chart draws a few hundred points, and copying every histogram for it at each
     * update cost the training thread time.
     */
    public Snapshot snapshot(int maxRecords) {
        if (maxRecords <= 0) throw new IllegalArgumentException("maxRecords must be > 0 (got " + maxRecords + ")");
        int n = steps.size(), stride = Math.max(1, (n + maxRecords - 1) / maxRecords);
        int[] at = new int[(n + stride - 1) / stride];
        for (int k = 0; k < at.length; k++) at[k] = n - 1 - (at.length - 1 - k) * stride;
        List<ModuleSeries> mods = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++)
            mods.add(new ModuleSeries(i, types.get(i), actBins[i], Bins.GRADIENT,
                actMean[i].toArray(at), actStd[i].toArray(at), actNear[i].toArray(at), actHist[i].rows(at),
                gradMean[i].toArray(at), gradStd[i].toArray(at), gradNear[i].toArray(at), gradHist[i].rows(at),
                weighted[i] ? updateRatio[i].toArray(at) : new double[0]));
        double[] recorded = steps.toArray(at);
        return new Snapshot(longs(lossSteps.toArray()), loss.toArray(), accuracy.toArray(), longs(recorded), mods,
            longs(evalSteps.toArray()), evalAccuracy.toArray());
    }

    private static long[] longs(double[] d) {
        long[] l = new long[d.length];
        for (int i = 0; i < d.length; i++) l[i] = (long) d[i];
        return l;
    }

    /**
     * One module's series; index k of every array belongs to step {@code Snapshot.steps[k]}.
     * {@code updateRatio}: std of the weight's update over std of the weight after it (Karpathy's
     * update-to-data ratio, healthy near 1e-3); empty for modules without a weight.
     */
    public record ModuleSeries(int index, String type, Bins actBins, Bins gradBins,
                               double[] actMean, double[] actStd, double[] actNearZero, double[][] actHist,
                               double[] gradMean, double[] gradStd, double[] gradNearZero, double[][] gradHist,
                               double[] updateRatio) {
        public boolean weighted() {
            return updateRatio.length > 0;
        }
    }

    /**
     * Plain data: loss and batch accuracy per training step ({@code lossSteps}); module series at
     * {@code steps}; test accuracy at {@code evalSteps}. The arrays are fresh copies owned by the
     * receiver.
     */
    public record Snapshot(long[] lossSteps, double[] loss, double[] accuracy, long[] steps, List<ModuleSeries> modules,
                           long[] evalSteps, double[] evalAccuracy) {
        public Snapshot {
            modules = List.copyOf(modules);
        }
    }
}
