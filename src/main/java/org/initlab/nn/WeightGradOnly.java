package org.initlab.nn;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A float convolution's kernel for the first layer, whose dL/dimages nobody uses: forward and a
 * backward with dx go to {@code full}; a backward without dx is one gemm ({@link Matmul}),
 * dw[O, C·k·k] = gᵀ[O, N·P] · patches[N·P, C·k·k] (P = oh·ow output positions), with the patches
 * (im2col) and the transposed gradient laid out by plain Java loops straight into the gemm's native
 * arrays, where the other kernels would compute dx too (most of their time for a 1-channel input).
 * The patches are kept while the images stay the same: a slider moves the weights, not the images.
 */
final class WeightGradOnly implements ConvKernel {
    private final ConvKernel full;
    private final int kernel, stride, padding;
    private final long[] xShape;
    private final int out;
    private int[] patchMap; // this and the rest made at the first backward without dx, which most layers never have
    private float[] padded, cols, biasGrad;
    private INDArray patches, gradT;
    private float[] xs, raw, gs, gathered; // raw: g as read, gs: gᵀ; gathered: the images the patches were taken from, null before any
    private INDArray dw, dw2d; // dw2d: the last dw seen as [O, C·k·k]

    WeightGradOnly(ConvKernel full, long[] xShape, int out, int kernel, int stride, int padding) {
        this.full = full;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.xShape = xShape.clone();
        this.out = out;
    }

    private void allocate() {
        int n = (int) xShape[0], c = (int) xShape[1], h = (int) xShape[2], w = (int) xShape[3];
        int oh = (h + 2 * padding - kernel) / stride + 1, ow = (w + 2 * padding - kernel) / stride + 1;
        patchMap = patchMap(c, h, w, oh, ow);
        padded = new float[c * (h + 2 * padding) * (w + 2 * padding)]; // its border stays 0 for every image
        cols = new float[patchMap.length];
        biasGrad = new float[out];
        try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            patches = Nd4j.createUninitialized(DataType.FLOAT, (long) n * oh * ow, (long) c * kernel * kernel);
            gradT = Nd4j.createUninitialized(DataType.FLOAT, out, (long) n * oh * ow);
        }
    }

    @Override
    public void forward(INDArray x, INDArray w, INDArray b, INDArray y) {
        full.forward(x, w, b, y);
    }

    @Override
    public boolean blockedOutput() {
        return full.blockedOutput();
    }

    @Override
    public void backward(INDArray x, INDArray w, INDArray g, INDArray dx, INDArray dw, INDArray db) {
        if (dx != null) full.backward(x, w, g, dx, dw, db);
        else weightGrad(x, g, dw, db);
    }

    @Override
    public void close() {
        full.close();
    }

    /** For each output position and each (channel, u, v) of its patch: the offset within one zero-padded image ({@link #padded}). */
    private int[] patchMap(int c, int h, int w, int oh, int ow) {
        int ph = h + 2 * padding, pw = w + 2 * padding;
        int[] map = new int[oh * ow * c * kernel * kernel];
        int k = 0;
        for (int i = 0; i < oh; i++)
            for (int j = 0; j < ow; j++)
                for (int ch = 0; ch < c; ch++)
                    for (int u = 0; u < kernel; u++)
                        for (int v = 0; v < kernel; v++) map[k++] = (ch * ph + i * stride + u) * pw + j * stride + v;
        return map;
    }

    private void weightGrad(INDArray x, INDArray g, INDArray dw, INDArray db) {
        if (patches == null) allocate();
        int n = (int) xShape[0], o = out, p = (int) (g.length() / ((long) n * out)), len = (int) x.length();
        xs = Floats.read(x, xs); // the images: a first layer's input is never in blocks
        if (gathered == null || !Arrays.equals(xs, 0, len, gathered, 0, len)) {
            gatherPatches(n);
            if (gathered == null) gathered = new float[len];
            System.arraycopy(xs, 0, gathered, 0, len);
        }
        double[] biasSums = new double[o];
        gs = transposed(g, n, o, p, biasSums);
        Floats.write(gs, gradT);
        Matmul.mul(gradT, false, patches, false, asMatrix(dw, o), 0);
        if (db != null) {
            for (int ch = 0; ch < o; ch++) biasGrad[ch] = (float) biasSums[ch];
            Floats.write(biasGrad, db);
        }
    }

    /**
     * gᵀ as [O, N·P], row o holding channel o's map of each image in turn, from g in NCHW or in channel
     * blocks ({@link Blocked}); adds each map's sum to {@code biasSums}. Each map is written in one run
     * (a block's eight maps are read from one image's few kilobytes, which stay in cache) and summed as it
     * is written, in float over four lanes (the adds need not wait on each other), then in double.
     */
    private float[] transposed(INDArray g, int n, int o, int p, double[] biasSums) {
        raw = Floats.read(g, raw);
        if (gs == null || gs.length < o * n * p) gs = new float[o * n * p];
        boolean blocked = Blocked.is(g);
        int lanes = blocked ? Blocked.BLOCK : 1; // from one pixel of a map to the next in raw
        for (int b = 0; b < n; b++)
            for (int ch = 0; ch < o; ch++) {
                int from = blocked ? ((b * (o / lanes) + ch / lanes) * p) * lanes + ch % lanes : (b * o + ch) * p;
                int to = (ch * n + b) * p, q = 0;
                float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (; q + 3 < p; q += 4) {
                    float v0 = raw[from + q * lanes], v1 = raw[from + (q + 1) * lanes], v2 = raw[from + (q + 2) * lanes], v3 = raw[from + (q + 3) * lanes];
                    gs[to + q] = v0;
                    gs[to + q + 1] = v1;
                    gs[to + q + 2] = v2;
                    gs[to + q + 3] = v3;
                    s0 += v0;
                    s1 += v1;
                    s2 += v2;
                    s3 += v3;
                }
                for (; q < p; q++) {
                    float v = raw[from + q * lanes];
                    gs[to + q] = v;
                    s0 += v;
                }
                biasSums[ch] += (s0 + s1) + (s2 + s3);
            }
        return gs;
    }

    /** dw as [O, C·k·k], a view, so the gemm writes straight into it; made again only when the layer hands another array. */
    private INDArray asMatrix(INDArray dw, int o) {
        if (dw != this.dw)
            try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                dw2d = dw.reshape(o, dw.length() / o);
                this.dw = dw;
            }
        return dw2d;
    }

    /** im2col: each image's patches go into a small array that stays in cache, then once into native memory. */
    private void gatherPatches(int n) {
        int c = (int) xShape[1], h = (int) xShape[2], w = (int) xShape[3], ph = h + 2 * padding, pw = w + 2 * padding;
        FloatBuffer to = Floats.buffer(patches);
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) // the image into the padded one, so the gather below needs no bounds test
                for (int y = 0; y < h; y++) System.arraycopy(xs, ((b * c + ch) * h + y) * w, padded, (ch * ph + y + padding) * pw + padding, w);
            for (int k = 0; k < patchMap.length; k++) cols[k] = padded[patchMap[k]];
            to.put(to.position() + b * patchMap.length, cols, 0, patchMap.length);
        }
    }
}
