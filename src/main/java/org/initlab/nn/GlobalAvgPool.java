package org.initlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** AdaptiveAvgPool2d(1): the mean over each channel's H×W, keeping {@code [N, C, 1, 1]}. */
public final class GlobalAvgPool implements Layer {
    private long[] inShape;
    private final Reused output = new Reused(), inputGrad = new Reused();
    private float[] xs;

    @Override public String type() { return "AdaptiveAvgPool2d"; }

    @Override
    public INDArray forward(INDArray x) {
        inShape = x.shape();
        if (!Floats.fast(x)) return x.mean(2, 3).reshape(inShape[0], inShape[1], 1, 1);
        xs = Floats.read(x, xs);
        int maps = (int) (inShape[0] * inShape[1]), area = (int) (inShape[2] * inShape[3]);
        float[] m = new float[maps];
        for (int i = 0, k = 0; i < maps; i++) {
            double s = 0;
            for (int j = 0; j < area; j++) s += xs[k++];
            m[i] = (float) (s / area);
        }
        INDArray out = output.get(x.dataType(), inShape[0], inShape[1], 1, 1);
        Floats.write(m, out);
        return out;
    }

    @Override
    public INDArray backward(INDArray g, boolean needInputGrad) {
        if (!needInputGrad) return null;
        int area = (int) (inShape[2] * inShape[3]);
        // every input pixel receives an equal share of its channel's gradient
        if (!Floats.fast(g)) return Nd4j.zeros(g.dataType(), inShape).addi(g.div(area));
        float[] gs = Floats.read(g, null);
        if (xs.length < gs.length * area) xs = new float[gs.length * area];
        for (int i = 0, k = 0; i < gs.length; i++) {
            float share = gs[i] / area;
            for (int j = 0; j < area; j++) xs[k++] = share;
        }
        INDArray gx = inputGrad.get(g.dataType(), inShape);
        Floats.write(xs, gx);
        return gx;
    }
}
