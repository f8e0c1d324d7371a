package org.initlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Linear's float path (oneDNN's sgemm, plain row loops) against the same products by ND4J's ops. */
class MatmulTest {
    @Test
    void productsAndRowSumsMatchNd4j() {
        assumeTrue(OneDnn.usable(DataType.FLOAT), "oneDNN's natives did not load here");
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.randn(DataType.FLOAT, 64, 128), w = Nd4j.randn(DataType.FLOAT, 10, 128), g = Nd4j.randn(DataType.FLOAT, 64, 10);
        INDArray b = Nd4j.randn(DataType.FLOAT, 10), dw = Nd4j.randn(DataType.FLOAT, 10, 128);

        INDArray y = Nd4j.create(DataType.FLOAT, 64, 10);
        Matmul.mul(x, false, w, true, y, 0);
        Matmul.addToRows(y, b);
        close(x.mmul(w.transpose()).addRowVector(b), y);

        INDArray expectedDw = dw.add(g.transpose().mmul(x));
        Matmul.mul(g, true, x, false, dw, 1);
        close(expectedDw, dw);

        INDArray dx = Nd4j.create(DataType.FLOAT, 64, 128);
        Matmul.mul(g, false, w, false, dx, 0);
        close(g.mmul(w), dx);

        INDArray expectedDb = b.add(g.sum(0));
        Matmul.addColumnSums(b, g);
        close(expectedDb, b);
    }

    /** With oneDNN switched off (bench --ops nd4j) the same products come from ND4J's gemm. */
    @Test
    void withoutOneDnnTheProductIsNd4jsGemm() {
        Nd4j.getRandom().setSeed(4);
        INDArray a = Nd4j.randn(DataType.FLOAT, 16, 300), b = Nd4j.randn(DataType.FLOAT, 300, 25), c = Nd4j.create(DataType.FLOAT, 16, 25);
        OneDnn.use(false);
        try {
            Matmul.mul(a, false, b, false, c, 0);
        } finally {
            OneDnn.use(true);
        }
        close(a.mmul(b), c);
    }

    private static void close(INDArray expected, INDArray actual) {
        float[] e = Floats.read(expected.dup('c'), null), a = Floats.read(actual, null);
        assertArrayEquals(e, java.util.Arrays.copyOf(a, e.length), 1e-4f);
    }
}
