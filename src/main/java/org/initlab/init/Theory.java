package org.initlab.init;

import org.initlab.nn.Activation;
import org.initlab.nn.LayerSpec;
import org.initlab.nn.ModelSpec;

/**
 * The per-layer activation std the init formulas predict, compounding from the input's second
 * moment: a weight layer (with its own init if it has one) gives Var[y] = fan_in·Var[w]·E[x²] + Var[b];
 * a (leaky) ReLU on a zero-mean symmetric input keeps E[f²] = (1+a²)/2·E[y²] with mean (1−a)·σ/√(2π).
 * Tanh, Sigmoid, GELU, SiLU and SELU have no such closed form; right after a weight layer or a
 * BatchNorm2d their input is taken as zero-mean Gaussian (a sum over fan_in independent terms, the
 * mean-field assumption) and E[f], E[f²] are integrated numerically ({@link GaussianMoments}); anywhere
 * else (after a pool, another activation, or on the images) nothing is predicted. Pools are outside
 * the formula: the prediction restarts there from the measured output. NaN where nothing is predicted.
 */
public final class Theory {
    private Theory() {}

    /**
     * @param inputSecondMoment E[x²] of the batch fed to the model
     * @param measuredSecondMoment E[out²] of each module as measured (used to restart after pools)
     */
    public static double[] std(ModelSpec model, InitSpec init, double inputSecondMoment, double[] measuredSecondMoment) {
        var shapes = model.shapes();
        double[] std = new double[shapes.size()];
        double m2 = inputSecondMoment; // E[x²] of the current layer's input
        long[] in = model.input();
        for (int i = 0; i < std.length; i++) {
            LayerSpec l = model.layers().get(i);
            double mean = 0;
            if (l instanceof LayerSpec.Conv2d c) {
                m2 = linear(c.initOr(init), new long[] {c.out(), in[0], c.kernel(), c.kernel()}, c.bias(), m2);
            } else if (l instanceof LayerSpec.Linear f) {
                m2 = linear(f.initOr(init), new long[] {f.out(), in[0]}, f.bias(), m2);
            } else if (smooth(l) != null) {
                LayerSpec before = i > 0 ? model.layers().get(i - 1) : null;
                boolean gaussian = before instanceof LayerSpec.Conv2d || before instanceof LayerSpec.Linear || before instanceof LayerSpec.BatchNorm2d;
                if (gaussian && !Double.isNaN(m2)) {
                    double[] m = GaussianMoments.of(smooth(l)::f, Math.sqrt(m2));
                    mean = m[0];
                    m2 = m[1];
                } else {
                    m2 = Double.NaN;
                }
            } else if (l instanceof LayerSpec.ReLU) {
                mean = Math.sqrt(m2 / (2 * Math.PI));
                m2 = m2 / 2;
            } else if (l instanceof LayerSpec.LeakyReLU r) {
                mean = (1 - r.a()) * Math.sqrt(m2 / (2 * Math.PI));
                m2 = m2 * (1 + r.a() * r.a()) / 2;
            } else if (l instanceof LayerSpec.GeneralReLU g) {
                double mu = (1 - g.leak()) * Math.sqrt(m2 / (2 * Math.PI));
                m2 = m2 * (1 + g.leak() * g.leak()) / 2;
                mean = mu - g.sub();
                m2 = m2 - 2 * g.sub() * mu + g.sub() * g.sub();
            } else if (l instanceof LayerSpec.BatchNorm2d) {
                m2 = 1; // γ = 1, β = 0 at init: each channel normalized to mean 0, variance 1 on the batch
            } else if (!(l instanceof LayerSpec.Flatten)) {
                m2 = Double.NaN;
            }
            if (l instanceof LayerSpec.Flatten) {
                std[i] = i > 0 ? std[i - 1] : Math.sqrt(m2);
            } else if (Double.isNaN(m2)) {
                std[i] = Double.NaN;
                m2 = measuredSecondMoment[i];
            } else {
                std[i] = Math.sqrt(Math.max(0, m2 - mean * mean));
            }
            in = shapes.get(i);
        }
        return std;
    }

    /** What the theory line assumes at the module after layer {@code index}, in one sentence ("" where nothing follows). */
    public static String assumption(ModelSpec model, int index) {
        if (index < 0 || index + 1 >= model.layers().size()) return "";
        LayerSpec next = model.layers().get(index + 1);
        String name = ModelSpec.typeName(next);
        if (next instanceof LayerSpec.ReLU || next instanceof LayerSpec.LeakyReLU || next instanceof LayerSpec.GeneralReLU)
            return "theory at " + name + ": E[f²] = (1+a²)/2·E[y²], exact for any zero-mean symmetric input";
        if (smooth(next) != null)
            return "theory at " + name + ": input taken as zero-mean Gaussian (mean field), E[f] and E[f²] integrated numerically";
        if (next instanceof LayerSpec.BatchNorm2d) return "theory at BatchNorm2d: unit variance per channel (γ = 1, β = 0)";
        if (next instanceof LayerSpec.MaxPool2d || next instanceof LayerSpec.AvgPool2d || next instanceof LayerSpec.AdaptiveAvgPool2d)
            return "no theory at " + name + ": it restarts from the measured output";
        return "";
    }

    /** The smooth activation of this layer, or null. */
    static Activation.Kind smooth(LayerSpec l) {
        if (l instanceof LayerSpec.Tanh) return Activation.Kind.TANH;
        if (l instanceof LayerSpec.Sigmoid) return Activation.Kind.SIGMOID;
        if (l instanceof LayerSpec.GELU) return Activation.Kind.GELU;
        if (l instanceof LayerSpec.SiLU) return Activation.Kind.SILU;
        if (l instanceof LayerSpec.SELU) return Activation.Kind.SELU;
        return null;
    }

    private static double linear(InitSpec init, long[] weightShape, boolean hasBias, double m2) {
        if (init.scheme() == Scheme.LSUV) return 1; // LSUV calibrates every weight layer's output to unit variance
        double w = init.weightStd(weightShape);
        double var = Fans.of(weightShape).in() * w * w * m2;
        if (hasBias && init.bias() == InitSpec.Bias.DEFAULT) var += 1.0 / (3 * Fans.of(weightShape).in());
        return var;
    }
}
