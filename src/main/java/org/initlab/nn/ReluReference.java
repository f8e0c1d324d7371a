package org.initlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link Relu}'s f and f′ in plain loops: in float arithmetic for float arrays (GeneralReLU's kernel in
 * float, as no library has its shift and clamp in one pass), in double for doubles (the finite-difference
 * checks). The readable definition the other kernels are held to.
 */
final class ReluReference implements ReluKernel {
    private final double leak, sub, maxv; // maxv NaN: no clamp
    private final boolean clamped;
    private float[] xs, ys, gs; // kept from call to call: in float this runs on every step

    ReluReference(double leak, double sub, double maxv) {
        this.leak = leak;
        this.sub = sub;
        this.maxv = maxv;
        this.clamped = !Double.isNaN(maxv);
    }

    /** y = min((x ≤ 0 ? leak·x : x) − sub, maxv): NaN stays NaN; plain ReLU gives 0 at −∞ (where 0·x would be NaN). */
    @Override
    public void forward(INDArray x, INDArray y) {
        int n = (int) x.length();
        if (Floats.fast(x)) {
            xs = Floats.read(x, xs);
            if (ys == null || ys.length < n) ys = new float[n];
            float a = (float) leak, s = (float) sub, m = (float) maxv;
            for (int i = 0; i < n; i++) {
                float v = (xs[i] <= 0 ? (a == 0 ? 0 : a * xs[i]) : xs[i]) - s;
                ys[i] = clamped ? Math.min(v, m) : v;
            }
            Floats.write(ys, y);
        } else {
            double[] v = Floats.doubles(x);
            for (int i = 0; i < n; i++) {
                v[i] = (v[i] <= 0 ? (leak == 0 ? 0 : leak * v[i]) : v[i]) - sub;
                if (clamped) v[i] = Math.min(v[i], maxv);
            }
            Floats.assign(v, y);
        }
    }

    /** dx = g·(x ≤ 0 ? leak : 1), and 0 where the clamp holds (y ≥ maxv): NaN and −0 as PyTorch's ReLU (NaN passes g, ±0 takes the leak). */
    @Override
    public void backward(INDArray x, INDArray y, INDArray g, INDArray dx) {
        int n = (int) x.length();
        if (Floats.fast(x)) {
            xs = Floats.read(x, xs);
            ys = Floats.read(y, ys);
            gs = Floats.read(g, gs);
            float a = (float) leak, m = (float) maxv; // y was clamped to the float m, which may lie below maxv
            for (int i = 0; i < n; i++) gs[i] = clamped && ys[i] >= m ? 0 : gs[i] * (xs[i] <= 0 ? a : 1);
            Floats.write(gs, dx);
        } else {
            double[] xv = Floats.doubles(x), yv = Floats.doubles(y), gv = Floats.doubles(g);
            for (int i = 0; i < n; i++) gv[i] = clamped && yv[i] >= maxv ? 0 : gv[i] * (xv[i] <= 0 ? leak : 1);
            Floats.assign(gv, dx);
        }
    }
}
