package org.initlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** AdaptiveAvgPool2d(1): the mean over each channel's H×W, keeping {@code [N, C, 1, 1]}. */
public final class GlobalAvgPool implements Layer {
    private long[] inShape;

    @Override public String type() { return "AdaptiveAvgPool2d"; }

    @Override
    public INDArray forward(INDArray x) {
        inShape = x.shape();
        return x.mean(2, 3).reshape(inShape[0], inShape[1], 1, 1);
    }

    @Override
    public INDArray backward(INDArray g, boolean needInputGrad) {
        if (!needInputGrad) return null;
        double area = inShape[2] * inShape[3];
        // every input pixel receives an equal share of its channel's gradient
        return Nd4j.zeros(g.dataType(), inShape).addi(g.div(area));
    }
}
