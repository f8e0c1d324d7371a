package org.initlab.nn;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * y = x·Wᵀ + b with W of shape {@code [out, in]}; from g = dL/dy:
 * <pre>
 *   dW += gᵀ·x      db += Σ_rows g      dx = g·W
 * </pre>
 */
public final class Linear implements Layer {
    private final Param weight, bias;
    private INDArray x;
    private final Reused output = new Reused(), inputGrad = new Reused();

    public Linear(int in, int out, boolean hasBias, DataType dtype) {
        weight = new Param("weight", Nd4j.zeros(dtype, out, in), Nd4j.zeros(dtype, out, in));
        bias = hasBias ? new Param("bias", Nd4j.zeros(dtype, out), Nd4j.zeros(dtype, out)) : null;
    }

    @Override public String type() { return "Linear"; }

    @Override
    public INDArray forward(INDArray x) {
        this.x = x;
        INDArray out = output.get(x.dataType(), x.size(0), weight.value().size(0));
        Matmul.mul(x, false, weight.value(), true, out, 0); // y = x·Wᵀ
        if (bias != null) Matmul.addToRows(out, bias.value()); // + b
        return out;
    }

    @Override
    public INDArray backward(INDArray g, boolean needInputGrad) {
        Matmul.mul(g, true, x, false, weight.grad(), 1); // dW += gᵀ·x
        if (bias != null) Matmul.addColumnSums(bias.grad(), g); // db += Σ_rows g
        if (!needInputGrad) return null;
        INDArray gx = inputGrad.get(x.dataType(), x.shape());
        Matmul.mul(g, false, weight.value(), false, gx, 0); // dx = g·W
        return gx;
    }

    @Override
    public List<Param> params() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }
}
