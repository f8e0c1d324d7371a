package org.initlab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import org.initlab.nn.Layer;
import org.initlab.nn.Loss;
import org.initlab.nn.Sequential;
import org.initlab.stats.TensorStats;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs exactly what one lab update does: forward, loss, backward, and the statistics of every
 * module. Temporaries live in one ND4J workspace that is reused step after step, so a steady
 * state allocates no new off-heap memory. Not thread-safe: one engine thread owns it.
 */
public final class Stepper {
    private static final WorkspaceConfiguration WORKSPACE = WorkspaceConfiguration.builder()
        .initialSize(0).policyLearning(LearningPolicy.FIRST_LOOP).policyAllocation(AllocationPolicy.OVERALLOCATE)
        .overallocationLimit(0.3).policyReset(ResetPolicy.BLOCK_LEFT).policySpill(SpillPolicy.REALLOCATE).build();

    /**
     * Output statistics are plain Java loops over a copy of each tensor: with a second core they run
     * on this daemon thread while the engine thread does the backward pass. Null on one core.
     */
    private static final ExecutorService STATS = Runtime.getRuntime().availableProcessors() < 2 ? null
        : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "initlab-stats");
            t.setPriority(Thread.MIN_PRIORITY); // as the engine thread it serves (LatestWins)
            t.setDaemon(true);
            return t;
        });

    private final String workspaceId = "initlab-step-" + System.identityHashCode(this);

    /** Time spent per layer, summed over the steps it was passed to. */
    public record Profile(long[] forward, long[] backward, long[] stats) {
        public Profile(int layers) {
            this(new long[layers], new long[layers], new long[layers]);
        }
    }

    /**
     * @param withWeightStats also summarize weights and weight gradients (the CLI does; cheap). Without,
     *                        the first layer's weight gradient is not computed at all (see {@link Sequential#backward})
     */
    public StepResult step(Sequential model, Batch batch, Loss loss, boolean withWeightStats) {
        return step(model, batch, loss, withWeightStats, null);
    }

    public StepResult step(Sequential model, Batch batch, Loss loss, boolean withWeightStats, Profile profile) {
        long t0 = System.nanoTime();
        Backend.configure();
        model.zeroGrad();
        boolean overlap = STATS != null && profile == null;
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, workspaceId)) {
            INDArray[] outs = model.forward(batch.x(), profile == null ? null : profile.forward());
            List<FutureTask<TensorStats>> acts = new ArrayList<>(), grads = new ArrayList<>(outs.length);
            for (int i = 0; i < outs.length; i++) grads.add(null);
            if (overlap) for (INDArray o : outs) acts.add(submit(o));
            INDArray last = outs[outs.length - 1];
            double value = loss.value(last, batch.labels());
            INDArray[] g = model.backward(loss.grad(last, batch.labels()), profile == null ? null : profile.backward(),
                overlap ? (grad, i) -> grads.set(i, submit(grad)) : null, withWeightStats);
            List<ModuleStats> modules = new ArrayList<>(outs.length);
            for (int i = 0; i < outs.length; i++) {
                long t = System.nanoTime();
                Layer l = model.layers().get(i);
                TensorStats w = null, wg = null;
                if (withWeightStats && !l.params().isEmpty()) {
                    w = TensorStats.of(l.params().get(0).value());
                    wg = TensorStats.of(l.params().get(0).grad());
                }
                TensorStats act = overlap ? join(acts.get(i)) : TensorStats.of(outs[i]);
                TensorStats grad = overlap ? join(grads.get(i)) : TensorStats.of(g[i]);
                modules.add(new ModuleStats(i, l.type(), outs[i].shape(), act, grad, w, wg));
                if (profile != null) profile.stats()[i] += System.nanoTime() - t;
            }
            return new StepResult(value, modules, System.nanoTime() - t0);
        }
    }

    private static FutureTask<TensorStats> submit(INDArray tensor) {
        FutureTask<TensorStats> task = new FutureTask<>(() -> TensorStats.of(tensor));
        STATS.execute(task);
        return task;
    }

    /**
     * The result of a statistics task, running it here if the statistics thread has not started it
     * yet (work stealing: the engine thread helps once its backward pass is done). Always completes
     * before the step returns, since the tasks read workspace memory.
     */
    private static TensorStats join(FutureTask<TensorStats> task) {
        task.run(); // no-op if the statistics thread already ran or is running it
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for statistics", e);
        }
    }
}
