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
        int area = (int) (nchw[2] * nchw[3]), lanes = lanes();
        float[] m = new float[(int) (nchw[0] * nchw[1])];
        for (int map = 0; map < m.length; map++) {
            int at = start(map, area, lanes);
            double s = 0;
            for (int j = 0; j < area; j++, at += lanes) s += xs[at];
            m[map] = (float) (s / area);
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
        for (int map = 0, lanes = lanes(); map < gs.length; map++) {
            float share = gs[map] / area;
            int at = start(map, area, lanes);
            for (int j = 0; j < area; j++, at += lanes) xs[at] = share;
        }
        INDArray gx = inputGrad.get(g.dataType(), inShape);
        Floats.write(xs, gx);
        return gx;
    }

    /**
     * Where map {@code map} (= n·C + c) starts in the input's elements: NCHW keeps a map together, blocks
     * interleave eight ({@code lanes}), a block's maps one element apart.
     */
    private static int start(int map, int area, int lanes) {
        int inBlock = map & (lanes - 1);
        return (map - inBlock) * area + inBlock;
    }

    /** From one pixel of a map to the next: 1 in NCHW, the block's width in blocks. */
    private int lanes() {
        return inShape.length == 4 ? 1 : Blocked.BLOCK;
    }
}
