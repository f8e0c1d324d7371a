package org.initlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUBp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * fastai's GeneralRelu: {@code min(leaky_relu(x, leak) - sub, maxv)}. ReLU and LeakyReLU are the
 * special cases (sub 0, no maxv) and keep their own names.
 */
public final class Relu implements Layer {
    private final String type;
    private final double leak, sub, maxv; // maxv NaN: no clamp
    private INDArray x, out;

    private Relu(String type, double leak, double sub, double maxv) {
        this.type = type;
        this.leak = leak;
        this.sub = sub;
        this.maxv = maxv;
    }

    public static Relu relu() { return new Relu("ReLU", 0, 0, Double.NaN); }
    public static Relu leaky(double a) { return new Relu("LeakyReLU", a, 0, Double.NaN); }
    public static Relu general(double leak, double sub, double maxv) { return new Relu("GeneralReLU", leak, sub, maxv); }

    @Override public String type() { return type; }

    @Override
    public INDArray forward(INDArray x) {
        this.x = x;
        out = Nd4j.createUninitialized(x.dataType(), x.shape());
        Nd4j.exec(new org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU(x, out, leak));
        if (sub != 0) out.subi(sub);
        if (!Double.isNaN(maxv)) Transforms.min(out, maxv, false);
        return out;
    }

    @Override
    public INDArray backward(INDArray g, boolean needInputGrad) {
        if (!needInputGrad) return null;
        INDArray gx = Nd4j.createUninitialized(x.dataType(), x.shape());
        Nd4j.exec(new LeakyReLUBp(x, g, gx, leak));
        if (!Double.isNaN(maxv)) gx.muli(out.lt(maxv).castTo(x.dataType())); // clamped entries pass no gradient
        return gx;
    }
}
