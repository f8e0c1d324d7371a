package org.initlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * AdaptiveAvgPool2d(1): the mean over each channel's H×W, keeping {@code [N, C, 1, 1]}:
 * <pre>
 *   y[n,c]       = (1/HW)·Σ_{h,w} x[n,c,h,w]
 *   dx[n,c,h,w]  = g[n,c] / HW
 * </pre>
 * x may come in channel blocks ({@link Blocked}); its gradient goes back in the same layout.
 */
public final class GlobalAvgPool implements Layer {
    private long[] inShape;
    private final Reused output = new Reused(), inputGrad = new Reused();
    private float[] xs;

    @Override public String type() { return "AdaptiveAvgPool2d"; }

    @Override
    public INDArray forward(INDArray x) {
        inShape = x.shape();
        long[] nchw = Blocked.logical(inShape);
        if (!Floats.fast(x)) return x.mean(2, 3).reshape(nchw[0], nchw[1], 1, 1);
        xs = Floats.read(x, xs);
        int maps = (int) (nchw[0] * nchw[1]), area = (int) (nchw[2] * nchw[3]);
        float[] m = new float[maps];
        for (int i = 0; i < maps; i++) {
            int at = start(i, area), step = step();
            double s = 0;
            for (int j = 0; j < area; j++, at += step) s += xs[at];
            m[i] = (float) (s / area);
        }
        INDArray out = output.get(x.dataType(), nchw[0], nchw[1], 1, 1);
        Floats.write(m, out);
        return out;
    }

    @Override
    public INDArray backward(INDArray g, boolean needInputGrad) {
        if (!needInputGrad) return null;
        long[] nchw = Blocked.logical(inShape);
        int area = (int) (nchw[2] * nchw[3]);
        // every input pixel receives an equal share of its channel's gradient
        if (!Floats.fast(g)) return Nd4j.zeros(g.dataType(), inShape).addi(g.div(area));
        float[] gs = Floats.read(g, null);
        if (xs.length < gs.length * area) xs = new float[gs.length * area];
        for (int i = 0; i < gs.length; i++) {
            float share = gs[i] / area;
            int at = start(i, area), step = step();
            for (int j = 0; j < area; j++, at += step) xs[at] = share;
        }
        INDArray gx = inputGrad.get(g.dataType(), inShape);
        Floats.write(xs, gx);
        return gx;
    }

    /** Where map i (= n·C + c) starts in the input's elements: NCHW keeps a map together, blocks interleave eight. */
    private int start(int map, int area) {
        if (inShape.length == 4) return map * area;
        int c = map % (int) (inShape[1] * Blocked.BLOCK), n = map / (int) (inShape[1] * Blocked.BLOCK);
        return ((n * (int) inShape[1] + c / Blocked.BLOCK) * area) * Blocked.BLOCK + c % Blocked.BLOCK;
    }

    /** From one pixel of a map to the next. */
    private int step() {
        return inShape.length == 4 ? 1 : Blocked.BLOCK;
    }
}
