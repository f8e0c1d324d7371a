package org.initlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * fastai's GeneralRelu; ReLU and LeakyReLU are its special cases (sub 0, no maxv) and keep their names:
 * <pre>
 *   y     = min((x ≤ 0 ? leak·x : x) − sub, maxv)
 *   dL/dx = g·(x ≤ 0 ? leak : 1) where y &lt; maxv, else 0
 * </pre>
 * As PyTorch: NaN stays NaN and passes the gradient; ±0 take the leak. {@link ReluReference} is these
 * formulas in plain loops; the arithmetic runs in a {@link ReluKernel} chosen once per input shape and
 * dtype ({@link #kernel}).
 */
public final class Relu implements Layer {
    private final String type;
    private final double leak, sub, maxv; // maxv NaN: no clamp
    private final Reused output = new Reused(), inputGrad = new Reused();
    private final Kernels.PerShape<ReluKernel> kernels = new Kernels.PerShape<>();
    private ReluKernel current; // the last forward's, which its backward must use
    private INDArray x, y;

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
        y = output.get(x.dataType(), x.shape());
        boolean general = sub != 0 || !Double.isNaN(maxv); // oneDNN has ReLU and LeakyReLU only; the loop does the rest in one pass
        current = kernels.get(x, Kernels.choose(x.dataType(), !general, general), this::kernel);
        current.forward(x, y);
        return y;
    }

    @Override
    public INDArray backward(INDArray g, boolean needInputGrad) {
        if (!needInputGrad) return null;
        if (current == null) throw new IllegalStateException(type + ".backward needs a forward first (none since release())");
        INDArray dx = inputGrad.get(x.dataType(), x.shape());
        current.backward(x, y, g, dx);
        return dx;
    }

    private ReluKernel kernel(Kernels.Choice choice) {
        return switch (choice) {
            case REFERENCE -> new ReluReference(leak, sub, maxv);
            case ND4J -> new Nd4jRelu(leak, sub, maxv);
            case ONEDNN -> new OneDnnRelu(x.length(), (float) leak);
        };
    }

    @Override
    public void release() {
        kernels.clear();
        current = null;
    }
}
