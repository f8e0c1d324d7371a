package org.initlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** {@code [N, ...]} to {@code [N, features]}. */
public final class Flatten implements Layer {
    private INDArray lastIn, lastOut, lastGrad, lastInputGrad;

    @Override public String type() { return "Flatten"; }

    /** A view of x; the same one again when x is (the layers before write into one array step after step). */
    @Override
    public INDArray forward(INDArray x) {
        if (x != lastIn) {
            lastOut = x.reshape('c', x.size(0), x.length() / x.size(0));
            lastIn = x;
        }
        return lastOut;
    }

    /** A view of g in the input's shape; the same one again when g and the input are. */
    @Override
    public INDArray backward(INDArray g, boolean needInputGrad) {
        if (!needInputGrad) return null;
        if (g != lastGrad || !java.util.Arrays.equals(lastInputGrad.shape(), lastIn.shape())) {
            lastInputGrad = g.reshape('c', lastIn.shape());
            lastGrad = g;
        }
        return lastInputGrad;
    }
}
