package org.initlab.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.initlab.JsonErrors;
import org.initlab.init.InitSpec;
import org.initlab.init.Nonlinearity;
import org.initlab.init.Scheme;
import org.initlab.nn.ModelSpec;
import org.initlab.nn.Models;
import picocli.CommandLine.Option;

/** Which model and which initialization: options shared by every command that builds a net. */
public final class InitOptions {
    @Option(names = "--model", description = "built-in model (seed4, conv1, mlp20, cnn, tanh10, or mlp-ACT-DxW such as mlp-tanh-10x500) or a model .json file; default seed4 (train: cnn)")
    String model;

    @Option(names = "--init", defaultValue = "pytorch-default", description = "pytorch-default, kaiming-uniform, kaiming-normal, "
        + "xavier-uniform, xavier-normal, lecun-normal, lecun-uniform, normal (--std), uniform (--bound), trunc-normal (--std, cut at ±2·std), "
        + "orthogonal, lsuv, zeros; a Conv2d or Linear with its own \"init\" in the model file keeps that one")
    String init;

    @Option(names = "--a", description = "Kaiming's leaky gain a (default 0: ReLU)")
    Double a;

    @Option(names = "--mode", description = "kaiming-*: fan_in or fan_out (default fan_in)")
    String mode;

    @Option(names = "--bias", description = "default (PyTorch's U(±1/√fan_in)) or zero; default: default for pytorch-default, zero otherwise")
    String bias;

    @Option(names = "--gain", description = "explicit gain of xavier-* and orthogonal (default 1)")
    Double gain;

    @Option(names = "--nonlinearity", description = "linear, sigmoid, tanh, relu, leaky_relu (slope --a) or selu: PyTorch's calculate_gain; "
        + "kaiming-* take it as nonlinearity= (default leaky_relu), xavier-* and orthogonal as their gain")
    String nonlinearity;

    @Option(names = "--std", description = "std of normal and trunc-normal (default 1)")
    Double std;

    @Option(names = "--bound", description = "bound B of uniform, U(−B, B) (default 1)")
    Double bound;

    /** The --model given, else the command's own default. */
    String modelName(String fallback) {
        return model == null ? fallback : model;
    }

    ModelSpec modelSpec(String fallback) throws IOException {
        String name = modelName(fallback);
        if (!name.endsWith(".json")) return Models.byName(name);
        Path p = Path.of(name);
        if (!Files.exists(p)) throw new IllegalArgumentException(p + ": model file is missing");
        ModelSpec m;
        try {
            m = new ObjectMapper().disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT).readValue(p.toFile(), ModelSpec.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(p + ": " + JsonErrors.describe(e));
        }
        try {
            m.shapes(); // an impossible layer (stride 0, a kernel larger than its input) is named with the file
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(p + ": " + e.getMessage(), e);
        }
        return m;
    }

    /** The init the options name; an option its scheme has no use for is an error, even at its default value. */
    InitSpec initSpec() {
        Nonlinearity n = nonlinearity == null ? null : Nonlinearity.parse(nonlinearity);
        InitSpec.Mode m = mode == null ? null : InitSpec.Mode.parse(mode);
        InitSpec.Bias b = bias == null ? null : InitSpec.Bias.parse(bias);
        Scheme s = InitSpec.parse(init, null, null, b, null, n, std, bound).scheme(); // the scheme, nonlinearity, std and bound first
        if (a != null && !InitSpec.usesA(s, n) && s != Scheme.PYTORCH_DEFAULT) throw new IllegalArgumentException(InitSpec.unused("a", s, n, "--"));
        if (mode != null && !s.usesA()) throw new IllegalArgumentException(InitSpec.unused("mode", s, n, "--"));
        if (gain != null && !s.usesGain()) throw new IllegalArgumentException(InitSpec.unused("gain", s, n, "--"));
        return InitSpec.parse(init, a, m, b, gain, n, std, bound);
    }
}
