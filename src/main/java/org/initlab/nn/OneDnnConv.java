package org.initlab.nn;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.convolution_backward_data;
import org.bytedeco.dnnl.convolution_backward_weights;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.Pointer;
import org.initlab.AppLog;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A float convolution straight through oneDNN's primitives, made once per input shape and kept.
 * ND4J's conv2d and conv2d_bp reach the same oneDNN kernels, but describe, choose and allocate
 * everything anew on every call: about a third of a seed4 step at batch 100 went there (perf).
 * Arrays stay ND4J's, in NCHW and OIHW; each is reordered into the layout the kernel picked and
 * back, as ND4J does. Results are bitwise those of ND4J's ops (a scratch comparison, all four
 * seed4 shapes); {@code FastPathTest} holds them to the ND4J path.
 */
final class OneDnnConv implements AutoCloseable {
    private static final memory.data_type F32 = memory.data_type.f32;

    /** The CPU engine, or null where oneDNN's natives do not load (another platform). */
    private static final engine ENGINE = load();

    private static engine load() {
        try {
            return new engine(engine.kind.cpu, 0);
        } catch (Throwable e) { // UnsatisfiedLinkError and friends: ND4J's own ops still work
            AppLog.error("oneDNN did not load; convolutions use ND4J's ops", e);
            return null;
        }
    }

    static boolean available() {
        return ENGINE != null;
    }

    /** Off: every convolution takes ND4J's ops, to compare the two paths ({@code bench --conv nd4j}, tests). */
    static volatile boolean enabled = true;

    private final List<Pointer> owned = new ArrayList<>(); // what close() frees: made once per shape, never per call
    private final stream stream = own(new stream(ENGINE)); // a stream is not thread-safe: one per layer
    private final long[] xShape;
    private final Slot src, weights, dst, bwdSrc, diffDst, bwdDiffDst, bwdWeights, diffSrc, diffWeights;
    private final memory bias, diffBias;
    private final primitive forward, backwardData, backwardWeights;
    private final IntMemoryMap forwardArgs = own(new IntMemoryMap()), dataArgs = own(new IntMemoryMap()), weightArgs = own(new IntMemoryMap());

    OneDnnConv(long[] xShape, long[] wShape, boolean hasBias, int stride, int padding) {
        this.xShape = xShape.clone();
        long oh = (xShape[2] + 2L * padding - wShape[2]) / stride + 1, ow = (xShape[3] + 2L * padding - wShape[3]) / stride + 1;
        long[] yShape = {xShape[0], wShape[0], oh, ow}, strides = {stride, stride}, pad = {padding, padding};
        memory.desc x = any(xShape), w = any(wShape), y = any(yShape);
        memory.desc b = hasBias ? own(new memory.desc(new long[] {wShape[0]}, F32, memory.format_tag.x)) : null;
        primitive_attr attr = own(new primitive_attr());
        attr.set_scratchpad_mode(dnnl.scratchpad_mode.user); // the scratchpad is allocated here, not at every call
        var direct = dnnl.algorithm.convolution_direct;
        var fd = own(hasBias ? new convolution_forward.desc(dnnl.prop_kind.forward_training, direct, x, w, b, y, strides, pad, pad)
                             : new convolution_forward.desc(dnnl.prop_kind.forward_training, direct, x, w, y, strides, pad, pad));
        var fpd = own(new convolution_forward.primitive_desc(fd, attr, ENGINE));
        var dpd = own(new convolution_backward_data.primitive_desc(
            own(new convolution_backward_data.desc(direct, x, w, y, strides, pad, pad)), attr, ENGINE, fpd));
        var wd = own(hasBias ? new convolution_backward_weights.desc(direct, x, w, b, y, strides, pad, pad)
                             : new convolution_backward_weights.desc(direct, x, w, y, strides, pad, pad));
        var wpd = own(new convolution_backward_weights.primitive_desc(wd, attr, ENGINE, fpd));

        src = new Slot(xShape, memory.format_tag.nchw, fpd.src_desc(), null);
        weights = new Slot(wShape, memory.format_tag.oihw, fpd.weights_desc(), null);
        dst = new Slot(yShape, memory.format_tag.nchw, fpd.dst_desc(), null);
        diffDst = new Slot(yShape, memory.format_tag.nchw, dpd.diff_dst_desc(), null);
        bwdWeights = new Slot(wShape, memory.format_tag.oihw, dpd.weights_desc(), weights);
        diffSrc = new Slot(xShape, memory.format_tag.nchw, dpd.diff_src_desc(), null);
        bwdSrc = new Slot(xShape, memory.format_tag.nchw, wpd.src_desc(), src);
        bwdDiffDst = new Slot(yShape, memory.format_tag.nchw, wpd.diff_dst_desc(), diffDst);
        diffWeights = new Slot(wShape, memory.format_tag.oihw, wpd.diff_weights_desc(), null);
        bias = hasBias ? own(new memory(b, ENGINE, null)) : null;
        diffBias = hasBias ? own(new memory(b, ENGINE, null)) : null;

        forward = own(new convolution_forward(fpd));
        args(forwardArgs, fpd.scratchpad_desc(), dnnl.DNNL_ARG_SRC, src.inner, dnnl.DNNL_ARG_WEIGHTS, weights.inner, dnnl.DNNL_ARG_DST, dst.inner);
        if (hasBias) forwardArgs.put(dnnl.DNNL_ARG_BIAS, bias);
        backwardData = own(new convolution_backward_data(dpd));
        args(dataArgs, dpd.scratchpad_desc(), dnnl.DNNL_ARG_DIFF_DST, diffDst.inner, dnnl.DNNL_ARG_WEIGHTS, bwdWeights.inner, dnnl.DNNL_ARG_DIFF_SRC, diffSrc.inner);
        backwardWeights = own(new convolution_backward_weights(wpd));
        args(weightArgs, wpd.scratchpad_desc(), dnnl.DNNL_ARG_SRC, bwdSrc.inner, dnnl.DNNL_ARG_DIFF_DST, bwdDiffDst.inner,
            dnnl.DNNL_ARG_DIFF_WEIGHTS, diffWeights.inner);
        if (hasBias) weightArgs.put(dnnl.DNNL_ARG_DIFF_BIAS, diffBias);
    }

    /** Made for inputs of this shape (batch included). */
    boolean fits(long[] shape) {
        return java.util.Arrays.equals(xShape, shape);
    }

    void forward(INDArray x, INDArray w, INDArray b, INDArray y) {
        src.in(x);
        weights.in(w);
        if (bias != null) bias.set_data_handle(address(b));
        dst.bind(y);
        forward.execute(stream, forwardArgs);
        dst.out();
        stream._wait();
    }

    /**
     * Gradients of the input (unless {@code dx} is null), weights and bias, for the {@code x} and {@code w}
     * of the last {@link #forward}: what it reordered is used again where the layouts agree.
     */
    void backward(INDArray x, INDArray w, INDArray g, INDArray dx, INDArray dw, INDArray db) {
        diffDst.in(g);
        if (dx != null) {
            bwdWeights.in(w);
            diffSrc.bind(dx);
            backwardData.execute(stream, dataArgs);
            diffSrc.out();
        }
        bwdSrc.in(x);
        bwdDiffDst.in(g);
        diffWeights.bind(dw);
        if (diffBias != null) diffBias.set_data_handle(address(db));
        backwardWeights.execute(stream, weightArgs);
        diffWeights.out();
        stream._wait();
    }

    /**
     * One tensor as ND4J holds it ({@code user}, plain layout) and as the kernel wants it ({@code inner}),
     * with the reorders between them; no copy where the layouts agree. A slot that {@code follows}
     * another with the same layout shares its inner memory and does not reorder again.
     */
    private final class Slot {
        final memory user, inner;
        private final reorder toInner, toUser;
        private final boolean shared;

        Slot(long[] shape, memory.format_tag plain, memory.desc wanted, Slot follows) {
            memory.desc userDesc = own(new memory.desc(shape, F32, plain));
            user = own(new memory(userDesc, ENGINE, null));
            shared = follows != null && follows.inner.get_desc().equals(wanted);
            boolean same = userDesc.equals(wanted);
            inner = shared ? follows.inner : same ? user : own(new memory(wanted, ENGINE));
            toInner = same || shared ? null : own(new reorder(user, inner));
            toUser = same || shared ? null : own(new reorder(inner, user));
        }

        /** Brings {@code a} into the kernel's layout (a shared slot has it already). */
        void in(INDArray a) {
            if (shared) return;
            user.set_data_handle(address(a));
            if (toInner != null) toInner.execute(stream, user, inner);
        }

        void bind(INDArray a) {
            user.set_data_handle(address(a));
        }

        /** After the kernel ran: its result into the array last bound. */
        void out() {
            if (toUser != null) toUser.execute(stream, inner, user);
        }
    }

    private void args(IntMemoryMap map, memory.desc scratchpad, Object... pairs) {
        for (int i = 0; i < pairs.length; i += 2) map.put((Integer) pairs[i], (memory) pairs[i + 1]);
        map.put(dnnl.DNNL_ARG_SCRATCHPAD, own(new memory(scratchpad, ENGINE)));
    }

    private memory.desc any(long[] shape) {
        return own(new memory.desc(shape, F32, memory.format_tag.any));
    }

    /** The first element's address; the layer hands over dense row-major arrays from offset 0. */
    private static Pointer address(INDArray a) {
        if (a.dataType() != DataType.FLOAT || a.offset() != 0 || !Floats.contiguous(a))
            throw new IllegalArgumentException("oneDNN convolution needs dense float arrays; got " + a.shapeInfoToString());
        return a.data().addressPointer();
    }

    private <P extends Pointer> P own(P p) {
        owned.add(p);
        return p;
    }

    @Override
    public void close() {
        for (int i = owned.size() - 1; i >= 0; i--) owned.get(i).close();
        owned.clear();
    }

    /** Where {@link Conv2d} may take this path: float arrays on the CPU backend (not CUDA's), with oneDNN loaded. */
    static boolean usable(DataType type) {
        return enabled && type == DataType.FLOAT && CPU && available();
    }

    private static final boolean CPU = Nd4j.getBackend().getClass().getSimpleName().startsWith("Cpu");
}
