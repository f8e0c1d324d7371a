package org.initlab.train;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.initlab.nn.Param;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SGD, with momentum as PyTorch (no dampening): {@code g ← g + wd·w; b ← μ·b + g} ({@code b = g} on
 * the first step){@code ; w ← w − lr·b}. With μ = 0, {@code w ← w − lr·g}.
 */
public final class Sgd implements Optimizer {
    private final double lr, momentum, weightDecay;
    private final Map<Param, INDArray> buffers = new IdentityHashMap<>();
    private int steps;

    public Sgd(double lr, double momentum, double weightDecay) {
        this.lr = lr;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(List<Param> params) {
        for (Param p : params) {
            INDArray w = p.value(), g = p.grad();
            long n = w.length();
            if (weightDecay != 0) Nd4j.getBlasWrapper().level1().axpy(n, weightDecay, w, g);
            INDArray d = g;
            if (momentum != 0) {
                INDArray b = buffers.get(p);
                if (b == null) {
                    buffers.put(p, b = State.detached(g));
                } else {
                    b.muli(momentum).addi(g);
                }
                d = b;
            }
            Nd4j.getBlasWrapper().level1().axpy(n, -lr, d, w);
        }
        steps++;
    }

    @Override
    public int steps() {
        return steps;
    }
}
