package org.initlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** libnd4j's {@code conv2d} and {@code conv2d_bp} ops: the kernel for doubles and for {@code bench --ops nd4j}. */
final class Nd4jConv implements ConvKernel {
    private final NativeOp conv, convBackward;
    private final Reused unusedDx = new Reused(), biasShape = new Reused(); // conv2d_bp always computes dx, and takes the bias only for its shape

    Nd4jConv(int kernel, int stride, int padding) {
        // kH kW sH sW pH pW dH dW same-mode NCHW(0) OIYX(1): libnd4j's integer arguments
        int[] iArgs = {kernel, kernel, stride, stride, padding, padding, 1, 1, 0, 0, 1};
        conv = new NativeOp("conv2d", iArgs);
        convBackward = new NativeOp("conv2d_bp", iArgs);
    }

    @Override
    public void forward(INDArray x, INDArray w, INDArray b, INDArray y) {
        conv.exec(b == null ? new INDArray[] {x, w} : new INDArray[] {x, w, b}, y);
    }

    @Override
    public void backward(INDArray x, INDArray w, INDArray g, INDArray dx, INDArray dw, INDArray db) {
        if (dx == null) dx = unusedDx.get(x.dataType(), x.shape());
        if (db == null) convBackward.exec(new INDArray[] {x, w, g}, dx, dw);
        else convBackward.exec(new INDArray[] {x, w, biasShape.get(db.dataType(), db.shape()), g}, dx, dw, db);
    }
}
