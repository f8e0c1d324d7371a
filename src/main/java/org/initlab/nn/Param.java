package org.initlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A learnable tensor and its gradient (same shape). Gradients accumulate; {@link #zeroGrad()} clears them. */
public record Param(String name, INDArray value, INDArray grad) {
    public void zeroGrad() {
        if (Floats.fast(grad)) Floats.zero(grad);
        else grad.assign(0);
    }
}
