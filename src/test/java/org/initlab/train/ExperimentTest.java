package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.initlab.init.InitSpec;
import org.initlab.init.Scheme;
import org.initlab.nn.LayerSpec;
import org.initlab.nn.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExperimentTest {
    @TempDir Path dir;

    static Experiment sample() {
        return new Experiment("demo", Models.cnn(), InitSpec.kaiming(Scheme.KAIMING_UNIFORM, 0.1), Experiment.Data.of("data/mnist"),
            new OptimizerSpec(OptimizerSpec.Kind.MOMENTUM, 0.05, 0.8, 1e-4, 0.9, 0.999, 1e-8), 7, 2, 32);
    }

    @Test
    void savesAtomicallyAndLoadsTheSameExperiment() throws Exception {
        Path f = dir.resolve("e.json");
        sample().save(f);
        sample().save(f); // replacing an existing file
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
        Experiment back = Experiment.load(f);
        assertEquals(sample().toJson(), back.toJson());
        assertEquals(0.8, back.optimizer().momentum());
        assertEquals(1e-4, back.optimizer().weightDecay());
        assertEquals(0.1, back.init().a());
        assertEquals(7, back.seed());
        assertTrue(Files.readString(f).contains("\"weight_decay\""));
    }

    @Test
    void missingOptionalFieldsTakeDefaults() {
        Experiment e = Experiment.fromJson("{\"model\":{\"layers\":[{\"type\":\"Flatten\"},{\"type\":\"Linear\",\"out\":10}],\"loss\":\"cross-entropy\"},"
            + "\"init\":{\"scheme\":\"kaiming-normal\"},\"optimizer\":{\"kind\":\"adam\",\"lr\":0.001}}");
        assertEquals(1, e.epochs());
        assertEquals(64, e.batch());
        assertEquals("data/mnist", e.data().folder());
        assertEquals("test", e.data().eval());
        assertEquals(0.999, e.optimizer().beta2());
        assertTrue(e.model().layers().get(1) instanceof LayerSpec.Linear);
    }

    /** A malformed file: an IllegalArgumentException naming the file and the field; the file is untouched. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"epochs\": 0                            | epochs",
        "\"epochs\": \"many\"                     | epochs",
        "\"batch\": -3                            | batch",
        "\"optimizer\": {\"kind\": \"adam\", \"lr\": -1} | lr",
        "\"optimizer\": {\"kind\": \"rmsprop\", \"lr\": 1} | rmsprop",
        "\"optimizer\": {\"kind\": \"adam\"}      | lr is missing",
        "\"init\": {\"scheme\": \"kaiming\"}       | init",
        "\"epoch\": 3                             | epoch",
        "\"data\": {\"train\": \"nope\"}           | data",
        "\"model\": {\"layers\": [{\"type\": \"Linear\", \"out\": 10}]} | Linear",
    })
    void malformedFilesAreRejectedByFieldAndNeverOverwritten(String override, String expected) throws Exception {
        var om = new com.fasterxml.jackson.databind.ObjectMapper();
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) om.readTree(sample().toJson());
        tree.setAll((com.fasterxml.jackson.databind.node.ObjectNode) om.readTree("{" + override + "}"));
        String json = tree.toPrettyString();
        Path f = dir.resolve("bad.json");
        Files.writeString(f, json);
        var e = assertThrows(IllegalArgumentException.class, () -> Experiment.load(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), json + "\n→ " + e.getMessage());
        assertArrayEquals(json.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(f));
    }

    @Test
    void brokenJsonSaysWhere() throws Exception {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\"name\": \"x\",\n \"seed\": }");
        var e = assertThrows(IllegalArgumentException.class, () -> Experiment.load(f));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Experiment.load(dir.resolve("none.json"))).getMessage().contains("missing"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Experiment.load(dir)).getMessage().endsWith(": is a folder, not an experiment file"));
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        assertEquals(empty + ": the file is empty", assertThrows(IllegalArgumentException.class, () -> Experiment.load(empty)).getMessage());
    }

    @Test
    void bundledExamplesLoad() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("assets/experiments"))) {
            var all = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertEquals(3, all.size(), all.toString());
            for (Path p : all) {
                Experiment e = Experiment.load(p);
                assertEquals(p.getFileName().toString().replace(".json", ""), e.name());
            }
        }
        Experiment g = Experiment.load(Path.of("assets/experiments/cnn-generalrelu-kaiming.json"));
        assertTrue(g.model().layers().stream().anyMatch(l -> l.equals(new LayerSpec.GeneralReLU(0.1, 0.4, 6.0))));
        assertEquals(0.1, g.init().a());
        assertEquals(Scheme.PYTORCH_DEFAULT, Experiment.load(Path.of("assets/experiments/default-vs-kaiming-seed4-default.json")).init().scheme());
    }
}
