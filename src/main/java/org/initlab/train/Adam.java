package org.initlab.train;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.initlab.nn.Floats;
import org.initlab.nn.Param;
import org.nd4j.linalg.api.blas.Level1;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam (Kingma &amp; Ba 2015) as PyTorch: {@code g ← g + wd·w; m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²;
 * w ← w − lr·m̂/(√v̂ + eps)} with {@code m̂ = m/(1−β₁ᵗ)}, {@code v̂ = v/(1−β₂ᵗ)}. Computed as
 * {@code w ← w − lr·√(1−β₂ᵗ)/(1−β₁ᵗ) · m/(√v + eps·√(1−β₂ᵗ))}, which is the same number, in one
 * scratch array per parameter.
 */
public final class Adam implements Optimizer {
    private final double lr, beta1, beta2, eps, weightDecay;
    private final Map<Param, INDArray[]> state = new IdentityHashMap<>(); // m, v, scratch
    private final Map<Param, float[][]> floatState = new IdentityHashMap<>(); // m, v
    private float[] ws, gs;
    private int steps;

    public Adam(double lr, double beta1, double beta2, double eps, double weightDecay) {
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(List<Param> params) {
        steps++;
        double bc1 = 1 - Math.pow(beta1, steps), bc2 = 1 - Math.pow(beta2, steps);
        double stepSize = lr * Math.sqrt(bc2) / bc1, epsHat = eps * Math.sqrt(bc2);
        Level1 blas = Nd4j.getBlasWrapper().level1();
        for (Param p : params) {
            if (Floats.fast(p.value())) {
                floatStep(p, stepSize, epsHat);
                continue;
            }
            INDArray w = p.value(), g = p.grad();
            long n = w.length();
            INDArray[] s = state.computeIfAbsent(p, k -> new INDArray[] {State.zerosLike(w), State.zerosLike(w), State.zerosLike(w)});
            INDArray m = s[0], v = s[1], t = s[2];
            if (weightDecay != 0) blas.axpy(n, weightDecay, w, g);
            m.muli(beta1);
            blas.axpy(n, 1 - beta1, g, m);
            t.assign(g).muli(g);
            v.muli(beta2);
            blas.axpy(n, 1 - beta2, t, v);
            t.assign(v);
            Transforms.sqrt(t, false).addi(epsHat).rdivi(m); // m/(√v + eps')
            blas.axpy(n, -stepSize, t, w);
        }
    }

    /**
     * The same update for a float parameter in one Java loop over copies of w and g: about ten native
     * calls per parameter, each with its own overhead, were a sixth of a training step of the cnn.
     */
    private void floatStep(Param p, double stepSize, double epsHat) {
        int n = (int) p.value().length();
        ws = Floats.read(p.value(), ws);
        gs = Floats.read(p.grad(), gs);
        float[][] s = floatState.computeIfAbsent(p, k -> new float[][] {new float[n], new float[n]});
        float[] m = s[0], v = s[1];
        float b1 = (float) beta1, b2 = (float) beta2, c1 = (float) (1 - beta1), c2 = (float) (1 - beta2);
        float wd = (float) weightDecay, step = (float) stepSize, e = (float) epsHat;
        for (int i = 0; i < n; i++) {
            float g = gs[i] + wd * ws[i];
            m[i] = b1 * m[i] + c1 * g;
            v[i] = b2 * v[i] + c2 * g * g;
            ws[i] -= step * m[i] / ((float) Math.sqrt(v[i]) + e);
        }
        Floats.write(ws, p.value());
    }

    @Override
    public int steps() {
        return steps;
    }
}
