package org.initlab.nn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;

import java.lang.ref.Reference;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.eltwise_backward;
import org.bytedeco.dnnl.eltwise_forward;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ReLU or leaky ReLU (x &gt; 0 ? x : leak·x) through oneDNN's element-wise primitives, for tensors of one
 * length (the shape does not matter element-wise). Its backward is one pass over x and the gradient,
 * where ND4J's ops take two. Plain ReLU's forward is ND4J's {@code RectifiedLinear}: oneDNN's makes NaN 0,
 * PyTorch keeps it.
 */
final class OneDnnRelu implements ReluKernel {
    private final OneDnn dnn = new OneDnn();
    private final boolean plain;
    private final memory src, dst, diffDst, diffSrc;
    private final primitive forward, backward;
    private final IntMemoryMap forwardArgs, backwardArgs;
    private RectifiedLinear plainForward; // made once: each new op makes its scalar, a native array, which costs about as long as the ReLU

    OneDnnRelu(long length, float leak) {
        this.plain = leak == 0;
        long[] shape = {length};
        src = dnn.unbound(shape, memory.format_tag.a);
        dst = dnn.unbound(shape, memory.format_tag.a);
        diffDst = dnn.unbound(shape, memory.format_tag.a);
        diffSrc = dnn.unbound(shape, memory.format_tag.a);
        var relu = dnnl.algorithm.eltwise_relu;
        var fpd = dnn.own(new eltwise_forward.primitive_desc(
            dnn.own(new eltwise_forward.desc(dnnl.prop_kind.forward_training, relu, src.get_desc(), leak, 0f)), OneDnn.engine()));
        var bpd = dnn.own(new eltwise_backward.primitive_desc(
            dnn.own(new eltwise_backward.desc(relu, diffDst.get_desc(), src.get_desc(), leak, 0f)), OneDnn.engine(), fpd));
        forward = dnn.own(new eltwise_forward(fpd));
        forwardArgs = dnn.args(DNNL_ARG_SRC, src, DNNL_ARG_DST, dst);
        backward = dnn.own(new eltwise_backward(bpd));
        backwardArgs = dnn.args(DNNL_ARG_SRC, src, DNNL_ARG_DIFF_DST, diffDst, DNNL_ARG_DIFF_SRC, diffSrc);
    }

    /** {@code y} dense from offset 0, as every array a layer makes; {@code x} is copied if it is not. */
    @Override
    public void forward(INDArray x, INDArray y) {
        if (plain) {
            if (plainForward == null) plainForward = new RectifiedLinear(x, y, 0.0);
            plainForward.setX(x);
            plainForward.setZ(y);
            Nd4j.exec(plainForward);
            plainForward.clearArrays(); // holds no step's arrays between steps
            return;
        }
        INDArray dense = OneDnn.dense(x);
        OneDnn.bind(src, dense);
        OneDnn.bind(dst, y);
        forward.execute(dnn.stream, forwardArgs);
        dnn.stream._wait();
        Reference.reachabilityFence(dense); // a copy is reachable from nowhere else, and oneDNN reads its memory until here
    }

    /** dx = g where x &gt; 0 or NaN, else leak·g. */
    @Override
    public void backward(INDArray x, INDArray y, INDArray g, INDArray dx) {
        INDArray xd = OneDnn.dense(x), gd = OneDnn.dense(g);
        OneDnn.bind(src, xd);
        OneDnn.bind(diffDst, gd);
        OneDnn.bind(diffSrc, dx);
        backward.execute(dnn.stream, backwardArgs);
        dnn.stream._wait();
        Reference.reachabilityFence(xd);
        Reference.reachabilityFence(gd);
    }

    @Override
    public void close() {
        dnn.close();
    }
}
