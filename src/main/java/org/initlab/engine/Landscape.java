package org.initlab.engine;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.initlab.init.InitSpec;
import org.initlab.init.Initializer;
import org.initlab.init.Scheme;
import org.initlab.nn.Sequential;
import org.initlab.stats.TensorStats;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every module's activation std as Kaiming's leaky gain {@code a} goes from 0 to {@value #A_MAX}: the
 * "why √5" picture. Each {@code a} re-initializes the same model with the same seed, so the weights
 * differ only by the gain √(2/(1+a²)) and the curves are smooth rather than seed noise.
 */
public final class Landscape {
    public static final double A_MAX = 3;
    /** Points along a: every 0.1. */
    public static final int STEPS = 31;

    /**
     * @param a    the gains computed, ascending
     * @param std  std[k][m]: module m's activation std at a[k]
     * @param types module types, by index
     * @param scheme the Kaiming scheme the curves use (see {@link #family})
     */
    public record Result(double[] a, double[][] std, List<String> types, InitSpec scheme) {
        /** Module m's std at every a, as a line. */
        public double[] module(int m) {
            double[] v = new double[a.length];
            for (int k = 0; k < a.length; k++) v[k] = std[k][m];
            return v;
        }
    }

    private Landscape() {}

    /**
     * The Kaiming scheme whose {@code a} the landscape varies: the init itself if it is one; PyTorch's
     * default is kaiming-uniform with its uniform bias (so the curve passes through it at a = √5); any other
     * scheme is shown against kaiming-uniform, with its fan mode and bias.
     */
    public static InitSpec family(InitSpec init) {
        if (init.scheme().usesA()) return init;
        if (init.scheme() == Scheme.PYTORCH_DEFAULT) return new InitSpec(Scheme.KAIMING_UNIFORM, init.a(), init.mode(), InitSpec.Bias.DEFAULT, 1);
        return new InitSpec(Scheme.KAIMING_UNIFORM, 0, init.mode(), init.bias(), 1);
    }

    /** Null if {@code cancelled} said so between two values of a. */
    public static Result run(Sequential model, InitSpec init, long seed, Batch batch, BooleanSupplier cancelled) {
        InitSpec family = family(init);
        double[] a = new double[STEPS];
        double[][] std = new double[STEPS][];
        for (int k = 0; k < STEPS; k++) {
            if (cancelled.getAsBoolean()) return null;
            a[k] = A_MAX * k / (STEPS - 1);
            Initializer.init(model, family.withA(a[k]), seed, batch.x());
            INDArray[] outs = model.forward(batch.x());
            std[k] = new double[outs.length];
            for (int m = 0; m < outs.length; m++) std[k][m] = TensorStats.of(outs[m]).std();
        }
        return new Result(a, std, model.layers().stream().map(l -> l.type()).toList(), family);
    }
}
