package org.initlab.nn;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** y = x·Wᵀ + b with W of shape {@code [out, in]}. */
public final class Linear implements Layer {
    private final Param weight, bias;
    private INDArray x;

    public Linear(int in, int out, boolean hasBias, DataType dtype) {
        weight = new Param("weight", Nd4j.zeros(dtype, out, in), Nd4j.zeros(dtype, out, in));
        bias = hasBias ? new Param("bias", Nd4j.zeros(dtype, out), Nd4j.zeros(dtype, out)) : null;
    }

    @Override public String type() { return "Linear"; }

    @Override
    public INDArray forward(INDArray x) {
        this.x = x;
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.size(0), weight.value().size(0));
        Nd4j.gemm(x, weight.value(), out, false, true, 1.0, 0.0);
        if (bias != null) out.addiRowVector(bias.value());
        return out;
    }

    @Override
    public INDArray backward(INDArray g, boolean needInputGrad) {
        Nd4j.gemm(g, x, weight.grad(), true, false, 1.0, 1.0); // dW += gᵀ·x
        if (bias != null) bias.grad().addi(g.sum(0));
        if (!needInputGrad) return null;
        INDArray gx = Nd4j.createUninitialized(x.dataType(), x.shape());
        Nd4j.gemm(g, weight.value(), gx, false, false, 1.0, 0.0); // dx = g·W
        return gx;
    }

    @Override
    public List<Param> params() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }
}
