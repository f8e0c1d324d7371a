package org.initlab.init;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * PyTorch's {@code torch.nn.init.calculate_gain} table (1.13): the gain that keeps a layer's output
 * variance when followed by this nonlinearity. leaky_relu takes its negative slope from {@code a}.
 */
public enum Nonlinearity {
    LINEAR, SIGMOID, TANH, RELU, LEAKY_RELU, SELU;

    @JsonValue
    public String id() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static Nonlinearity parse(String s) {
        for (Nonlinearity n : values()) if (n.id().equalsIgnoreCase(s)) return n;
        throw new IllegalArgumentException("unknown nonlinearity '" + s + "' ("
            + Arrays.stream(values()).map(Nonlinearity::id).collect(Collectors.joining(", ")) + ")");
    }

    /** linear, sigmoid → 1; tanh → 5/3; relu → √2; leaky_relu → √(2/(1+a²)); selu → 3/4. */
    public double gain(double a) {
        return switch (this) {
            case LINEAR, SIGMOID -> 1;
            case TANH -> 5.0 / 3;
            case RELU -> Math.sqrt(2);
            case LEAKY_RELU -> Gains.leakyRelu(a);
            case SELU -> 0.75;
        };
    }

    /**
     * The nonlinearity of the activation right after layer {@code index} when that is obvious (ReLU,
     * LeakyReLU, Tanh, Sigmoid, SELU), else null (GELU, SiLU and the rest have no calculate_gain entry).
     */
    public static Nonlinearity following(java.util.List<org.initlab.nn.LayerSpec> layers, int index) {
        if (index < 0 || index + 1 >= layers.size()) return null;
        org.initlab.nn.LayerSpec next = layers.get(index + 1);
        if (next instanceof org.initlab.nn.LayerSpec.ReLU) return RELU;
        if (next instanceof org.initlab.nn.LayerSpec.LeakyReLU) return LEAKY_RELU;
        if (next instanceof org.initlab.nn.LayerSpec.Tanh) return TANH;
        if (next instanceof org.initlab.nn.LayerSpec.Sigmoid) return SIGMOID;
        if (next instanceof org.initlab.nn.LayerSpec.SELU) return SELU;
        return null;
    }

    /**
     * What the window presets for {@code scheme} on the weight layer at {@code index}: the following
     * activation's nonlinearity, except that Kaiming keeps its leaky gain a (no nonlinearity) before a
     * ReLU or LeakyReLU, where the a slider already says it; null for schemes without a nonlinearity.
     */
    public static Nonlinearity preset(Scheme scheme, java.util.List<org.initlab.nn.LayerSpec> layers, int index) {
        if (!scheme.usesNonlinearity()) return null;
        Nonlinearity n = following(layers, index);
        return scheme.usesA() && (n == RELU || n == LEAKY_RELU) ? null : n;
    }

    @Override
    public String toString() {
        return id();
    }
}
