package org.initlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** {@code [N, ...]} to {@code [N, features]}. */
public final class Flatten implements Layer {
    private long[] inShape;

    @Override public String type() { return "Flatten"; }

    @Override
    public INDArray forward(INDArray x) {
        inShape = x.shape();
        return x.reshape('c', x.size(0), x.length() / x.size(0));
    }

    @Override
    public INDArray backward(INDArray g, boolean needInputGrad) {
        return needInputGrad ? g.reshape('c', inShape) : null;
    }
}
