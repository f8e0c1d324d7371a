package org.initlab.init;

import java.util.SplittableRandom;
import org.initlab.nn.BatchNorm2d;
import org.initlab.nn.Floats;
import org.initlab.nn.Layer;
import org.initlab.nn.Param;
import org.initlab.nn.Sequential;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fills weights and biases. All randomness comes from one {@link SplittableRandom} seeded per call,
 * layers in order, so the same spec and seed give identical weights.
 */
public final class Initializer {
    private Initializer() {}

    /**
     * @param batch the images LSUV calibrates on; unused by the other schemes (may be null for them)
     * @return what LSUV did per layer; null for the other schemes
     */
    public static Lsuv.Report init(Sequential model, InitSpec spec, long seed, INDArray batch) {
        init(model, spec, seed);
        if (spec.scheme() != Scheme.LSUV) return null;
        if (batch == null) throw new IllegalArgumentException("LSUV needs a batch of data to calibrate on");
        return Lsuv.apply(model, batch);
    }

    /**
     * Every scheme from its formula; LSUV gets only its orthonormal start here. A layer with its own
     * init ({@code "init"} in the model file) takes that one, bias rule included.
     */
    public static void init(Sequential model, InitSpec modelInit, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < model.size(); i++) {
            Layer layer = model.layers().get(i);
            InitSpec spec = model.spec().layers().get(i).initOr(modelInit);
            if (layer instanceof BatchNorm2d bn) { // γ = 1, β = 0 as PyTorch; no weight formula applies
                bn.reset();
                continue;
            }
            if (layer.params().isEmpty()) continue;
            Param w = layer.params().get(0);
            long[] shape = w.value().shape();
            fill(w.value(), weight(spec, shape, rng));
            if (layer.params().size() > 1) {
                Param b = layer.params().get(1);
                double bound = 1 / Math.sqrt(Fans.of(shape).in());
                fill(b.value(), spec.bias() == InitSpec.Bias.DEFAULT ? uniform(rng, (int) b.value().length(), bound) : new float[(int) b.value().length()]);
            }
        }
    }

    /**
     * The weight values of one layer, row-major in PyTorch's layout. Drawn in double and rounded once
     * to float, the parameters' type; float arrays because re-init runs on every slider move.
     */
    static float[] weight(InitSpec spec, long[] shape, SplittableRandom rng) {
        int n = (int) product(shape);
        double std = spec.weightStd(shape);
        return switch (spec.scheme()) {
            case PYTORCH_DEFAULT, KAIMING_UNIFORM, XAVIER_UNIFORM, LECUN_UNIFORM, UNIFORM -> uniform(rng, n, Gains.uniformBound(std));
            case KAIMING_NORMAL, XAVIER_NORMAL, LECUN_NORMAL, NORMAL -> toFloat(normal(rng, n, std));
            case TRUNC_NORMAL -> toFloat(truncNormal(rng, n, spec.std()));
            case ORTHOGONAL, LSUV -> toFloat(orthogonal(rng, (int) shape[0], n / (int) shape[0], spec.formulaGain()));
            case ZEROS -> new float[n];
        };
    }

    static float[] uniform(SplittableRandom rng, int n, double bound) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
        return v;
    }

    static double[] normal(SplittableRandom rng, int n, double std) {
        double[] v = new double[n];
        for (int i = 0; i < n; i += 2) { // Box–Muller, two at a time
            double r = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())), t = 2 * Math.PI * rng.nextDouble();
            v[i] = std * r * Math.cos(t);
            if (i + 1 < n) v[i + 1] = std * r * Math.sin(t);
        }
        return v;
    }

    /**
     * N(0, std²) cut at ±2·std, the TensorFlow/JAX convention (PyTorch's trunc_normal_ with a = −2·std,
     * b = 2·std), by redrawing what falls outside: the same distribution as PyTorch's inverse-CDF draw.
     */
    static double[] truncNormal(SplittableRandom rng, int n, double std) {
        double[] v = new double[n];
        int i = 0;
        while (i < n) {
            double[] pair = normal(rng, 2, 1);
            for (double z : pair) if (i < n && Math.abs(z) <= 2) v[i++] = std * z;
        }
        return v;
    }

    /**
     * PyTorch's orthogonal_: a [rows, cols] matrix with orthonormal rows (rows ≤ cols) or columns,
     * from the QR of a Gaussian matrix (modified Gram–Schmidt, so R's diagonal is positive), times gain.
     */
    static double[] orthogonal(SplittableRandom rng, int rows, int cols, double gain) {
        boolean transpose = rows < cols;
        int m = Math.max(rows, cols), k = Math.min(rows, cols);
        double[][] q = new double[k][];
        for (int j = 0; j < k; j++) q[j] = normal(rng, m, 1);
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < j; i++) {
                double dot = 0;
                for (int t = 0; t < m; t++) dot += q[i][t] * q[j][t];
                for (int t = 0; t < m; t++) q[j][t] -= dot * q[i][t];
            }
            double norm = 0;
            for (int t = 0; t < m; t++) norm += q[j][t] * q[j][t];
            norm = Math.sqrt(norm);
            for (int t = 0; t < m; t++) q[j][t] /= norm;
        }
        double[] out = new double[rows * cols];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                out[r * cols + c] = gain * (transpose ? q[r][c] : q[c][r]);
        return out;
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return f;
    }

    private static long product(long[] shape) {
        long p = 1;
        for (long d : shape) p *= d;
        return p;
    }

    private static void fill(INDArray target, float[] values) {
        if (Floats.fast(target)) Floats.write(values, target); // one bulk copy: re-init runs on every slider move
        else target.assign(Nd4j.createFromArray(values).reshape(target.shape()).castTo(target.dataType()));
    }
}
