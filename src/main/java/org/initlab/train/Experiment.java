package org.initlab.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.initlab.AtomicFile;
import org.initlab.JsonErrors;
import org.initlab.data.Mnist;
import org.initlab.init.InitSpec;
import org.initlab.nn.ModelSpec;

/**
 * Everything that defines a training run, saved and loaded as JSON: the model, its init, the data
 * (folder, training and evaluation splits), the optimizer, the seed, epochs and batch size.
 * Bad values are rejected at construction with a message naming the field.
 */
@JsonPropertyOrder({"name", "model", "init", "data", "optimizer", "seed", "epochs", "batch"})
public record Experiment(String name, ModelSpec model, InitSpec init, Data data, OptimizerSpec optimizer, long seed, int epochs, int batch) {
    /** Where the images come from: an IDX folder, the split trained on and the split evaluated on. */
    public record Data(String folder, String train, String eval) {
        public static final String DEFAULT_FOLDER = org.initlab.AppFolders.MNIST;

        public Data {
            if (folder == null || folder.isBlank()) folder = DEFAULT_FOLDER;
            train = train == null ? "train" : Mnist.Split.parse(train).id();
            eval = eval == null ? "test" : Mnist.Split.parse(eval).id();
        }

        public static Data of(String folder) {
            return new Data(folder, null, null);
        }

        public Mnist.Split trainSplit() { return Mnist.Split.parse(train); }
        public Mnist.Split evalSplit() { return Mnist.Split.parse(eval); }
    }

    /** The most epochs one run may ask for: the window's epochs field and the CLI's --epochs share it. */
    public static final int MAX_EPOCHS = 10_000;

    public Experiment {
        if (name == null || name.isBlank()) name = model == null ? "experiment" : model.name();
        if (model == null) throw new IllegalArgumentException("model is missing");
        if (init == null) throw new IllegalArgumentException("init is missing");
        if (optimizer == null) throw new IllegalArgumentException("optimizer is missing");
        if (data == null) data = Data.of(null);
        if (epochs <= 0 || epochs > MAX_EPOCHS) throw new IllegalArgumentException("epochs must be in 1.." + MAX_EPOCHS + " (got " + epochs + ")");
        if (batch <= 0) throw new IllegalArgumentException("batch must be > 0 (got " + batch + ")");
        model.shapes(); // an impossible architecture fails here, naming the layer
    }

    @JsonCreator
    static Experiment fromJson(@JsonProperty("name") String name, @JsonProperty("model") ModelSpec model, @JsonProperty("init") InitSpec init,
                               @JsonProperty("data") Data data, @JsonProperty("optimizer") OptimizerSpec optimizer,
                               @JsonProperty("seed") Long seed, @JsonProperty("epochs") Integer epochs, @JsonProperty("batch") Integer batch) {
        return new Experiment(name, model, init, data, optimizer, seed == null ? 0 : seed, epochs == null ? 1 : epochs, batch == null ? 64 : batch);
    }

    /** The same run for another number of epochs. */
    public Experiment withEpochs(int epochs) {
        return new Experiment(name, model, init, data, optimizer, seed, epochs, batch);
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT); // "seed": 1.7 is a mistake, not seed 1

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write experiment as JSON: " + e.getMessage(), e);
        }
    }

    public static Experiment fromJson(String json) {
        try {
            return JSON.readValue(json, Experiment.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(JsonErrors.describe(e), e);
        }
    }

    /** Reads an experiment; any problem is an IllegalArgumentException naming the file and the field. The file is never written. */
    public static Experiment load(Path file) {
        if (Files.isDirectory(file)) throw new IllegalArgumentException(file + ": is a folder, not an experiment file");
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException(file + ": experiment file is missing");
        try {
            return JSON.readValue(file.toFile(), Experiment.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + JsonErrors.describe(e), e);
        }
    }

    /** Writes atomically ({@link AtomicFile}): a failure leaves the previous file as it was. */
    public void save(Path file) throws IOException {
        AtomicFile.write(file, (toJson() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
