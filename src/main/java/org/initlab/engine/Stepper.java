package org.initlab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;
import org.initlab.nn.Blocked;
import org.initlab.nn.Layer;
import org.initlab.nn.Loss;
import org.initlab.nn.Sequential;
import org.initlab.stats.TensorStats;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one lab update does: the {@link Step}, watched by a listener that takes the statistics of
 * every module's output and output-gradient. Not thread-safe: one engine thread owns it.
 */
public final class Stepper {
    private final Step step = new Step();

    /**
     * @param withWeightStats also summarize weights and weight gradients (the CLI does; cheap). Without,
     *                        no parameter gradient is read, so the first module does not run backward
     */
    public StepResult step(Sequential model, Batch batch, Loss loss, boolean withWeightStats) {
        return step(model, batch, loss, withWeightStats, null);
    }

    /** @param profile if not null, each module's forward, backward and statistics time is added to it */
    public StepResult step(Sequential model, Batch batch, Loss loss, boolean withWeightStats, Profile profile) {
        long t0 = System.nanoTime();
        Watch watch = new Watch(model, withWeightStats, profile);
        double value = step.run(model, batch, loss, withWeightStats, watch);
        return new StepResult(value, watch.modules, System.nanoTime() - t0);
    }

    /** The statistics as a listener: each tensor as soon as it is final, on the statistics thread when there is one. */
    private static final class Watch implements Step.Listener {
        private final Sequential model;
        private final boolean weights;
        private final Profile profile;
        private final List<FutureTask<TensorStats>> acts = new ArrayList<>(), grads = new ArrayList<>();
        private final List<long[]> shapes = new ArrayList<>();
        final List<ModuleStats> modules = new ArrayList<>();

        Watch(Sequential model, boolean weights, Profile profile) {
            this.model = model;
            this.weights = weights;
            this.profile = profile;
            for (int i = 0; i < model.size(); i++) grads.add(null);
        }

        @Override
        public void beforeForward(int i) {
            if (profile != null) profile.beforeForward(i);
        }

        @Override
        public void output(int i, INDArray out) {
            if (profile != null) profile.output(i, out);
            acts.add(task(out, i));
            shapes.add(Blocked.shapeOf(out));
        }

        @Override
        public void gradient(int i, INDArray grad) {
            grads.set(i, task(grad, i));
            if (profile != null) profile.gradient(i, grad);
        }

        @Override
        public void afterBackward(int i) {
            if (profile != null) profile.afterBackward(i);
        }

        /** Runs the statistics on the other thread, or here and now (timed, when profiling). */
        private FutureTask<TensorStats> task(INDArray tensor, int module) {
            long t = System.nanoTime();
            FutureTask<TensorStats> task = StatsThread.submit(() -> TensorStats.of(tensor), profile != null); // a profile times them here
            if (profile != null) profile.stats()[module] += System.nanoTime() - t;
            return task;
        }

        /** Every task completes before the step's workspace closes: they read its memory. */
        @Override
        public void end() {
            for (int i = 0; i < model.size(); i++) {
                long t = System.nanoTime();
                Layer l = model.layers().get(i);
                TensorStats w = null, wg = null;
                if (weights && !l.params().isEmpty()) {
                    w = TensorStats.of(l.params().get(0).value());
                    wg = TensorStats.of(l.params().get(0).grad());
                }
                modules.add(new ModuleStats(i, l.type(), shapes.get(i), StatsThread.join(acts.get(i)), StatsThread.join(grads.get(i)), w, wg));
                if (profile != null) profile.stats()[i] += System.nanoTime() - t;
            }
        }
    }
}
