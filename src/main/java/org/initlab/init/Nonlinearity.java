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

    @Override
    public String toString() {
        return id();
    }
}
