package org.initlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training alternates two batch sizes (its own, the evaluation's) at every epoch's end; arrays made
 * anew there would be dropped after an epoch, in the old generation, with their native memory held
 * until a full collection. So the layers keep the arrays (and oneDNN's primitives) of both shapes.
 */
class ReusedTest {
    @Test
    void twoAlternatingShapesKeepTheirArraysAndAThirdDropsTheOldest() {
        Reused r = new Reused();
        INDArray train = r.get(DataType.FLOAT, 64, 8), eval = r.get(DataType.FLOAT, 500, 8);
        for (int epoch = 0; epoch < 3; epoch++) {
            assertSame(train, r.get(DataType.FLOAT, 64, 8));
            assertSame(eval, r.get(DataType.FLOAT, 500, 8));
        }
        r.get(DataType.FLOAT, 32, 8); // now the last two: 500 and 32
        assertSame(eval, r.get(DataType.FLOAT, 500, 8));
        assertNotSame(train, r.get(DataType.FLOAT, 64, 8));
        assertEquals(DataType.DOUBLE, r.get(DataType.DOUBLE, 64, 8).dataType());
    }

    @Test
    void whatIsEvictedOrClearedIsDroppedOnce() {
        List<String> dropped = new java.util.ArrayList<>();
        LastTwo<String> kept = new LastTwo<>(dropped::add);
        for (String shape : List.of("64", "500", "64", "500", "32", "32", "500")) kept.get(shape::equals, () -> shape);
        assertEquals(List.of("64"), dropped); // made: 64, 500, 32
        assertEquals("500", kept.current());
        kept.clear();
        assertEquals(List.of("64", "500", "32"), dropped);
        assertEquals(null, kept.current());
    }

    @Test
    void layersWriteTheTrainingBatchIntoTheSameMemoryAfterAnEvaluation() {
        Sequential model = new ModelSpec("reuse", List.of(
            new LayerSpec.Conv2d(4, 3, 2, 1), new LayerSpec.ReLU(),
            new LayerSpec.Conv2d(6, 3, 2, 1), new LayerSpec.LeakyReLU(0.1),
            new LayerSpec.Conv2d(8, 3, 2, 1), new LayerSpec.GeneralReLU(0.1, 0.4, 6.0),
            new LayerSpec.AdaptiveAvgPool2d(), new LayerSpec.Flatten()), null, "mse").build(DataType.FLOAT);
        INDArray[] first = step(model, 8), again;
        model.forward(Nd4j.randn(DataType.FLOAT, 20, 1, 28, 28)); // an evaluation's batch
        again = step(model, 8);
        for (int i = 0; i < first.length; i++)
            assertEquals(address(first[i]), address(again[i]), i < model.layers().size() ? "output of module " + i
                : "input gradient of module " + (i - model.layers().size() + 1));
    }

    /**
     * Each module's output, then the input gradients of modules 1 … n-2: the last module's is a view of
     * the gradient this test passes in, and nobody needs the first's.
     */
    private static INDArray[] step(Sequential model, int batch) {
        INDArray[] outs = model.forward(Nd4j.randn(DataType.FLOAT, batch, 1, 28, 28));
        INDArray[] grads = model.backward(Nd4j.randn(DataType.FLOAT, outs[outs.length - 1].shape()));
        INDArray[] all = new INDArray[outs.length + outs.length - 2];
        System.arraycopy(outs, 0, all, 0, outs.length);
        System.arraycopy(grads, 0, all, outs.length, outs.length - 2); // grads[i]: module i+1's input gradient
        return all;
    }

    private static long address(INDArray a) {
        return a.data().addressPointer().address();
    }

    /** Flatten's views are made once while the arrays they view stay the same: each new view is an ND4J array's bookkeeping. */
    @Test
    void flattenKeepsItsViewsOfTheSameArrays() {
        Flatten f = new Flatten();
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 3, 1, 1), g = Nd4j.rand(DataType.FLOAT, 4, 3);
        INDArray y = f.forward(x), dx = f.backward(g, true);
        assertSame(y, f.forward(x));
        assertSame(dx, f.backward(g, true));
        assertEquals(java.util.List.of(4L, 3L, 1L, 1L), java.util.Arrays.stream(dx.shape()).boxed().toList());
        g.putScalar(5, 7f);
        assertEquals(7f, dx.getFloat(1, 2, 0, 0)); // a view: the next step's values show through
        INDArray g2 = Nd4j.rand(DataType.FLOAT, 4, 3);
        assertNotSame(dx, f.backward(g2, true));
    }
}
