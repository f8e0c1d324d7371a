package org.initlab.cli;

import static org.initlab.cli.CliTest.DATA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The new schemes, --nonlinearity and per-layer "init" through stats, and their bad input. */
class InitCliTest {
    /** Flatten, Linear(300) with its own normal(0.01) init, Tanh, Linear(200), SELU, Linear(10). */
    private static final String MIXED = "{\"name\":\"mixed\",\"loss\":\"cross-entropy\",\"layers\":[{\"type\":\"Flatten\"},"
        + "{\"type\":\"Linear\",\"out\":300,\"init\":{\"scheme\":\"normal\",\"std\":0.01}},{\"type\":\"Tanh\"},"
        + "{\"type\":\"Linear\",\"out\":200},{\"type\":\"SELU\"},{\"type\":\"Linear\",\"out\":10}]}";

    @Test
    void statsHonoursSchemesNonlinearityAndPerLayerInit(@TempDir Path tmp) throws Exception {
        Path model = tmp.resolve("mixed.json");
        Files.writeString(model, MIXED);
        String[][] inits = {
            {"--init", "normal", "--std", "0.05"}, {"--init", "uniform", "--bound", "0.1"}, {"--init", "trunc-normal", "--std", "0.02"},
            {"--init", "lecun-uniform"}, {"--init", "xavier-normal", "--nonlinearity", "tanh"}, {"--init", "kaiming-uniform", "--nonlinearity", "tanh"},
        };
        for (String[] init : inits) {
            String[] args = {"stats", "--model", model.toString(), "--batch", "64", "--split", "test", "--seeds", "3", "--format", "json", "--data", DATA};
            String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(init)).toArray(String[]::new);
            Run r = run(all);
            String what = String.join(" ", init);
            assertEquals(0, r.code(), what + ": " + r.err());
            JsonNode j = new ObjectMapper().readTree(r.out());
            assertEquals(init[1], j.at("/init/scheme").asText());
            JsonNode mods = j.get("modules");
            assertEquals(6, mods.size());
            assertEquals("Tanh", mods.get(2).get("type").asText());
            assertEquals("SELU", mods.get(4).get("type").asText());
            // the first Linear keeps its own N(0, 0.01²), 235 200 weights: within 1 % whatever the model's init
            assertEquals(0.01, mods.get(1).at("/weight_std/mean").asDouble(), 1e-4, what);
            assertEquals("normal", mods.get(1).at("/init/scheme").asText(), "the layer's own init is printed with it");
            assertEquals(0.01, mods.get(1).at("/init/std").asDouble());
            assertFalse(mods.get(3).has("init"), "a layer under the model's init has none of its own");
            double expected = switch (init[1]) {
                case "normal" -> 0.05;
                case "uniform" -> 0.1 / Math.sqrt(3);
                case "trunc-normal" -> 0.02 * 0.8796;
                case "lecun-uniform" -> 1 / Math.sqrt(300);
                case "xavier-normal" -> 5.0 / 3 * Math.sqrt(2.0 / 500);
                default -> 5.0 / 3 / Math.sqrt(300);
            };
            // 60 000 weights: the sample std is within 5·√(1/(2n)) ≈ 1.5 % (κ ≤ 3)
            assertEquals(expected, mods.get(3).at("/weight_std/mean").asDouble(), 0.015 * expected, what);
        }
    }

    @Test
    void badInitInputGetsOneLineNamingFileLayerAndField(@TempDir Path tmp) throws Exception {
        Path onRelu = tmp.resolve("onrelu.json");
        Files.writeString(onRelu, "{\"layers\":[{\"type\":\"Flatten\"},{\"type\":\"ReLU\",\"init\":{\"scheme\":\"normal\"}}]}");
        Path negative = tmp.resolve("negative.json");
        Files.writeString(negative, "{\"layers\":[{\"type\":\"Flatten\"},{\"type\":\"Linear\",\"out\":4,\"init\":{\"scheme\":\"normal\",\"std\":-1}}]}");
        Path swish = tmp.resolve("swish.json");
        Files.writeString(swish, "{\"layers\":[{\"type\":\"Flatten\"},{\"type\":\"Linear\",\"out\":4,\"init\":{\"scheme\":\"xavier-normal\",\"nonlinearity\":\"swish\"}}]}");
        Object[][] cases = {
            {new String[] {"stats", "--init", "xavier-normal", "--nonlinearity", "swish"}, "unknown nonlinearity 'swish' (linear, sigmoid, tanh, relu, leaky_relu, selu)"},
            {new String[] {"stats", "--init", "normal", "--std", "-0.5"}, "std must be a finite number ≥ 0 (got -0.5)"},
            {new String[] {"stats", "--init", "uniform", "--bound", "-2"}, "bound must be a finite number ≥ 0 (got -2.0)"},
            {new String[] {"stats", "--init", "kaiming-normal", "--std", "0.1"}, "std applies to normal and trunc-normal, not to kaiming-normal"},
            {new String[] {"stats", "--model", onRelu.toString()}, onRelu + ": field 'layers[1].init': ReLU has no field 'init' (only Conv2d and Linear have weights to initialize)"},
            {new String[] {"stats", "--model", negative.toString()}, negative + ": field 'layers[1].init': std must be a finite number ≥ 0 (got -1.0)"},
            {new String[] {"stats", "--model", swish.toString()}, swish + ": field 'layers[1].init.nonlinearity': unknown nonlinearity 'swish'"},
        };
        for (Object[] c : cases) {
            String[] args = (String[]) c[0];
            String[] all = java.util.Arrays.copyOf(args, args.length + 2);
            all[args.length] = "--data";
            all[args.length + 1] = DATA;
            Run r = run(all);
            String what = String.join(" ", args);
            assertNotEquals(0, r.code(), what);
            assertEquals(1, r.err().strip().lines().count(), what + " → " + r.err());
            assertFalse(r.err().contains("\tat "), what + " printed a stack trace");
            assertTrue(r.err().contains((String) c[1]), what + " → " + r.err());
        }
    }

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        CliTest.Run r = CliTest.run(args);
        return new Run(r.code(), r.out(), r.err());
    }
}
