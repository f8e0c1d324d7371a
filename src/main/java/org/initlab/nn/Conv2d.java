package org.initlab.nn;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * 2-d convolution (PyTorch's: a cross-correlation), NCHW, weights {@code [out, in, k, k]}, stride s,
 * zero padding p:
 * <pre>
 *   y[n,o,i,j]   = b[o] + Σ_{c,u,v} w[o,c,u,v]·x[n,c,i·s+u−p, j·s+v−p]
 * and with g = dL/dy
 *   db[o]       += Σ_{n,i,j} g[n,o,i,j]
 *   dw[o,c,u,v] += Σ_{n,i,j} g[n,o,i,j]·x[n,c,i·s+u−p, j·s+v−p]
 *   dx[n,c,r,q]  = Σ_{o,u,v: i·s+u−p = r, j·s+v−p = q} w[o,c,u,v]·g[n,o,i,j]
 * </pre>
 * {@link ConvReference} is these sums in plain loops; the arithmetic runs in a {@link ConvKernel}
 * chosen once per input shape and dtype ({@link #kernel}). x may come, and y go, in channel blocks
 * ({@link Blocked}): from and to other convolutions, as {@link Sequential} plans.
 */
public final class Conv2d implements Layer {
    private final int kernel, stride, padding;
    private final Param weight, bias;
    private final Reused out = new Reused(), gx = new Reused(), gw = new Reused(), gb = new Reused();
    private final Kernels.PerShape<ConvKernel> kernels = new Kernels.PerShape<>();
    private ConvKernel current; // the last forward's, which its backward must use
    private INDArray x;
    private boolean blockedOut; // y may go in channel blocks: its readers take them

    public Conv2d(int in, int out, int kernel, int stride, int padding, boolean hasBias, DataType dtype) {
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.weight = new Param("weight", Nd4j.zeros(dtype, out, in, kernel, kernel), Nd4j.zeros(dtype, out, in, kernel, kernel));
        this.bias = hasBias ? new Param("bias", Nd4j.zeros(dtype, out), Nd4j.zeros(dtype, out)) : null;
    }

    @Override public String type() { return "Conv2d"; }

    /** Lets y go in channel blocks where the kernel is oneDNN's: what reads it (through element-wise layers) is a convolution or a global pool. */
    void blockedOutput() {
        blockedOut = true;
    }

    @Override
    public INDArray forward(INDArray x) {
        this.x = x;
        long[] xs = Blocked.logical(x.shape());
        long h = (xs[2] + 2L * padding - kernel) / stride + 1, w = (xs[3] + 2L * padding - kernel) / stride + 1;
        // blocks come from a oneDNN convolution, so oneDNN is loaded and the input float
        Kernels.Choice choice = Blocked.is(x) ? Kernels.Choice.ONEDNN : Kernels.choose(x.dataType(), true, false);
        current = kernels.get(x, choice, c -> kernel(c, xs, Blocked.is(x)));
        long[] ys = {xs[0], weight.value().size(0), h, w};
        INDArray y = out.get(x.dataType(), current.blockedOutput() ? Blocked.shape(ys) : ys);
        current.forward(x, weight.value(), bias == null ? null : bias.value(), y);
        return y;
    }

    @Override
    public INDArray backward(INDArray g, boolean needInputGrad) {
        if (current == null) throw new IllegalStateException("Conv2d.backward needs a forward first (none since release())");
        DataType type = x.dataType();
        INDArray dx = needInputGrad ? gx.get(type, x.shape()) : null, dw = gw.get(type, weight.value().shape());
        INDArray db = bias == null ? null : gb.get(type, bias.value().shape());
        current.backward(x, weight.value(), g, dx, dw, db);
        accumulate(weight.grad(), dw);
        if (bias != null) accumulate(bias.grad(), db);
        return dx;
    }

    /** The chosen kernel for inputs of this shape; in float, the first layer's backward (no dx) takes {@link WeightGradOnly}. */
    private ConvKernel kernel(Kernels.Choice choice, long[] xShape, boolean blockedIn) {
        long[] wShape = weight.value().shape();
        ConvKernel k = switch (choice) {
            case REFERENCE -> new ConvReference(stride, padding);
            case ND4J -> new Nd4jConv(kernel, stride, padding);
            case ONEDNN -> new OneDnnConv(xShape, wShape, bias != null, stride, padding, blockedIn, blockedOut);
        };
        boolean fast = choice != Kernels.Choice.REFERENCE && x.dataType() == DataType.FLOAT;
        return fast ? new WeightGradOnly(k, xShape, (int) wShape[0], kernel, stride, padding) : k;
    }

    @Override
    public void release() {
        kernels.clear();
        current = null;
    }

    private static void accumulate(INDArray grad, INDArray delta) {
        if (Floats.fast(grad)) Floats.accumulate(grad, delta);
        else grad.addi(delta);
    }

    @Override
    public List<Param> params() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }
}
