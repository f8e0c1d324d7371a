package org.initlab.nn;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A float convolution's kernel for the first layer, whose dL/dimages nobody uses: forward and a
 * backward with dx go to {@code full}; a backward without dx is one gemm,
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
        gs = transposed(g, n, o, p);
        double[] biasSums = new double[o];
        for (int b = 0; b < n; b++)
            for (int ch = 0; ch < o; ch++) {
                int src = (ch * n + b) * p;
                float s0 = 0, s1 = 0, s2 = 0, s3 = 0; // one image's map in float, four lanes: the adds need not wait on each other
                int q = 0;
                for (; q + 3 < p; q += 4) {
                    s0 += gs[src + q];
                    s1 += gs[src + q + 1];
                    s2 += gs[src + q + 2];
                    s3 += gs[src + q + 3];
                }
                for (; q < p; q++) s0 += gs[src + q];
                biasSums[ch] += (s0 + s1) + (s2 + s3);
            }
        Floats.write(gs, gradT);
        Nd4j.gemm(gradT, patches, asMatrix(dw, o), false, false, 1.0, 0.0);
        if (db != null) {
            for (int ch = 0; ch < o; ch++) biasGrad[ch] = (float) biasSums[ch];
            Floats.write(biasGrad, db);
        }
    }

    /** gᵀ as [O, N·P], row o holding channel o's map of each image in turn, from g in NCHW or in channel blocks ({@link Blocked}). */
    private float[] transposed(INDArray g, int n, int o, int p) {
        raw = Floats.read(g, raw);
        if (gs == null || gs.length < o * n * p) gs = new float[o * n * p];
        if (Blocked.is(g))
            for (int b = 0, k = 0; b < n; b++)
                for (int cb = 0; cb < o / Blocked.BLOCK; cb++)
                    for (int q = 0; q < p; q++)
                        for (int c = 0; c < Blocked.BLOCK; c++) gs[((cb * Blocked.BLOCK + c) * n + b) * p + q] = raw[k++];
        else
            for (int b = 0; b < n; b++)
                for (int ch = 0; ch < o; ch++) System.arraycopy(raw, (b * o + ch) * p, gs, (ch * n + b) * p, p);
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
