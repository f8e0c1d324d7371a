package org.initlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link Conv2d}'s formulas in plain loops, in double whatever the arrays' dtype (each result rounded
 * once to it): the readable definition that the finite-difference checks cover and the other kernels
 * are held to. Every formula is a sum over the same products w[o,c,u,v]·x[n,c,i·s+u−p, j·s+v−p]
 * ({@link #taps}); only what each product adds into differs.
 */
final class ConvReference implements ConvKernel {
    private final int stride, padding;

    ConvReference(int stride, int padding) {
        this.stride = stride;
        this.padding = padding;
    }

    /** y[n,o,i,j] = b[o] + Σ_{c,u,v} w[o,c,u,v]·x[n,c,i·s+u−p, j·s+v−p]. */
    @Override
    public void forward(INDArray x, INDArray w, INDArray b, INDArray y) {
        double[] xs = Floats.doubles(x), ws = Floats.doubles(w), ys = new double[(int) y.length()];
        if (b != null) {
            double[] bs = Floats.doubles(b);
            int o = (int) y.size(1), plane = (int) (y.size(2) * y.size(3));
            for (int k = 0; k < ys.length; k++) ys[k] = bs[k / plane % o];
        }
        taps(x, w, y, (yi, wi, xi) -> ys[yi] += ws[wi] * xs[xi]);
        Floats.assign(ys, y);
    }

    /**
     * db[o] = Σ_{n,i,j} g[n,o,i,j]; dw[o,c,u,v] = Σ_{n,i,j} g[n,o,i,j]·x[n,c,i·s+u−p, j·s+v−p];
     * dx[n,c,r,q] = Σ over the products that read x[n,c,r,q] of w[o,c,u,v]·g[n,o,i,j].
     */
    @Override
    public void backward(INDArray x, INDArray w, INDArray g, INDArray dx, INDArray dw, INDArray db) {
        double[] xs = Floats.doubles(x), ws = Floats.doubles(w), gs = Floats.doubles(g);
        double[] dxs = new double[xs.length], dws = new double[ws.length];
        taps(x, w, g, (yi, wi, xi) -> {
            dws[wi] += gs[yi] * xs[xi];
            dxs[xi] += ws[wi] * gs[yi];
        });
        Floats.assign(dws, dw);
        if (dx != null) Floats.assign(dxs, dx);
        if (db != null) {
            double[] dbs = new double[(int) db.length()];
            int o = dbs.length, plane = (int) (g.size(2) * g.size(3));
            for (int k = 0; k < gs.length; k++) dbs[k / plane % o] += gs[k];
            Floats.assign(dbs, db);
        }
    }

    /** One product of the convolution's sums, by its row-major offsets in y (or g), w and x. */
    private interface Tap {
        void at(int yi, int wi, int xi);
    }

    /** Every product w[o,c,u,v]·x[n,c,i·s+u−p, j·s+v−p] whose x lies inside the image (the padding is zeros). */
    private void taps(INDArray x, INDArray w, INDArray y, Tap tap) {
        int n = (int) x.size(0), c = (int) x.size(1), h = (int) x.size(2), wd = (int) x.size(3);
        int o = (int) w.size(0), k = (int) w.size(2), oh = (int) y.size(2), ow = (int) y.size(3);
        for (int a = 0; a < n; a++)
            for (int f = 0; f < o; f++)
                for (int i = 0; i < oh; i++)
                    for (int j = 0; j < ow; j++) {
                        int yi = ((a * o + f) * oh + i) * ow + j;
                        for (int ch = 0; ch < c; ch++)
                            for (int u = 0; u < k; u++)
                                for (int v = 0; v < k; v++) {
                                    int r = i * stride + u - padding, q = j * stride + v - padding;
                                    if (r >= 0 && r < h && q >= 0 && q < wd)
                                        tap.at(yi, ((f * c + ch) * k + u) * k + v, ((a * c + ch) * h + r) * wd + q);
                                }
                    }
    }
}
