package org.initlab.nn;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An array a layer writes on every step (its output, an input gradient, a temporary), made once per
 * shape outside any workspace and then written over. Every new ND4J array leaves bookkeeping objects
 * that live until a collection has seen them, so the collector's pauses grew with the arrays made per
 * step. What a layer returns from such a slot is valid until that layer's next forward or backward.
 * <p>
 * The arrays of the last two shapes are kept: training alternates its batch with the evaluation's at
 * every epoch, and an array dropped after an epoch's use has reached the old generation, where its
 * native memory waits for a full collection (training's resident memory grew by tens of MB a minute).
 */
final class Reused {
    private INDArray array, previous;

    INDArray get(DataType type, long... shape) {
        if (fits(array, type, shape)) return array;
        INDArray keep = array;
        if (fits(previous, type, shape)) {
            array = previous;
        } else {
            try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                array = Nd4j.createUninitialized(type, shape);
            }
        }
        previous = keep;
        return array;
    }

    private static boolean fits(INDArray a, DataType type, long[] shape) {
        return a != null && a.dataType() == type && Arrays.equals(a.shape(), shape);
    }
}
