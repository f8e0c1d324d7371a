package org.initlab.nn;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/** 2-d convolution, NCHW, weights in PyTorch's layout {@code [out, in, kH, kW]}. */
public final class Conv2d implements Layer {
    private final int kernel, stride, padding;
    private final Param weight, bias;
    private INDArray x;

    public Conv2d(int in, int out, int kernel, int stride, int padding, boolean hasBias, DataType dtype) {
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.weight = new Param("weight", Nd4j.zeros(dtype, out, in, kernel, kernel), Nd4j.zeros(dtype, out, in, kernel, kernel));
        this.bias = hasBias ? new Param("bias", Nd4j.zeros(dtype, out), Nd4j.zeros(dtype, out)) : null;
    }

    @Override public String type() { return "Conv2d"; }

    /** kH kW sH sW pH pW dH dW same-mode NCHW(0) OIYX(1): libnd4j's integer arguments. */
    private int[] iArgs() {
        return new int[] {kernel, kernel, stride, stride, padding, padding, 1, 1, 0, 0, 1};
    }

    @Override
    public INDArray forward(INDArray x) {
        this.x = x;
        long h = (x.size(2) + 2L * padding - kernel) / stride + 1;
        long w = (x.size(3) + 2L * padding - kernel) / stride + 1;
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.size(0), weight.value().size(0), h, w);
        var op = DynamicCustomOp.builder("conv2d").addInputs(inputs(x)).addOutputs(out).addIntegerArguments(iArgs()).build();
        Nd4j.exec(op);
        return out;
    }

    @Override
    public INDArray backward(INDArray gradOut, boolean needInputGrad) {
        INDArray gx = Nd4j.createUninitialized(x.dataType(), x.shape());
        INDArray gw = Nd4j.createUninitialized(x.dataType(), weight.value().shape());
        List<INDArray> inputs = new ArrayList<>(List.of(inputs(x)));
        inputs.add(gradOut);
        var b = DynamicCustomOp.builder("conv2d_bp").addInputs(inputs.toArray(INDArray[]::new)).addIntegerArguments(iArgs());
        INDArray gb = null;
        if (bias != null) {
            gb = Nd4j.createUninitialized(x.dataType(), bias.value().shape());
            b.addOutputs(gx, gw, gb);
        } else {
            b.addOutputs(gx, gw);
        }
        Nd4j.exec(b.build());
        weight.grad().addi(gw);
        if (gb != null) bias.grad().addi(gb);
        return needInputGrad ? gx : null;
    }

    private INDArray[] inputs(INDArray x) {
        return bias == null ? new INDArray[] {x, weight.value()} : new INDArray[] {x, weight.value(), bias.value()};
    }

    @Override
    public List<Param> params() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }
}
