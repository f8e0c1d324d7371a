package org.initlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The matrix products and row-wise sums of {@link Linear}, and the product of the first layer's weight
 * gradient ({@link WeightGradOnly}): oneDNN's sgemm and plain loops for dense
 * float matrices where oneDNN serves float, ND4J's ops otherwise. For a layer of 128 × 10, ND4J's ops
 * cost more in making each op, its shape arrays and its result than in the arithmetic (a millisecond
 * of a training step, where these take a few hundredths).
 */
final class Matmul {
    private Matmul() {}

    /** c = op(a)·op(b) + beta·c, op transposing where asked. */
    static void mul(INDArray a, boolean transA, INDArray b, boolean transB, INDArray c, double beta) {
        if (OneDnn.usable(a.dataType()) && OneDnn.denseMatrix(a) && OneDnn.denseMatrix(b) && OneDnn.denseMatrix(c))
            OneDnn.sgemm(a, transA, b, transB, c, (float) beta);
        else Nd4j.gemm(a, b, c, transA, transB, 1.0, beta);
    }

    /** m[r, :] += v for every row r. */
    static void addToRows(INDArray m, INDArray v) {
        if (!fast(m, v)) {
            m.addiRowVector(v);
            return;
        }
        float[] rows = Floats.read(m, null), add = Floats.read(v, null);
        int cols = add.length;
        for (int i = 0; i < rows.length; i++) rows[i] += add[i % cols];
        Floats.write(rows, m);
    }

    /** v += Σ_r m[r, :], each column summed in row order. */
    static void addColumnSums(INDArray v, INDArray m) {
        if (!fast(m, v)) {
            v.addi(m.sum(0));
            return;
        }
        float[] rows = Floats.read(m, null), sums = Floats.read(v, null);
        int cols = sums.length;
        float[] s = new float[cols];
        for (int i = 0; i < rows.length; i++) s[i % cols] += rows[i];
        for (int j = 0; j < cols; j++) sums[j] += s[j];
        Floats.write(sums, v);
    }

    private static boolean fast(INDArray m, INDArray v) {
        return Floats.fast(m) && Floats.fast(v) && m.rank() == 2 && v.length() == m.size(1) && Floats.contiguous(v) && Floats.contiguous(m);
    }
}
