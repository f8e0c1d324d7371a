package org.initlab.nn;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One module of a {@link Sequential}: {@code forward} keeps what {@code backward} needs;
 * {@code backward} accumulates weight gradients and returns dL/dinput. What either returns may be
 * written over by the layer's next forward or backward (it reuses its arrays step after step): copy it to keep it.
 */
public interface Layer {
    /** PyTorch-style name of the module, e.g. {@code Conv2d}. */
    String type();

    INDArray forward(INDArray x);

    /**
     * @param needInputGrad false for the first layer: nobody uses dL/dimages, so layers may skip it
     *                      and return null
     */
    INDArray backward(INDArray gradOut, boolean needInputGrad);

    /** The weight first, then the bias; empty for layers without parameters. */
    default List<Param> params() {
        return List.of();
    }

    /**
     * Frees what the layer keeps in native memory besides its arrays (oneDNN's primitives and their
     * buffers), which the garbage collector would free only at a full collection. The layer may run
     * again after, making them anew.
     */
    default void release() {}
}
