package org.initlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * fastai's GeneralRelu: {@code min(leaky_relu(x, leak) - sub, maxv)}. ReLU and LeakyReLU are the
 * special cases (sub 0, no maxv) and keep their own names. In float on the CPU their backward, and
 * LeakyReLU's forward, are oneDNN's element-wise primitives, one vectorized pass ({@link OneDnnRelu});
 * ReLU's forward is ND4J's {@code RectifiedLinear}, which keeps NaN. GeneralReLU goes through one Java
 * loop each way (ND4J's leaky ops are slower still); doubles (gradient checks) and the other backends
 * take ND4J's ops. Tests keep the paths equal.
 */
public final class Relu implements Layer {
    private final String type;
    private final double leak, sub, maxv; // maxv NaN: no clamp
    private final Reused output = new Reused(), inputGrad = new Reused();
    private INDArray x, out;
    private float[] xs, ys, gs;
    private final LastTwo<OneDnnRelu> direct = new LastTwo<>(OneDnnRelu::close); // per input length

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

    private boolean plain() {
        return leak == 0 && sub == 0 && Double.isNaN(maxv);
    }

    /** ReLU or LeakyReLU in float on the CPU: oneDNN's primitives for this length. */
    private OneDnnRelu direct(INDArray x) {
        if (sub != 0 || !Double.isNaN(maxv) || !OneDnn.usable(x.dataType())) return null;
        return direct.get(d -> d.fits(x.length()), () -> new OneDnnRelu(x.length(), (float) leak));
    }

    @Override
    public INDArray forward(INDArray x) {
        out = output.get(x.dataType(), x.shape());
        OneDnnRelu d = direct(x);
        if (d != null) x = OneDnn.dense(x);
        this.x = x;
        if (plain()) {
            Nd4j.exec(new RectifiedLinear(x, out, 0.0)); // keeps NaN, as PyTorch (oneDNN's ReLU makes it 0)
        } else if (d != null) {
            d.forward(x, out);
        } else if (Floats.fast(x)) {
            xs = Floats.read(x, xs);
            int n = (int) x.length();
            if (ys == null || ys.length < n) ys = new float[n];
            float a = (float) leak, s = (float) sub;
            for (int i = 0; i < n; i++) ys[i] = xs[i] * slope(xs[i], a) - s;
            if (!Double.isNaN(maxv)) for (int i = 0; i < n; i++) ys[i] = Math.min(ys[i], (float) maxv);
            Floats.write(ys, out);
        } else {
            Nd4j.exec(new org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU(x, out, leak));
            if (sub != 0) out.subi(sub);
            if (!Double.isNaN(maxv)) Transforms.min(out, maxv, false);
        }
        return out;
    }

    @Override
    public void release() {
        direct.clear();
    }

    /**
     * 1 for x &gt; 0, else the leak, from the sign bits rather than a branch: activation signs are
     * random, so a branch would be mispredicted half the time. +0 and −0 both count as not positive.
     */
    private static float slope(float x, float leak) {
        int bits = Float.floatToRawIntBits(x);
        int notPositive = ((bits - 1) | bits) >>> 31;
        return 1f + notPositive * (leak - 1f);
    }

    @Override
    public INDArray backward(INDArray g, boolean needInputGrad) {
        if (!needInputGrad) return null;
        INDArray gx = inputGrad.get(x.dataType(), x.shape());
        OneDnnRelu d = direct(x);
        if (d != null) {
            d.backward(x, OneDnn.dense(g), gx);
        } else if (Floats.fast(x) && !plain()) { // xs and ys still hold this step's input and output
            gs = Floats.read(g, gs);
            int n = (int) x.length();
            float a = (float) leak;
            for (int i = 0; i < n; i++) gs[i] *= slope(xs[i], a);
            if (!Double.isNaN(maxv)) for (int i = 0; i < n; i++) if (ys[i] >= maxv) gs[i] = 0; // clamped: no gradient
            Floats.write(gs, gx);
        } else { // the leak where x ≤ 0, else 1: NaN passes the gradient, as oneDNN's kernels (and PyTorch's ReLU)
            gx.assign(x.lte(0.0).castTo(x.dataType()).muli(leak - 1).addi(1)).muli(g);
            if (!Double.isNaN(maxv)) gx.muli(out.lt(maxv).castTo(x.dataType()));
        }
        return gx;
    }
}
