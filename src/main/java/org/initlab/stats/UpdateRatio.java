package org.initlab.stats;

import org.initlab.nn.Floats;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Each weight's update-to-data ratio over one optimizer step, std(w_after − w_before) / std(w_after)
 * (Karpathy's diagnostic: near 1e-3 the weights learn at a healthy pace; far below they barely move,
 * far above they churn). Float weights only; the copies are reused step after step. One thread.
 */
public final class UpdateRatio {
    private final INDArray[] weights;
    private final float[][] before;
    /** Per module, w_after − w_before in native memory, where {@link Moments} reads every tensor. */
    private final INDArray[] change;
    private float[] after;
    private final Moments moments = new Moments(null);

    /** @param weights per module, its weight, or null for a module without one */
    public UpdateRatio(INDArray[] weights) {
        this.weights = weights.clone();
        this.before = new float[weights.length][];
        this.change = new INDArray[weights.length];
        try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) { // kept for the whole run
            for (int i = 0; i < weights.length; i++) {
                INDArray w = weights[i];
                if (w == null) continue;
                if (w.dataType() != DataType.FLOAT) throw new IllegalArgumentException("update ratios need float weights, got " + w.dataType());
                change[i] = Nd4j.create(DataType.FLOAT, w.length());
            }
        }
    }

    /** Copies the weights as they are before the step. */
    public void before() {
        for (int i = 0; i < weights.length; i++) if (weights[i] != null) before[i] = Floats.read(weights[i], before[i]);
    }

    /** After the step: each module's ratio into {@code into} (NaN for modules without a weight). */
    public void after(double[] into) {
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] == null) {
                into[i] = Double.NaN;
                continue;
            }
            int n = (int) weights[i].length();
            after = Floats.read(weights[i], after);
            float[] delta = before[i];
            for (int k = 0; k < n; k++) delta[k] = after[k] - delta[k];
            Floats.write(delta, change[i]);
            double data = moments.moments(weights[i]).std();
            into[i] = moments.moments(change[i]).std() / data;
        }
    }
}
