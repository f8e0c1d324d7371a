package org.initlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.initlab.data.DataException;
import org.initlab.data.Mnist;
import org.initlab.init.InitSpec;
import org.initlab.init.Scheme;
import org.initlab.nn.ModelSpec;
import org.initlab.nn.Models;
import picocli.CommandLine.Option;

/** Options shared by commands that run a model on data: which model, which init, which images. */
public final class ModelOptions {
    @Option(names = "--model", defaultValue = "seed4", description = "built-in model (${COMPLETION-CANDIDATES}) or a model .json file; default ${DEFAULT-VALUE}")
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

    @Option(names = "--batch", defaultValue = "100", description = "images per batch")
    int batch;

    @Option(names = "--split", defaultValue = "test", description = "train or test")
    String split;

    @Option(names = "--offset", defaultValue = "0", description = "index of the first image")
    int offset;

    @Option(names = "--data", defaultValue = "data/mnist", description = "folder of IDX files")
    Path data;

    ModelSpec modelSpec() throws IOException {
        if (model.endsWith(".json")) {
            Path p = Path.of(model);
            if (!Files.exists(p)) throw new IllegalArgumentException(p + ": model file is missing");
            try {
                return new ObjectMapper().readValue(p.toFile(), ModelSpec.class);
            } catch (IOException e) {
                throw new IllegalArgumentException(p + ": " + JsonErrors.describe(e));
            }
        }
        return Models.byName(model);
    }

    InitSpec initSpec() {
        return new InitSpec(Scheme.parse(init), a, InitSpec.Mode.parse(mode), bias == null ? null : InitSpec.Bias.parse(bias), gain);
    }

    Mnist.Split splitValue() {
        return Mnist.Split.parse(split);
    }

    void validate() {
        if (batch <= 0) throw new IllegalArgumentException("--batch must be > 0 (got " + batch + ")");
        if (offset < 0) throw new IllegalArgumentException("--offset must be ≥ 0 (got " + offset + ")");
    }

    Mnist loadData() throws DataException {
        return Mnist.load(data);
    }
}
