package org.initlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    static final String DATA = System.getProperty("initlab.data", "data/mnist");

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Cli.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void printsTheDocumentedJson() throws Exception {
        Run r = run("train", "--model", "cnn", "--init", "kaiming-normal", "--optimizer", "adam", "--lr", "1e-3", "--batch", "64",
            "--seed", "0", "--limit", "30", "--every", "10", "--data", DATA, "--format", "json", "--progress", "never");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(30, j.get("steps").asInt());
        assertEquals(30, j.get("loss").size());
        assertTrue(j.get("test_accuracy").asDouble() > 0.2, r.out());
        JsonNode m = j.get("telemetry").get("modules");
        assertEquals(11, m.size());
        assertEquals("Conv2d", m.get(0).get("type").asText());
        assertEquals(3, m.get(1).get("act_mean").size()); // steps 1, 11, 21
        assertEquals(3, m.get(1).get("near_zero").size());
        assertTrue(m.get(1).get("act_std").get(0).asDouble() > 0);
        assertEquals(3, m.get(1).get("grad_std").size());
        assertEquals(3, m.get(0).get("update_ratio").size()); // the conv has a weight
        assertTrue(m.get(0).get("update_ratio").get(0).asDouble() > 0);
        assertNull(m.get(1).get("update_ratio")); // ReLU has none
        assertTrue(j.get("seconds").asDouble() > 0);
    }

    @Test
    void lsuvSaysWhatItDidPerLayer() throws Exception {
        Run r = run("train", "--model", "seed4", "--init", "lsuv", "--limit", "1", "--data", DATA, "--format", "json", "--progress", "never");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("initlab: LSUV reached unit std in every layer: module 0 (Conv2d) std 1.000 after "), r.err());
        JsonNode lsuv = new ObjectMapper().readTree(r.out()).get("lsuv");
        assertEquals(4, lsuv.size(), "one entry per conv of seed4: " + lsuv);
        for (JsonNode l : lsuv) {
            assertTrue(l.get("reached").asBoolean() && !l.get("dead").asBoolean(), l.toString());
            assertEquals(1, l.get("std").asDouble(), 1e-3, l.toString());
            assertTrue(l.get("passes").asInt() >= 1 && l.get("passes").asInt() <= 10, l.toString());
        }
    }

    @Test
    void soakSamplesResidentMemoryAndEvaluatesAtTheEnd() throws Exception {
        Run r = run("train", "--soak", "0.05", "--batch", "500", "--data", DATA, "--format", "json", "--progress", "always");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        JsonNode rss = j.get("rss_mb");
        assertEquals(2, rss.size(), rss.toString()); // at the start and when the 3 s are up
        assertEquals(0, rss.get(0).get("step").asLong());
        assertEquals(j.get("steps").asLong(), rss.get(1).get("step").asLong());
        assertTrue(j.get("steps").asLong() > 0 && rss.get(1).get("mb").asDouble() > 0, rss.toString());
        // the soak ends mid-epoch and evaluates where it stopped: the same seed trained for the same steps gives the same accuracy, bit for bit
        Run same = run("train", "--limit", String.valueOf(j.get("steps").asLong()), "--batch", "500", "--data", DATA, "--format", "json", "--progress", "never");
        assertEquals(0, same.code(), same.err());
        assertEquals(new ObjectMapper().readTree(same.out()).get("test_accuracy").asDouble(), j.get("test_accuracy").asDouble(), 0.0);
        assertTrue(r.err().startsWith("soak: minute 0.0 step 0 epoch 1 resident "), r.err());
    }

    /** The long soak, only when asked: {@code mvn verify -Dinitlab.soak.minutes=30} (then SoakTest soaks the lab as long). */
    @Test
    @EnabledIfSystemProperty(named = "initlab.soak.minutes", matches = "[0-9.]+")
    void trainingResidentMemoryGrowsLessThanFivePercentAfterTheFirstMinute() throws Exception {
        String minutes = System.getProperty("initlab.soak.minutes");
        Run r = run("train", "--soak", minutes, "--model", "cnn", "--init", "kaiming-normal", "--optimizer", "adam",
            "--data", DATA, "--format", "json", "--progress", "never");
        assertEquals(0, r.code(), r.err());
        JsonNode rss = new ObjectMapper().readTree(r.out()).get("rss_mb");
        System.out.println("training soak, resident MB each minute: " + rss);
        double firstMinute = rss.get(1).get("mb").asDouble();
        for (JsonNode s : rss)
            assertTrue(s.get("mb").asDouble() < firstMinute * 1.05, "grew more than 5 % after the first minute: " + rss);
    }

    @Test
    void divergenceIsOneLineWithStepAndModule() {
        Run r = run("train", "--lr", "1e6", "--init", "kaiming-normal", "--limit", "50", "--data", DATA, "--progress", "never");
        assertEquals(3, r.code());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().matches("(?s)initlab: training diverged at step \\d+ \\(epoch 1\\): .*module \\d+ \\(\\w+\\).*|(?s)initlab: training diverged at step \\d+ \\(epoch 1\\): the loss is.*"), r.err());
    }

    @Test
    void experimentFilesRunAndRejectConflictingOptions(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("e.json");
        Run saved = run("train", "--model", "seed4", "--optimizer", "momentum", "--lr", "0.01", "--weight-decay", "1e-4", "--limit", "3",
            "--data", DATA, "--save", f.toString(), "--progress", "never");
        assertEquals(0, saved.code(), saved.err());
        assertTrue(new ObjectMapper().readTree(saved.out()).get("test_accuracy").isNull(), "MSE model: no accuracy");
        assertTrue(Files.readString(f).contains("\"momentum\" : 0.9"), Files.readString(f));
        Run again = run("train", "--experiment", f.toString(), "--limit", "3", "--data", DATA, "--progress", "never");
        assertEquals(0, again.code(), again.err());
        assertEquals(new ObjectMapper().readTree(saved.out()).get("loss"), new ObjectMapper().readTree(again.out()).get("loss"));
        Run conflict = run("train", "--experiment", f.toString(), "--lr", "0.1");
        assertEquals(1, conflict.code());
        assertTrue(conflict.err().contains("--lr cannot be combined with --experiment"), conflict.err());
        Files.writeString(f, "{\"epochs\": 0}");
        Run bad = run("train", "--experiment", f.toString());
        assertEquals(1, bad.code());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertTrue(bad.err().contains("model is missing") || bad.err().contains("epochs"), bad.err());
    }
}
