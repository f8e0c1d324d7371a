package org.initlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless contract: JSON shapes, and one line with a non-zero exit for nonsense. */
class CliTest {
    static final String DATA = System.getProperty("initlab.data", "data/mnist");

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true));
            System.setErr(new PrintStream(err, true));
            int code = Cli.run(args);
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /**
     * Every command's help: an option's description wraps under itself. A line of text alone that
     * starts where the descriptions start (not two columns in, as picocli indents a wrapped line)
     * reads as a new option's words: picocli writes that for a description given as several strings.
     */
    @Test
    void optionHelpWrapsUnderItsOwnDescription() {
        for (String command : new String[] {"plot", "train", "bench", "stats", "lessons", "gui"}) {
            List<String> lines = run(command, "--help").out().lines().toList();
            int column = -1;
            for (String line : lines) {
                java.util.regex.Matcher option = java.util.regex.Pattern.compile("^\\s+(-\\w, )?--\\S+\\s{2,}(?=\\S)").matcher(line);
                if (column < 0 && option.find()) column = option.end();
            }
            assertTrue(column > 0, command + " has options: " + lines);
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i), text = line.stripLeading();
                boolean alone = !text.isEmpty() && !text.startsWith("-");
                boolean nameTooLong = lines.get(i - 1).matches("\\s+(-\\w, )?--\\S+"); // its description starts on the next line
                assertFalse(alone && !nameTooLong && line.length() - text.length() == column,
                    command + " --help: '" + line + "' starts a paragraph at the description column");
            }
        }
    }

    @Test
    void plotRefusesWhatALessonOrAnExperimentDecides(@TempDir Path dir) {
        Path out = dir.resolve("x.png");
        Run lesson = run("plot", "--lesson", "zero-init", "--model", "cnn", "--data", DATA, "--out", out.toString());
        assertEquals(1, lesson.code());
        assertEquals(1, lesson.err().lines().count(), lesson.err());
        assertTrue(lesson.err().contains("--model cannot be combined with --lesson"), lesson.err());
        Run replay = run("plot", "--experiment", dir.resolve("e.json").toString(), "--seed", "3", "--out", out.toString());
        assertEquals(1, replay.code());
        assertTrue(replay.err().contains("--seed cannot be combined with --experiment"), replay.err());
        Run both = run("plot", "--experiment", dir.resolve("e.json").toString(), "--sweep", "a=0:1:0.5", "--out", dir.resolve("x.gif").toString());
        assertTrue(both.err().contains("--sweep cannot be combined with --experiment"), both.err());
        assertFalse(Files.exists(out) || Files.exists(dir.resolve("x.gif")), "nothing written");
        Path exp = dir.resolve("e.json"); // --data stands in for the experiment's folder, as in train
        assertEquals(0, run("train", "--model", "seed4", "--limit", "1", "--data", DATA, "--save", exp.toString(), "--progress", "never").code());
        Run elsewhere = run("plot", "--experiment", exp.toString(), "--data", dir.resolve("nowhere").toString(), "--out", out.toString());
        assertEquals(1, elsewhere.code());
        assertTrue(elsewhere.err().contains("nowhere"), elsewhere.err());
    }

    @Test
    void valuesTheEngineCannotHonourAreRefusedInOneLine(@TempDir Path dir) throws Exception {
        Path giant = dir.resolve("giant.json"); // 2·10⁹ outputs: native code would crash the process
        Files.writeString(giant, "{\"name\":\"giant\",\"layers\":[{\"type\":\"Flatten\"},{\"type\":\"Linear\",\"out\":2000000000}],\"loss\":\"cross-entropy\"}");
        for (String[] args : new String[][] {
                {"plot", "--batch", "4", "--data", DATA, "--model", giant.toString(), "--out", dir.resolve("g.png").toString()},
                {"train", "--batch", "2", "--limit", "1", "--data", DATA, "--model", giant.toString(), "--progress", "never"}}) {
            Run r = run(args);
            assertEquals(1, r.code(), r.err());
            assertTrue(r.err().contains("needs about") && r.err().lines().count() == 1, r.err());
        }
        Run offset = run("stats", "--batch", "2", "--seeds", "1", "--offset", "2147483647", "--data", DATA);
        assertEquals(1, offset.code());
        assertTrue(offset.err().contains("images 2147483647..2147483648 are outside"), offset.err());
        Run wide = run("stats", "--model", "mlp-relu-10x100000", "--data", DATA);
        assertTrue(wide.err().contains("mlp width must be between 1 and 10000 (got 100000)"), wide.err());
        Run notAFolder = run("stats", "--batch", "2", "--seeds", "1", "--data", giant.toString());
        assertTrue(notAFolder.err().contains("is a file; the data is a folder of IDX files"), notAFolder.err());
        assertEquals(0, run("bench", "--batch", "2", "--warmup", "0", "--iters", "1", "--format", "TABLE", "--data", DATA).code(), "enum values in any case");
        Run shot = run("gui", "--headless", "--screenshot", dir.toString());
        assertEquals(1, shot.code());
        assertEquals(dir + " is a folder, not a file", shot.err().strip().replaceFirst("^initlab: ", ""));
        Run threads = run("bench", "--batch", "4", "--warmup", "0", "--iters", "1", "--threads", "9999", "--data", DATA);
        assertEquals(1, threads.code());
        assertTrue(threads.err().contains("threads must be within 1"), threads.err());
    }

    @Test
    void aRefusedTrainingLeavesTheSaveFileAsItWas(@TempDir Path dir) throws Exception {
        Path keep = dir.resolve("keep.json");
        Files.writeString(keep, "PRECIOUS");
        Run r = run("train", "--batch", "8", "--limit", "2", "--save", keep.toString(), "--data", dir.resolve("nowhere").toString(), "--progress", "never");
        assertEquals(1, r.code());
        assertEquals("PRECIOUS", Files.readString(keep));
        Run folder = run("train", "--limit", "1", "--save", dir.toString(), "--data", DATA, "--progress", "never");
        assertEquals(1, folder.code());
        assertTrue(folder.err().contains("--save: " + dir + " is a folder, not a file"), folder.err());
    }

    @Test
    void anIoErrorIsItsSentenceOrItsKindBesideABarePath() {
        assertEquals("NoSuchFileException: /tmp/a b/c", Cli.oneLine(new java.nio.file.NoSuchFileException("/tmp/a b/c")));
        assertEquals("/tmp/a b: Is a directory", Cli.oneLine(new java.nio.file.FileSystemException("/tmp/a b", null, "Is a directory")));
        assertEquals("F could not be written (No space left on device)", Cli.oneLine(new java.io.IOException("F could not be written (No space left on device)")));
    }

    @Test
    void optionsACommandWouldIgnoreAreRefused(@TempDir Path dir) {
        String out = dir.resolve("x.png").toString();
        String[][] cases = {
            {"--a applies to kaiming-uniform and kaiming-normal (without --nonlinearity) and to --nonlinearity leaky_relu, not to normal", "stats", "--init", "normal", "--a", "2"},
            {"--a applies to kaiming-uniform and kaiming-normal (without --nonlinearity) and to --nonlinearity leaky_relu, not to kaiming-normal with --nonlinearity tanh",
                "stats", "--init", "kaiming-normal", "--nonlinearity", "tanh", "--a", "0.5"},
            {"--gain applies to xavier-uniform, xavier-normal and orthogonal, not to lsuv", "stats", "--init", "lsuv", "--gain", "2"},
            {"--gain applies to xavier-uniform, xavier-normal and orthogonal, not to kaiming-uniform", "stats", "--init", "kaiming-uniform", "--gain", "2"},
            {"--mode applies to kaiming-uniform and kaiming-normal, not to xavier-uniform", "train", "--init", "xavier-uniform", "--mode", "fan_out"},
            {"--gradients applies to --view histograms", "plot", "--gradients", "--out", out},
            {"--linear-std applies to the charts view", "plot", "--view", "landscape", "--linear-std", "--out", out},
            {"--seeds applies to the charts view", "plot", "--view", "histograms", "--seeds", "3", "--out", out},
            {"--a cannot be combined with --sweep a=0:1:0.5", "plot", "--init", "kaiming-uniform", "--a", "1", "--sweep", "a=0:1:0.5", "--out", dir.resolve("s.gif").toString()},
            {"--gap applies to --latency only", "bench", "--gap", "5"},
            {"--ops does not apply to --latency", "bench", "--latency", "--ops", "nd4j"},
            {"--soak cannot be combined with --iters", "bench", "--soak", "0.01", "--iters", "5"},
            {"--histograms adds to the JSON", "train", "--format", "table", "--histograms"},
            {"--std cannot be combined with --experiment", "train", "--experiment", dir.resolve("e.json").toString(), "--std", "0.5"}};
        for (String[] c : cases) {
            Run r = run(java.util.Arrays.copyOfRange(c, 1, c.length));
            assertEquals(1, r.code(), String.join(" ", c) + ": " + r.err());
            assertTrue(r.err().contains(c[0]) && r.err().lines().count() == 1, c[0] + " ← " + r.err());
        }
        assertFalse(Files.exists(dir.resolve("x.png")) || Files.exists(dir.resolve("s.gif")), "nothing written");
        Run leaky = run("stats", "--init", "xavier-uniform", "--nonlinearity", "leaky_relu", "--a", "0.2", "--batch", "4", "--seeds", "1", "--data", DATA);
        assertEquals(0, leaky.code(), "xavier takes leaky_relu's gain from --a: " + leaky.err());
    }

    @Test
    void statsPrintsTheContractedJson() throws Exception {
        Run r = run("stats", "--model", "seed4", "--init", "kaiming-uniform", "--a", "0", "--mode", "fan_in", "--bias", "zero",
            "--batch", "50", "--split", "test", "--offset", "10", "--seeds", "3", "--format", "json", "--data", DATA);
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("seed4", j.get("model").asText());
        assertEquals("kaiming-uniform", j.at("/init/scheme").asText());
        assertEquals("zero", j.at("/init/bias").asText());
        assertEquals(50, j.get("batch").asInt());
        assertEquals(3, j.get("seeds").asInt());
        assertEquals("mse", j.get("loss").asText());
        JsonNode mods = j.get("modules");
        assertEquals(9, mods.size());
        assertEquals("[50,8,14,14]", mods.get(0).get("shape").toString());
        assertTrue(mods.get(0).at("/weight_std/mean").asDouble() > 0);
        assertTrue(mods.get(0).at("/act_std/std").asDouble() > 0, "varies across seeds");
        assertFalse(mods.get(1).has("weight_std"), "ReLU has no weights");
        assertEquals("ReLU", mods.get(1).get("type").asText());
    }

    @Test
    void tableFormatIsReadable() {
        Run r = run("stats", "--seeds", "2", "--format", "table", "--data", DATA);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("AdaptiveAvgPool2d") && r.out().contains("act_std"), r.out());
    }

    @Test
    void benchReportsPercentiles() throws Exception {
        long t0 = System.nanoTime();
        Run r = run("bench", "--iters", "5", "--warmup", "1", "--data", DATA);
        double wallMs = (System.nanoTime() - t0) / 1e6;
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(5, j.get("steps").asInt());
        double p10 = j.at("/ms_per_step/p10").asDouble(), median = j.at("/ms_per_step/median").asDouble(), p90 = j.at("/ms_per_step/p90").asDouble();
        assertTrue(0 < p10 && p10 <= median && median <= p90, p10 + " ≤ " + median + " ≤ " + p90);
        // at least 3 of the 5 timed steps took the median or longer, and they ran inside the command: 3·median ≤ its wall time
        assertTrue(3 * median <= wallMs, "median " + median + " ms against " + wallMs + " ms for the whole command");
        assertEquals("forward+backward+stats", j.get("step").asText());
        assertTrue(j.get("backend").asText().startsWith("CPU"), j.get("backend").asText());
    }

    @Test
    void nonsenseGetsOneLineAndNonZeroExit(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"layers\":[{\"type\":\"Conv2d\",\"out\":\"eight\"}]}");
        Path unknown = tmp.resolve("unknown.json");
        Files.writeString(unknown, "{\"layers\":[{\"type\":\"Dropout\"}]}");
        Path impossible = tmp.resolve("impossible.json");
        Files.writeString(impossible, "{\"layers\":[{\"type\":\"Conv2d\",\"out\":8,\"kernel\":40}]}");
        String[][] cases = {
            {"frobnicate"},
            {"stats", "--wat"},
            {"stats", "--batch", "ten"},
            {"stats", "--batch", "-5"},
            {"stats", "--model", "resnet9000"},
            {"stats", "--init", "magic"},
            {"stats", "--split", "holdout"},
            {"stats", "--mode", "fan_sideways"},
            {"stats", "--a", "NaN"},
            {"stats", "--offset", "9990", "--batch", "100"},
            {"stats", "--data", tmp.resolve("missing").toString()},
            {"stats", "--model", bad.toString()},
            {"stats", "--model", unknown.toString()},
            {"stats", "--model", impossible.toString()},
            {"bench", "--iters", "0"},
            {"train", "--soak", "0"},
            {"train", "--soak", "1", "--epochs", "2"},
        };
        for (String[] c : cases) {
            String[] args = c[0].equals("frobnicate") ? c : append(c, "--data", DATA);
            if (String.join(" ", c).contains("--data")) args = c;
            Run r = run(args);
            String what = String.join(" ", c);
            assertNotEquals(0, r.code(), what);
            assertEquals(1, r.err().strip().lines().count(), what + " → " + r.err());
            assertFalse(r.err().contains("\tat "), what + " printed a stack trace");
        }
        assertTrue(run("stats", "--model", bad.toString()).err().contains("field 'layers[0].out'"));
        assertTrue(run("stats", "--model", impossible.toString(), "--data", DATA).err().contains("layer 0 (Conv2d): kernel 40"));
    }

    private static String[] append(String[] a, String... more) {
        String[] r = java.util.Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, r, a.length, more.length);
        return r;
    }
}
