package org.initlab.engine;

import java.util.ArrayList;
import java.util.List;
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

    private final String workspaceId = "initlab-step-" + System.identityHashCode(this);

    /** Time spent per layer, summed over the steps it was passed to. */
    public record Profile(long[] forward, long[] backward, long[] stats) {
        public Profile(int layers) {
            this(new long[layers], new long[layers], new long[layers]);
        }
    }

    /** @param withWeightStats also summarize weights and weight gradients (the CLI does; cheap) */
    public StepResult step(Sequential model, Batch batch, Loss loss, boolean withWeightStats) {
        return step(model, batch, loss, withWeightStats, null);
    }

    public StepResult step(Sequential model, Batch batch, Loss loss, boolean withWeightStats, Profile profile) {
        long t0 = System.nanoTime();
        Backend.configure();
        model.zeroGrad();
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, workspaceId)) {
            INDArray[] outs = model.forward(batch.x(), profile == null ? null : profile.forward());
            INDArray last = outs[outs.length - 1];
            double value = loss.value(last, batch.labels());
            INDArray[] grads = model.backward(loss.grad(last, batch.labels()), profile == null ? null : profile.backward());
            List<ModuleStats> modules = new ArrayList<>(outs.length);
            for (int i = 0; i < outs.length; i++) {
                long t = System.nanoTime();
                Layer l = model.layers().get(i);
                TensorStats w = null, wg = null;
                if (withWeightStats && !l.params().isEmpty()) {
                    w = TensorStats.of(l.params().get(0).value());
                    wg = TensorStats.of(l.params().get(0).grad());
                }
                modules.add(new ModuleStats(i, l.type(), outs[i].shape(), TensorStats.of(outs[i]), TensorStats.of(grads[i]), w, wg));
                if (profile != null) profile.stats()[i] += System.nanoTime() - t;
            }
            return new StepResult(value, modules, System.nanoTime() - t0);
        }
    }
}
