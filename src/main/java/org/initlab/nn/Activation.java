package org.initlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The smooth element-wise activations, as PyTorch 1.13 defines them. Each kind states its forward
 * f(x) and its derivative f′(x) side by side; the derivative may use the output y = f(x). Floats go
 * through one Java loop each way (in double inside, rounded once); doubles (gradient checks) through
 * the same formulas on a copy.
 */
public final class Activation implements Layer {
    /** SELU's λ and α (Klambauer et al. 2017), PyTorch's constants. */
    public static final double SELU_LAMBDA = 1.0507009873554805, SELU_ALPHA = 1.6732632423543772;

    public enum Kind {
        /** f = tanh x; f′ = 1 − y². */
        TANH("Tanh") {
            @Override public double f(double x) { return Math.tanh(x); }
            @Override public double df(double x, double y) { return 1 - y * y; }
        },
        /** f = σ(x) = 1/(1 + e^(−x)); f′ = y(1 − y). */
        SIGMOID("Sigmoid") {
            @Override public double f(double x) { return sigmoid(x); }
            @Override public double df(double x, double y) { return y * (1 - y); }
        },
        /** f = x·Φ(x), Φ the normal CDF in its exact erf form (PyTorch's default, not the tanh approximation); f′ = Φ(x) + x·φ(x). */
        GELU("GELU") {
            @Override public double f(double x) { return x * Erf.phiCdf(x); }
            @Override public double df(double x, double y) { return Erf.phiCdf(x) + x * Erf.phiPdf(x); }
        },
        /** f = x·σ(x); f′ = σ(x)·(1 + x·(1 − σ(x))). */
        SILU("SiLU") {
            @Override public double f(double x) { return x * sigmoid(x); }
            @Override public double df(double x, double y) {
                double s = sigmoid(x);
                return s * (1 + x * (1 - s));
            }
        },
        /** f = λx for x &gt; 0, λα(eˣ − 1) else; f′ = λ for x &gt; 0, y + λα else. */
        SELU("SELU") {
            @Override public double f(double x) { return x > 0 ? SELU_LAMBDA * x : SELU_LAMBDA * SELU_ALPHA * Math.expm1(x); }
            @Override public double df(double x, double y) { return x > 0 ? SELU_LAMBDA : y + SELU_LAMBDA * SELU_ALPHA; }
        };

        private final String type;

        Kind(String type) {
            this.type = type;
        }

        /** The JSON and PyTorch module name. */
        public String type() {
            return type;
        }

        public abstract double f(double x);

        /** f′(x), given y = f(x). */
        public abstract double df(double x, double y);

        private static double sigmoid(double x) {
            // e^(−|x|) never overflows: for x < 0, σ(x) = eˣ/(1 + eˣ)
            double e = Math.exp(-Math.abs(x));
            return x >= 0 ? 1 / (1 + e) : e / (1 + e);
        }
    }

    private final Kind kind;
    private final Reused output = new Reused(), inputGrad = new Reused();
    private INDArray x;
    private float[] xs, ys, gs;

    public Activation(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String type() {
        return kind.type();
    }

    @Override
    public INDArray forward(INDArray x) {
        this.x = x;
        INDArray out = output.get(x.dataType(), x.shape());
        int n = (int) x.length();
        if (Floats.fast(x)) {
            xs = Floats.read(x, xs);
            if (ys == null || ys.length < n) ys = new float[n];
            for (int i = 0; i < n; i++) ys[i] = (float) kind.f(xs[i]);
            Floats.write(ys, out);
        } else {
            double[] v = Floats.doubles(x);
            for (int i = 0; i < n; i++) v[i] = kind.f(v[i]);
            Floats.assign(v, out);
        }
        return out;
    }

    @Override
    public INDArray backward(INDArray g, boolean needInputGrad) {
        if (!needInputGrad) return null;
        INDArray gx = inputGrad.get(x.dataType(), x.shape());
        int n = (int) x.length();
        if (Floats.fast(x)) { // xs and ys still hold this step's input and output
            gs = Floats.read(g, gs);
            for (int i = 0; i < n; i++) gs[i] = (float) (gs[i] * kind.df(xs[i], ys[i]));
            Floats.write(gs, gx);
        } else {
            double[] xv = Floats.doubles(x), gv = Floats.doubles(g);
            for (int i = 0; i < n; i++) gv[i] *= kind.df(xv[i], kind.f(xv[i]));
            Floats.assign(gv, gx);
        }
        return gx;
    }
}
