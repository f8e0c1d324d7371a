package org.initlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.initlab.JsonErrors;
import org.initlab.init.InitSpec;
import org.initlab.init.Scheme;
import org.initlab.nn.ModelSpec;
import org.initlab.nn.Models;
import picocli.CommandLine.Option;

/** Which model and which initialization: options shared by every command that builds a net. */
public final class InitOptions {
    @Option(names = "--model", description = "built-in model (seed4, conv1, mlp20, cnn) or a model .json file; default seed4 (train: cnn)")
    String model;

    @Option(names = "--init", defaultValue = "pytorch-default", description = "pytorch-default, kaiming-uniform, kaiming-normal, xavier-uniform, xavier-normal, lecun-normal, orthogonal, lsuv, zeros")
    String init;

    @Option(names = "--a", defaultValue = "0", description = "Kaiming's leaky gain a (default 0: ReLU)")
    double a;

    @Option(names = "--mode", defaultValue = "fan_in", description = "fan_in or fan_out")
    String mode;

    @Option(names = "--bias", description = "default (PyTorch's U(±1/√fan_in)) or zero; default: default for pytorch-default, zero otherwise")
    String bias;

    @Option(names = "--gain", defaultValue = "1", description = "gain of xavier-* and orthogonal")
    double gain;

    /** The --model given, else the command's own default. */
    String modelName(String fallback) {
        return model == null ? fallback : model;
    }

    ModelSpec modelSpec(String fallback) throws IOException {
        String name = modelName(fallback);
        if (!name.endsWith(".json")) return Models.byName(name);
        Path p = Path.of(name);
        if (!Files.exists(p)) throw new IllegalArgumentException(p + ": model file is missing");
        try {
            return new ObjectMapper().readValue(p.toFile(), ModelSpec.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(p + ": " + JsonErrors.describe(e));
        }
    }

    InitSpec initSpec() {
        return new InitSpec(Scheme.parse(init), a, InitSpec.Mode.parse(mode), bias == null ? null : InitSpec.Bias.parse(bias), gain);
    }
}
