package org.initlab.nn;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** 2-d convolution, NCHW, weights in PyTorch's layout {@code [out, in, kH, kW]}. */
public final class Conv2d implements Layer {
    private final int kernel, stride, padding;
    private final Param weight, bias;
    private final NativeOp conv, convBackward;
    private final Reused out = new Reused(), gx = new Reused(), gw = new Reused(), gb = new Reused(), patches = new Reused(), gradT = new Reused();
    private INDArray x;
    private final LastTwo<OneDnnConv> direct = new LastTwo<>(OneDnnConv::close); // float on the CPU: oneDNN's primitives per input shape
    private boolean forwardWasDirect; // the backward pass reuses what that forward reordered

    public Conv2d(int in, int out, int kernel, int stride, int padding, boolean hasBias, DataType dtype) {
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.weight = new Param("weight", Nd4j.zeros(dtype, out, in, kernel, kernel), Nd4j.zeros(dtype, out, in, kernel, kernel));
        this.bias = hasBias ? new Param("bias", Nd4j.zeros(dtype, out), Nd4j.zeros(dtype, out)) : null;
        this.conv = new NativeOp("conv2d", iArgs());
        this.convBackward = new NativeOp("conv2d_bp", iArgs());
    }

    @Override public String type() { return "Conv2d"; }

    /** kH kW sH sW pH pW dH dW same-mode NCHW(0) OIYX(1): libnd4j's integer arguments. */
    private int[] iArgs() {
        return new int[] {kernel, kernel, stride, stride, padding, padding, 1, 1, 0, 0, 1};
    }

    @Override
    public INDArray forward(INDArray x) {
        long h = (x.size(2) + 2L * padding - kernel) / stride + 1;
        long w = (x.size(3) + 2L * padding - kernel) / stride + 1;
        INDArray y = out.get(x.dataType(), x.size(0), weight.value().size(0), h, w);
        OneDnnConv d = direct(x);
        forwardWasDirect = d != null;
        if (d != null) {
            this.x = x = OneDnn.dense(x);
            d.forward(x, weight.value(), bias == null ? null : bias.value(), y);
        } else {
            this.x = x;
            conv.exec(inputs(x), y);
        }
        return y;
    }

    /** The oneDNN path for this input's shape; null where it does not apply. */
    private OneDnnConv direct(INDArray x) {
        if (!OneDnn.usable(x.dataType())) return null;
        return direct.get(d -> d.fits(x.shape()), () -> new OneDnnConv(x.shape(), weight.value().shape(), bias != null, stride, padding));
    }

    @Override
    public INDArray backward(INDArray gradOut, boolean needInputGrad) {
        if (!needInputGrad && Floats.fast(x)) {
            weightGradOnly(gradOut);
            return null;
        }
        INDArray dx = gx.get(x.dataType(), x.shape()), dw = gw.get(x.dataType(), weight.value().shape());
        INDArray db = bias == null ? null : gb.get(x.dataType(), bias.value().shape());
        if (forwardWasDirect) {
            direct.current().backward(x, weight.value(), OneDnn.dense(gradOut), needInputGrad ? dx : null, dw, db);
        } else {
            INDArray[] inputs = bias == null ? new INDArray[] {x, weight.value(), gradOut} : new INDArray[] {x, weight.value(), bias.value(), gradOut};
            if (db != null) convBackward.exec(inputs, dx, dw, db);
            else convBackward.exec(inputs, dx, dw);
        }
        accumulate(weight.grad(), dw);
        if (db != null) accumulate(bias.grad(), db);
        return needInputGrad ? dx : null;
    }

    private float[] xs, padded, gs, cols, gathered;
    private INDArray gatheredInto; // the patches array last filled, from the images in gathered
    private INDArray weightGrad2d;
    private int[] patchMap;
    private long patchMapKey = -1;

    /** For each output position and each (channel, u, v) of its patch: the offset within one zero-padded image ({@link #padded}). */
    private int[] patchMap(int c, int h, int w, int oh, int ow) {
        long key = ((long) c * 4096 + h) * 4096 + w;
        if (key == patchMapKey) return patchMap;
        int ph = h + 2 * padding, pw = w + 2 * padding;
        int[] map = new int[oh * ow * c * kernel * kernel];
        int k = 0;
        for (int i = 0; i < oh; i++)
            for (int j = 0; j < ow; j++)
                for (int ch = 0; ch < c; ch++)
                    for (int u = 0; u < kernel; u++)
                        for (int v = 0; v < kernel; v++) map[k++] = (ch * ph + i * stride + u) * pw + j * stride + v;
        patchMap = map;
        patchMapKey = key;
        gatheredInto = null; // its patches were laid out by the old map
        padded = new float[c * ph * pw]; // its border stays 0 for every image of this size
        return map;
    }

    /**
     * The first layer's backward: dL/dimages is never used, but conv2d_bp would compute it (most of
     * its time for a 1-channel input). Instead one gemm: dW[O, C·k·k] = gᵀ[O, N·P] · patches[N·P, C·k·k],
     * with the patches (im2col) and the transposed gradient laid out by plain Java loops, image by
     * image, straight into the gemm's native arrays. The patches are kept while the images stay the
     * same (a lab step at one batch): a third of this backward at batch 512.
     */
    private void weightGradOnly(INDArray g) {
        int n = (int) x.size(0), c = (int) x.size(1), h = (int) x.size(2), w = (int) x.size(3);
        int o = (int) g.size(1), oh = (int) g.size(2), ow = (int) g.size(3), p = oh * ow, ckk = c * kernel * kernel;
        xs = Floats.read(x, xs);
        int[] map = patchMap(c, h, w, oh, ow);
        INDArray cols2d = patches.get(x.dataType(), (long) n * p, ckk);
        int len = (int) x.length();
        // a slider moves the weights, not the images: the patches of the same images are still in cols2d
        if (cols2d != gatheredInto || gathered.length < len || !Arrays.equals(xs, 0, len, gathered, 0, len)) {
            gatherPatches(map, cols2d, n, c, h, w);
            if (gathered == null || gathered.length < len) gathered = new float[len]; // kept: training brings new images every step
            System.arraycopy(xs, 0, gathered, 0, len);
            gatheredInto = cols2d;
        }
        gs = Floats.read(g, gs);
        INDArray gT = gradT.get(x.dataType(), o, (long) n * p);
        FloatBuffer gt = Floats.buffer(gT);
        double[] biasSums = new double[o];
        for (int b = 0; b < n; b++)
            for (int ch = 0; ch < o; ch++) {
                int src = (b * o + ch) * p;
                gt.put(gt.position() + (ch * n + b) * p, gs, src, p);
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
        if (weightGrad2d == null) // a view, so the gemm adds straight into the gradient
            try (var outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                weightGrad2d = weight.grad().reshape(o, ckk);
            }
        Nd4j.gemm(gT, cols2d, weightGrad2d, false, false, 1.0, 1.0);
        if (bias != null) {
            float[] acc = Floats.read(bias.grad(), null);
            for (int ch = 0; ch < o; ch++) acc[ch] += (float) biasSums[ch];
            Floats.write(acc, bias.grad());
        }
    }

    /** im2col: each image's patches go into a small array that stays in cache, then once into native memory. */
    private void gatherPatches(int[] map, INDArray cols2d, int n, int c, int h, int w) {
        int ph = h + 2 * padding, pw = w + 2 * padding;
        if (cols == null || cols.length < map.length) cols = new float[map.length];
        FloatBuffer to = Floats.buffer(cols2d);
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) // the image into the padded one, so the gather below needs no bounds test
                for (int y = 0; y < h; y++) System.arraycopy(xs, ((b * c + ch) * h + y) * w, padded, (ch * ph + y + padding) * pw + padding, w);
            for (int k = 0; k < map.length; k++) cols[k] = padded[map[k]];
            to.put(to.position() + b * map.length, cols, 0, map.length);
        }
    }

    @Override
    public void release() {
        direct.clear();
        forwardWasDirect = false;
    }

    private static void accumulate(INDArray grad, INDArray delta) {
        if (Floats.fast(grad)) Floats.accumulate(grad, delta);
        else grad.addi(delta);
    }

    private INDArray[] inputs(INDArray x) {
        return bias == null ? new INDArray[] {x, weight.value()} : new INDArray[] {x, weight.value(), bias.value()};
    }

    @Override
    public List<Param> params() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }
}
