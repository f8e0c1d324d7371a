package org.initlab.engine;

import java.nio.file.Path;
import org.initlab.data.Mnist;
import org.initlab.init.InitSpec;
import org.initlab.nn.ModelSpec;

/**
 * Everything the lab computes from: model, init, seed, which images, where the data lives, and
 * whether to keep stepping over successive batches. Immutable; the UI sends a whole new one per change.
 */
public record LabConfig(ModelSpec spec, InitSpec init, long seed, Mnist.Split split, int offset, int batchSize, Path data, boolean running) {
    public LabConfig {
        if (spec == null || init == null || split == null || data == null) throw new IllegalArgumentException("lab config is incomplete");
        if (batchSize <= 0) throw new IllegalArgumentException("batch size must be > 0 (got " + batchSize + ")");
        if (offset < 0) throw new IllegalArgumentException("offset must be ≥ 0 (got " + offset + ")");
    }

    public LabConfig withOffset(int o) {
        return new LabConfig(spec, init, seed, split, o, batchSize, data, running);
    }

    public LabConfig withInit(InitSpec i) {
        return new LabConfig(spec, i, seed, split, offset, batchSize, data, running);
    }

    public LabConfig withRunning(boolean r) {
        return new LabConfig(spec, init, seed, split, offset, batchSize, data, r);
    }
}
