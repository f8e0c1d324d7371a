package org.initlab.nn;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An array a layer writes on every step (its output, an input gradient, a temporary), made once per
 * shape outside any workspace and then written over; the last two shapes' are kept ({@link LastTwo}).
 * Every new ND4J array leaves bookkeeping objects that live until a collection has seen them, so the
 * collector's pauses grew with the arrays made per step. What a layer returns from such a slot is
 * valid until that layer's next forward or backward. The step keeps its loss gradient in one too.
 */
public final class Reused {
    private final LastTwo<INDArray> arrays = new LastTwo<>(a -> {}); // a caller may still hold the evicted one

    public INDArray get(DataType type, long... shape) {
        return arrays.get(a -> a.dataType() == type && Arrays.equals(a.shape(), shape), () -> {
            try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                return Nd4j.createUninitialized(type, shape);
            }
        });
    }
}
