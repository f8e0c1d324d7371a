package org.initlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The arithmetic of one {@link Conv2d} for one input shape: the formulas in {@link Conv2d}'s javadoc,
 * in plain loops in {@link ConvReference}. Arrays in NCHW (a oneDNN kernel's may be in channel blocks,
 * {@link Blocked}), weights in OIHW; {@code b} and {@code db} null without bias. Call order: {@code forward}, then {@code backward} with the same {@code x} and
 * {@code w} (a kernel may reuse what its forward prepared).
 */
interface ConvKernel extends Kernels.Kernel {
    /** y = the convolution of x with w, plus b. */
    void forward(INDArray x, INDArray w, INDArray b, INDArray y);

    /** Whether this kernel writes y, and reads its gradient, in channel blocks ({@link Blocked}). */
    default boolean blockedOutput() {
        return false;
    }

    /** Writes (not adds) dx = dL/dx unless {@code dx} is null, dw = dL/dw and db = dL/db, from g = dL/dy. */
    void backward(INDArray x, INDArray w, INDArray g, INDArray dx, INDArray dw, INDArray db);
}
