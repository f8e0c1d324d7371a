package org.initlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;

/** {@link Relu} through ND4J's ops: the kernel for doubles and for {@code bench --ops nd4j}. */
final class Nd4jRelu implements ReluKernel {
    private final double leak, sub, maxv; // maxv NaN: no clamp

    Nd4jRelu(double leak, double sub, double maxv) {
        this.leak = leak;
        this.sub = sub;
        this.maxv = maxv;
    }

    @Override
    public void forward(INDArray x, INDArray y) {
        if (leak == 0) Nd4j.exec(new RectifiedLinear(x, y, 0.0)); // keeps NaN, as PyTorch
        else Nd4j.exec(new LeakyReLU(x, y, leak));
        if (sub != 0) y.subi(sub);
        if (!Double.isNaN(maxv)) BooleanIndexing.replaceWhere(y, maxv, Conditions.greaterThan(maxv)); // NaN stays, as torch.clamp_max
    }

    @Override
    public void backward(INDArray x, INDArray y, INDArray g, INDArray dx) {
        // the leak where x ≤ 0, else 1 (NaN too, as oneDNN's kernels and PyTorch's ReLU)
        dx.assign(x.lte(0.0).castTo(x.dataType()).muli(leak - 1).addi(1)).muli(g);
        if (!Double.isNaN(maxv)) dx.muli(y.gte(maxv).castTo(x.dataType()).rsubi(1)); // clamped: no gradient
    }
}
