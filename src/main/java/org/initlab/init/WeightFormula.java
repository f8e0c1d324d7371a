package org.initlab.init;

import java.util.List;
import java.util.Locale;
import org.initlab.nn.LayerSpec;
import org.initlab.nn.ModelSpec;

/**
 * The init formula of one weight layer with its live numbers, for display: fans, gain, the target
 * std and, for uniform schemes, the bound b of U(−b, b) (b = √3·std).
 *
 * @param formula the formula in symbols, e.g. {@code std = gain(a)/√fan_in, gain(a) = √(2/(1+a²))}
 * @param numbers the same with this layer's numbers filled in
 */
public record WeightFormula(int layer, String layerName, long[] weightShape, long fanIn, long fanOut, long fan, double gain,
                            double std, double bound, boolean uniform, String formula, String numbers) {

    /**
     * The formula for layer {@code index} under its own init if it has one, else {@code modelInit};
     * null when that layer has no weight or the shapes up to it are impossible.
     */
    public static WeightFormula of(ModelSpec model, int index, InitSpec modelInit) {
        if (index < 0 || index >= model.layers().size()) return null;
        List<long[]> shapes;
        try { // only the layers up to this one matter: a later impossible layer does not hide this formula
            shapes = model.withLayers(model.layers().subList(0, index + 1)).shapes();
        } catch (IllegalArgumentException e) {
            return null;
        }
        long[] in = index == 0 ? model.input() : shapes.get(index - 1);
        LayerSpec l = model.layers().get(index);
        InitSpec init = l.initOr(modelInit);
        long[] w;
        String name;
        if (l instanceof LayerSpec.Conv2d c) {
            w = new long[] {c.out(), in[0], c.kernel(), c.kernel()};
            name = c.describe(in);
        } else if (l instanceof LayerSpec.Linear f) {
            w = new long[] {f.out(), in[0]};
            name = f.describe(in);
        } else {
            return null;
        }
        Fans fans = Fans.of(w);
        long fan = init.mode() == InitSpec.Mode.FAN_OUT && init.scheme().usesA() ? fans.out() : fans.in();
        String fanName = init.mode() == InitSpec.Mode.FAN_OUT && init.scheme().usesA() ? "fan_out" : "fan_in";
        double gain = init.formulaGain(), std = init.weightStd(w);
        boolean uniform = init.uniform();
        double bound = uniform ? Gains.uniformBound(std) : Double.NaN;
        String formula, numbers;
        String tail = uniform ? ", bound = √3·std" : "";
        String boundNum = uniform ? ", bound = " + f(bound) : "";
        switch (init.scheme()) {
            case PYTORCH_DEFAULT, KAIMING_UNIFORM, KAIMING_NORMAL -> {
                double a = init.scheme() == Scheme.PYTORCH_DEFAULT ? Math.sqrt(5) : init.a();
                if (init.nonlinearity() == null) {
                    formula = "gain(a) = √(2/(1+a²)),  std = gain(a)/√" + fanName + tail;
                    numbers = "a = " + f(a) + ",  " + fanName + " = " + fan + ",  gain = " + f(gain);
                } else {
                    formula = "gain = calculate_gain(" + init.nonlinearity().id() + "),  std = gain/√" + fanName + tail;
                    numbers = gainNumbers(init) + ",  " + fanName + " = " + fan;
                }
                numbers += ",  std = " + f(gain) + "/√" + fan + " = " + f(std) + boundNum;
            }
            case XAVIER_UNIFORM, XAVIER_NORMAL -> {
                formula = (init.nonlinearity() == null ? "" : "gain = calculate_gain(" + init.nonlinearity().id() + "),  ")
                    + "std = gain·√(2/(fan_in+fan_out))" + tail;
                numbers = (init.nonlinearity() == null ? "" : gainNumbers(init) + ",  ") + "fan_in = " + fans.in() + ",  fan_out = " + fans.out()
                    + ",  gain = " + f(gain) + ",  std = " + f(std) + boundNum;
            }
            case LECUN_NORMAL, LECUN_UNIFORM -> {
                formula = "std = 1/√fan_in" + (uniform ? ",  bound = √(3/fan_in)" : "");
                numbers = "fan_in = " + fans.in() + ",  std = 1/√" + fans.in() + " = " + f(std) + boundNum;
            }
            case NORMAL -> {
                formula = "w ~ N(0, std²), std given (torch.nn.init.normal_)";
                numbers = "std = " + f(std);
            }
            case UNIFORM -> {
                formula = "w ~ U(−bound, bound), bound given (uniform_(−b, b)),  std = bound/√3";
                numbers = "bound = " + f(bound) + ",  std = " + f(std);
            }
            case TRUNC_NORMAL -> {
                formula = "N(0, std²) redrawn outside ±2·std (TensorFlow/JAX; trunc_normal_(std, a=−2·std, b=2·std)),  sample std = 0.8796·std";
                numbers = "std = " + f(init.std()) + ",  cut at ±" + f(2 * init.std()) + ",  sample std = " + f(std);
            }
            case ORTHOGONAL, LSUV -> {
                formula = (init.nonlinearity() == null ? "" : "gain = calculate_gain(" + init.nonlinearity().id() + "),  ")
                    + "orthonormal rows: std = gain/√max(out, fan_in)" + (init.scheme() == Scheme.LSUV ? ", then rescaled to unit output variance" : "");
                numbers = "out = " + w[0] + ",  fan_in = " + fans.in() + ",  gain = " + f(gain) + ",  std = " + f(std);
            }
            default -> {
                formula = "w = 0";
                numbers = "std = 0";
            }
        }
        if (init.bias() == InitSpec.Bias.DEFAULT) numbers += ";  bias ~ U(±1/√" + fans.in() + ") = U(±" + f(1 / Math.sqrt(fans.in())) + ")";
        return new WeightFormula(index, name, w, fans.in(), fans.out(), fan, gain, std, bound, uniform, formula, numbers);
    }

    /** calculate_gain's value for this nonlinearity, e.g. {@code tanh → 5/3 = 1.667}. */
    private static String gainNumbers(InitSpec init) {
        String exact = switch (init.nonlinearity()) {
            case LINEAR, SIGMOID -> "1";
            case TANH -> "5/3";
            case RELU -> "√2";
            case LEAKY_RELU -> "√(2/(1+a²)), a = " + f(init.a());
            case SELU -> "3/4";
        };
        return init.nonlinearity().id() + " → " + exact;
    }

    private static String f(double v) {
        // Locale.US, not ROOT: for any other locale Formatter builds a DecimalFormatSymbols per call, and this runs on every update
        return String.format(Locale.US, "%.4g", v);
    }
}
