package org.initlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The parameter gradients' running sum (Conv2d) goes through {@link Floats#accumulate} a chunk at a time. */
class FloatsTest {
    @Test
    void accumulateAddsEveryElementAcrossChunksAndAtAnOffset() {
        Nd4j.getRandom().setSeed(7);
        for (int n : new int[] {1, 2047, 2048, 2049, 3 * 2048 + 37}) {
            INDArray rows = Nd4j.randn(DataType.FLOAT, 3, n), delta = Nd4j.randn(DataType.FLOAT, n);
            INDArray target = rows.getRow(1); // a view: its elements start at an offset
            float[] expected = target.add(delta).toFloatVector(), before0 = rows.getRow(0).toFloatVector(), before2 = rows.getRow(2).toFloatVector();
            Floats.accumulate(target, delta);
            assertArrayEquals(expected, target.toFloatVector(), 0f, "length " + n);
            assertArrayEquals(before0, rows.getRow(0).toFloatVector(), 0f, "the row before, length " + n);
            assertArrayEquals(before2, rows.getRow(2).toFloatVector(), 0f, "the row after, length " + n);
        }
    }

    @Test
    void accumulateReadsAStridedDeltaInRowMajorOrder() {
        INDArray target = Nd4j.zeros(DataType.FLOAT, 2, 3), delta = Nd4j.arange(6).castTo(DataType.FLOAT).reshape(3, 2).transpose();
        Floats.accumulate(target, delta);
        assertArrayEquals(new float[] {0, 2, 4, 1, 3, 5}, Floats.read(target, null), 0f);
    }
}
