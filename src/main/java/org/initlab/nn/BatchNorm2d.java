package org.initlab.nn;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * BatchNorm2d over NCHW (Ioffe &amp; Szegedy 2015, fastai 07): per channel, {@code y = γ·x̂ + β} with
 * {@code x̂ = (x − μ)/√(σ² + eps)}. Training mode uses the batch's μ and biased σ² and updates the
 * running statistics as PyTorch does ({@code r ← (1 − momentum)·r + momentum·batch}, the running
 * variance with the unbiased σ²); eval mode uses the running statistics.
 */
public final class BatchNorm2d implements Layer {
    private final double eps, momentum;
    private final Param weight, bias;
    private final INDArray runningMean, runningVar;
    private boolean training = true;
    private INDArray xhat, invStd; // kept for backward: [N,C,H,W] and [C]

    public BatchNorm2d(int channels, double eps, double momentum, DataType dtype) {
        this.eps = eps;
        this.momentum = momentum;
        weight = new Param("weight", Nd4j.ones(dtype, channels), Nd4j.zeros(dtype, channels));
        bias = new Param("bias", Nd4j.zeros(dtype, channels), Nd4j.zeros(dtype, channels));
        runningMean = Nd4j.zeros(dtype, channels);
        runningVar = Nd4j.ones(dtype, channels);
    }

    @Override public String type() { return "BatchNorm2d"; }

    public boolean training() { return training; }

    /** Training mode normalizes with batch statistics; eval mode with the running ones. */
    public void setTraining(boolean on) { training = on; }

    public INDArray runningMean() { return runningMean; }
    public INDArray runningVar() { return runningVar; }

    /** γ = 1, β = 0, running mean 0 and variance 1: PyTorch's fresh module. */
    public void reset() {
        weight.value().assign(1);
        bias.value().assign(0);
        runningMean.assign(0);
        runningVar.assign(1);
    }

    @Override
    public INDArray forward(INDArray x) {
        INDArray xc = Nd4j.createUninitialized(x.dataType(), x.shape());
        if (training) {
            long count = x.length() / x.size(1);
            INDArray mean = x.mean(0, 2, 3);
            Nd4j.exec(new BroadcastSubOp(x, mean, xc, 1));
            INDArray var = xc.mul(xc).mean(0, 2, 3); // biased: what normalizes
            runningMean.muli(1 - momentum).addi(mean.muli(momentum));
            runningVar.muli(1 - momentum).addi(var.mul(momentum * count / Math.max(1, count - 1)));
            invStd = Transforms.pow(var.addi(eps), -0.5, false);
        } else {
            Nd4j.exec(new BroadcastSubOp(x, runningMean, xc, 1));
            invStd = Transforms.pow(runningVar.add(eps), -0.5, false);
        }
        xhat = xc;
        Nd4j.exec(new BroadcastMulOp(xc, invStd, xhat, 1));
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.shape());
        Nd4j.exec(new BroadcastMulOp(xhat, weight.value(), out, 1));
        Nd4j.exec(new BroadcastAddOp(out, bias.value(), out, 1));
        return out;
    }

    /**
     * dβ = Σg, dγ = Σg·x̂ (sums over N, H, W); in training mode
     * dx = γ/(m·√(σ²+eps)) · (m·g − Σg − x̂·Σg·x̂) with m = N·H·W, since μ and σ² depend on x;
     * in eval mode dx = g·γ/√(σ²+eps).
     */
    @Override
    public INDArray backward(INDArray g, boolean needInputGrad) {
        INDArray dBeta = g.sum(0, 2, 3);
        INDArray dGamma = g.mul(xhat).sum(0, 2, 3);
        bias.grad().addi(dBeta);
        weight.grad().addi(dGamma);
        if (!needInputGrad) return null;
        INDArray scale = weight.value().mul(invStd); // γ/√(σ²+eps), [C]
        INDArray gx = Nd4j.createUninitialized(g.dataType(), g.shape());
        if (!training) {
            Nd4j.exec(new BroadcastMulOp(g, scale, gx, 1));
            return gx;
        }
        double m = g.length() / g.size(1);
        Nd4j.exec(new BroadcastMulOp(xhat, dGamma, gx, 1)); // x̂·Σg·x̂
        gx.rsubi(g.mul(m));                                  // m·g − x̂·Σg·x̂
        Nd4j.exec(new BroadcastSubOp(gx, dBeta, gx, 1));     // − Σg
        Nd4j.exec(new BroadcastMulOp(gx, scale.divi(m), gx, 1));
        return gx;
    }

    @Override
    public List<Param> params() {
        return List.of(weight, bias);
    }
}
