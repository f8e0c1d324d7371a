package org.initlab.engine;

import org.initlab.nn.Loss;
import org.initlab.nn.Reused;
import org.initlab.nn.Sequential;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The one step of the lab ({@link Stepper}) and the trainer: zero the gradients, forward, loss,
 * backward, telling a {@link Listener} what each module produced as it comes. The temporaries live in
 * one ND4J workspace reused step after step, so a steady state allocates no new off-heap memory. Not
 * thread-safe: one thread owns it.
 */
public final class Step {
    private static final WorkspaceConfiguration WORKSPACE = WorkspaceConfiguration.builder()
        .initialSize(0).policyLearning(LearningPolicy.FIRST_LOOP).policyAllocation(AllocationPolicy.OVERALLOCATE)
        .overallocationLimit(0.3).policyReset(ResetPolicy.BLOCK_LEFT).policySpill(SpillPolicy.REALLOCATE).build();

    /** A watcher of the step: the model's hooks, the loss, and the end of the pass. */
    public interface Listener extends Sequential.Hook {
        /** The loss of the batch, with the model's output and the labels it was taken against. */
        default void loss(double value, INDArray out, INDArray labels) {}

        /**
         * The pass is done, still inside the step's workspace: the arrays told before are valid here
         * and not after (an optimizer updates the weights here).
         */
        default void end() {}
    }

    private final String workspaceId = "initlab-step-" + System.identityHashCode(this);
    private final Reused lossGrad = new Reused(); // written over each step: a new ND4J array each step costs a tenth of a millisecond in its bookkeeping

    /** Opens this thread's reused workspace of that id (a pass outside the step, as an evaluation, takes its own). */
    public static MemoryWorkspace workspace(String id) {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, id);
    }

    /**
     * @param paramGrads false when nobody reads the parameter gradients: the first module then does
     *                   not run backward (see {@link Sequential#backward(INDArray, Sequential.Hook, boolean)})
     * @return the batch's loss
     */
    public double run(Sequential model, Batch batch, Loss loss, boolean paramGrads, Listener listener) {
        Backend.configure(); // the compute thread count is per thread: the CLI's main thread or an engine thread
        try (MemoryWorkspace ws = workspace(workspaceId)) {
            model.zeroGrad();
            INDArray[] outs = model.forward(batch.x(), listener);
            INDArray last = outs[outs.length - 1];
            double value = loss.value(last, batch.labels());
            listener.loss(value, last, batch.labels());
            model.backward(loss.grad(last, batch.labels(), lossGrad), listener, paramGrads);
            listener.end();
            return value;
        }
    }
}
