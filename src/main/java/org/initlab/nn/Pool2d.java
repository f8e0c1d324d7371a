package org.initlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** MaxPool2d / AvgPool2d (average counts padding, as PyTorch's count_include_pad=True). */
public final class Pool2d implements Layer {
    private final boolean max;
    private final int kernel, stride, padding;
    private final NativeOp pool, poolBackward;
    private INDArray x;

    public Pool2d(boolean max, int kernel, int stride, int padding) {
        this.max = max;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.pool = new NativeOp(max ? "maxpool2d" : "avgpool2d", iArgs());
        this.poolBackward = new NativeOp(max ? "maxpool2d_bp" : "avgpool2d_bp", iArgs());
    }

    @Override public String type() { return max ? "MaxPool2d" : "AvgPool2d"; }

    /** kH kW sH sW pH pW dH dW same-mode divisor(1: include padding) NHWC(0). */
    private int[] iArgs() {
        return new int[] {kernel, kernel, stride, stride, padding, padding, 1, 1, 0, max ? 0 : 1, 0};
    }

    @Override
    public INDArray forward(INDArray x) {
        this.x = x;
        long h = (x.size(2) + 2L * padding - kernel) / stride + 1;
        long w = (x.size(3) + 2L * padding - kernel) / stride + 1;
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.size(0), x.size(1), h, w);
        pool.exec(new INDArray[] {x}, out);
        return out;
    }

    @Override
    public INDArray backward(INDArray g, boolean needInputGrad) {
        if (!needInputGrad) return null;
        INDArray gx = Nd4j.createUninitialized(x.dataType(), x.shape());
        poolBackward.exec(new INDArray[] {x, g}, gx);
        return gx;
    }
}
