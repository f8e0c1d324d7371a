package org.initlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.initlab.AppFolders;
import org.initlab.data.DataException;
import org.initlab.data.Mnist;
import org.initlab.init.InitSpec;
import org.initlab.nn.ModelSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by commands that run a model on data: which model, which init, which images. */
public final class ModelOptions {
    @Mixin InitOptions init;

    @Option(names = "--batch", defaultValue = "100", description = "images per batch; default ${DEFAULT-VALUE}")
    int batch;

    @Option(names = "--split", defaultValue = "test", description = "train or test; default ${DEFAULT-VALUE}")
    String split;

    @Option(names = "--offset", defaultValue = "0", description = "index of the first image; default ${DEFAULT-VALUE}")
    int offset;

    @Option(names = "--data", description = "folder of IDX files; default: the bundled MNIST")
    Path data;

    /** The model (default seed4, the notebook's net). */
    ModelSpec modelSpec() throws IOException {
        return init.modelSpec("seed4");
    }

    String modelName() {
        return init.modelName("seed4");
    }

    InitSpec initSpec() {
        return init.initSpec();
    }

    Mnist.Split splitValue() {
        return Mnist.Split.parse(split);
    }

    void validate() {
        if (batch <= 0) throw new IllegalArgumentException("--batch must be > 0 (got " + batch + ")");
        if (offset < 0) throw new IllegalArgumentException("--offset must be ≥ 0 (got " + offset + ")");
    }

    /** --data as given (relative to the working directory), else the bundled MNIST. */
    Path dataFolder() {
        return data != null ? data : AppFolders.bundled(AppFolders.MNIST);
    }

    Mnist loadData() throws DataException {
        return Mnist.load(dataFolder());
    }
}
