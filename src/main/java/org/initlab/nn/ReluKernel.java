package org.initlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The arithmetic of one {@link Relu} for one input shape: f and f′ of {@link Relu}'s javadoc, in plain
 * loops in {@link ReluReference}. Call order: {@code forward}, then {@code backward} with the same x.
 */
interface ReluKernel extends Kernels.Kernel {
    /** y = f(x), element by element. */
    void forward(INDArray x, INDArray y);

    /** dx = g·f′(x), where y = f(x) is what the forward wrote. */
    void backward(INDArray x, INDArray y, INDArray g, INDArray dx);
}
