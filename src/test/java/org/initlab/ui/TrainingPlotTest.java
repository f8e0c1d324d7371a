package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.initlab.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `plot --experiment` trains in-process and renders the training telemetry to PNG with no display. */
class TrainingPlotTest {
    static final String DATA = System.getProperty("initlab.data", "data/mnist");

    /** The bundled example, with its data folder pointed at the test data. */
    static Path experiment(Path dir) throws Exception {
        Path f = dir.resolve("exp.json");
        Files.writeString(f, Files.readString(Path.of("assets/experiments/cnn-generalrelu-kaiming.json"))
            .replace("\"folder\": \"data/mnist\"", "\"folder\": \"" + Path.of(DATA).toAbsolutePath() + "\""));
        return f;
    }

    /** As a user would run it on a server. */
    @Test
    void plotExperimentWritesTheTelemetryChartsWithNoDisplay(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("telemetry.png");
        Fx.Run r = Fx.withoutDisplay(180, "plot", "--experiment", experiment(dir).toString(), "--out", out.toString(), "--steps", "8",
            "--width", "1000", "--height", "700");
        assertEquals(0, r.exitCode(), r.log());
        assertTrue(r.log().contains("step 8/8 (100%)"), "a progress line on stderr: " + r.log());
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(1000, img.getWidth());
        assertEquals(700, img.getHeight());
        assertTrue(LabWindowGuiTest.distinctColours(img) > 50, "the PNG has charts and heat maps, not a blank page");
    }

    @Test
    void aMalformedExperimentIsAOneLineErrorAndNoPng(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"model\": \"cnn\", \"init\": {\"scheme\": \"kaiming-normal\"}, \"optimizer\": {\"kind\": \"adam\"}}");
        byte[] before = Files.readAllBytes(bad);
        Path out = dir.resolve("x.png");
        assertEquals(1, Cli.run("plot", "--experiment", bad.toString(), "--out", out.toString(), "--steps", "2"));
        assertFalse(Files.exists(out));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(bad)));
    }

    @Test
    void stepsWithoutAnExperimentIsRefused(@TempDir Path dir) {
        assertEquals(1, Cli.run("plot", "--data", DATA, "--out", dir.resolve("x.png").toString(), "--steps", "3"));
    }
}
