package org.initlab.nn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;
import static org.initlab.nn.OneDnn.F32;

import java.lang.ref.Reference;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.convolution_backward_data;
import org.bytedeco.dnnl.convolution_backward_weights;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.dnnl.reorder;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A float convolution's three oneDNN primitives (forward, input gradient, weight gradient) for one
 * input shape. Arrays stay ND4J's: weights in OIHW, activations in NCHW or in channel blocks
 * ({@link Blocked}) where the layer says so; each is reordered into the layout the kernel picked and
 * back, where the two differ. Results are bitwise those of ND4J's conv2d ops (a scratch comparison,
 * all four seed4 shapes); {@code FastPathTest} holds them to that path, {@code ConvKernelTest} to the reference.
 */
final class OneDnnConv implements ConvKernel {
    private final OneDnn dnn = new OneDnn();
    private final Slot src, weights, dst, bwdSrc, diffDst, bwdDiffDst, bwdWeights, diffSrc, diffWeights;
    private final memory bias, diffBias;
    private final primitive forward, backwardData, backwardWeights;
    private final IntMemoryMap forwardArgs, dataArgs, weightArgs;
    private final boolean blockedOut;
    private INDArray input; // the last forward's x, dense: where the layouts agree, the backward reads the memory the forward bound

    /**
     * @param xShape the logical {@code [N, C, H, W]}; @param blockedIn x and dx come in channel blocks
     * @param blockedOut y and its gradient in channel blocks, when the output's channels allow ({@link #blockedOutput})
     */
    OneDnnConv(long[] xShape, long[] wShape, boolean hasBias, int stride, int padding, boolean blockedIn, boolean blockedOut) {
        long oh = (xShape[2] + 2L * padding - wShape[2]) / stride + 1, ow = (xShape[3] + 2L * padding - wShape[3]) / stride + 1;
        long[] yShape = {xShape[0], wShape[0], oh, ow}, strides = {stride, stride}, pad = {padding, padding};
        memory.desc x = any(xShape), w = any(wShape), y = any(yShape);
        memory.desc b = hasBias ? dnn.own(new memory.desc(new long[] {wShape[0]}, F32, memory.format_tag.x)) : null;
        primitive_attr attr = dnn.own(new primitive_attr());
        attr.set_scratchpad_mode(dnnl.scratchpad_mode.user);
        var direct = dnnl.algorithm.convolution_direct;
        var fd = dnn.own(hasBias ? new convolution_forward.desc(dnnl.prop_kind.forward_training, direct, x, w, b, y, strides, pad, pad)
                                 : new convolution_forward.desc(dnnl.prop_kind.forward_training, direct, x, w, y, strides, pad, pad));
        var fpd = dnn.own(new convolution_forward.primitive_desc(fd, attr, OneDnn.engine()));
        var dpd = dnn.own(new convolution_backward_data.primitive_desc(
            dnn.own(new convolution_backward_data.desc(direct, x, w, y, strides, pad, pad)), attr, OneDnn.engine(), fpd));
        var wd = dnn.own(hasBias ? new convolution_backward_weights.desc(direct, x, w, b, y, strides, pad, pad)
                                 : new convolution_backward_weights.desc(direct, x, w, y, strides, pad, pad));
        var wpd = dnn.own(new convolution_backward_weights.primitive_desc(wd, attr, OneDnn.engine(), fpd));

        this.blockedOut = blockedOut && wShape[0] % Blocked.BLOCK == 0;
        var xTag = blockedIn ? memory.format_tag.nChw8c : memory.format_tag.nchw;
        var yTag = this.blockedOut ? memory.format_tag.nChw8c : memory.format_tag.nchw;
        src = new Slot(xShape, xTag, fpd.src_desc(), null);
        weights = new Slot(wShape, memory.format_tag.oihw, fpd.weights_desc(), null);
        dst = new Slot(yShape, yTag, fpd.dst_desc(), null);
        diffDst = new Slot(yShape, yTag, dpd.diff_dst_desc(), null);
        bwdWeights = new Slot(wShape, memory.format_tag.oihw, dpd.weights_desc(), weights);
        diffSrc = new Slot(xShape, xTag, dpd.diff_src_desc(), null);
        bwdSrc = new Slot(xShape, xTag, wpd.src_desc(), src);
        bwdDiffDst = new Slot(yShape, yTag, wpd.diff_dst_desc(), diffDst);
        diffWeights = new Slot(wShape, memory.format_tag.oihw, wpd.diff_weights_desc(), null);
        bias = hasBias ? dnn.unbound(new long[] {wShape[0]}, memory.format_tag.x) : null;
        diffBias = hasBias ? dnn.unbound(new long[] {wShape[0]}, memory.format_tag.x) : null;

        forward = dnn.own(new convolution_forward(fpd));
        forwardArgs = dnn.args(fpd.scratchpad_desc(), DNNL_ARG_SRC, src.inner, DNNL_ARG_WEIGHTS, weights.inner, DNNL_ARG_DST, dst.inner);
        if (hasBias) forwardArgs.put(DNNL_ARG_BIAS, bias);
        backwardData = dnn.own(new convolution_backward_data(dpd));
        dataArgs = dnn.args(dpd.scratchpad_desc(), DNNL_ARG_DIFF_DST, diffDst.inner, DNNL_ARG_WEIGHTS, bwdWeights.inner, DNNL_ARG_DIFF_SRC, diffSrc.inner);
        backwardWeights = dnn.own(new convolution_backward_weights(wpd));
        weightArgs = dnn.args(wpd.scratchpad_desc(), DNNL_ARG_SRC, bwdSrc.inner, DNNL_ARG_DIFF_DST, bwdDiffDst.inner, DNNL_ARG_DIFF_WEIGHTS, diffWeights.inner);
        if (hasBias) weightArgs.put(DNNL_ARG_DIFF_BIAS, diffBias);
    }

    /** Whether y (and so its gradient) is in channel blocks: asked for, and the output's channels a multiple of eight. */
    @Override
    public boolean blockedOutput() {
        return blockedOut;
    }

    /** {@code y} dense from offset 0, as every array a layer makes; any other array is copied if it is not. */
    @Override
    public void forward(INDArray x, INDArray w, INDArray b, INDArray y) {
        input = OneDnn.dense(x);
        src.in(input);
        weights.in(w);
        if (bias != null) OneDnn.bind(bias, b);
        dst.bind(y);
        forward.execute(dnn.stream, forwardArgs);
        dst.out();
        dnn.stream._wait();
    }

    /**
     * Gradients of the input (unless {@code dx} is null), weights and bias, for the {@code x} and {@code w}
     * of the last {@link #forward}: what it reordered, or the dense input it kept, is used again.
     */
    @Override
    public void backward(INDArray x, INDArray w, INDArray g, INDArray dx, INDArray dw, INDArray db) {
        g = OneDnn.dense(g);
        diffDst.in(g);
        if (dx != null) {
            bwdWeights.in(w);
            diffSrc.bind(dx);
            backwardData.execute(dnn.stream, dataArgs);
            diffSrc.out();
        }
        bwdSrc.in(input);
        bwdDiffDst.in(g);
        diffWeights.bind(dw);
        if (diffBias != null) OneDnn.bind(diffBias, db);
        backwardWeights.execute(dnn.stream, weightArgs);
        diffWeights.out();
        dnn.stream._wait();
        Reference.reachabilityFence(g); // a copy is reachable from nowhere else, and oneDNN reads its memory until here
    }

    /**
     * One tensor as ND4J holds it ({@code user}, NCHW, OIHW or channel blocks) and as the kernel wants it ({@code inner}),
     * with the reorders between them; no copy where the layouts agree. A slot that {@code follows}
     * another with the same layout shares its inner memory and does not reorder again.
     */
    private final class Slot {
        final memory user, inner;
        private final reorder toInner, toUser;
        private final boolean shared;

        Slot(long[] shape, memory.format_tag held, memory.desc wanted, Slot follows) {
            user = dnn.unbound(shape, held);
            shared = follows != null && follows.inner.get_desc().equals(wanted);
            boolean same = user.get_desc().equals(wanted);
            inner = shared ? follows.inner : same ? user : dnn.own(new memory(wanted, OneDnn.engine()));
            toInner = same || shared ? null : dnn.own(new reorder(user, inner));
            toUser = same || shared ? null : dnn.own(new reorder(inner, user));
        }

        /** Brings {@code a} into the kernel's layout (a shared slot has it already). */
        void in(INDArray a) {
            if (shared) return;
            OneDnn.bind(user, a);
            if (toInner != null) toInner.execute(dnn.stream, user, inner);
        }

        void bind(INDArray a) {
            OneDnn.bind(user, a);
        }

        /** After the kernel ran: its result into the array last bound. */
        void out() {
            if (toUser != null) toUser.execute(dnn.stream, inner, user);
        }
    }

    private memory.desc any(long[] shape) {
        return dnn.own(new memory.desc(shape, F32, memory.format_tag.any));
    }

    @Override
    public void close() {
        dnn.close();
    }
}
