package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.initlab.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `plot` renders the charts to PNG with no window and no display (Monocle headless, software rendering). */
class PlotGuiTest {
    static final String DATA = System.getProperty("initlab.data", "data/mnist");

    @Test
    void plotWritesTheChartsHeadless(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("charts.png");
        int rc = Cli.run("plot", "--model", "seed4", "--init", "pytorch-default", "--data", DATA, "--out", out.toString(),
            "--theme", "projector", "--width", "1200", "--height", "800");
        assertEquals(0, rc);
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(1200, img.getWidth());
        assertEquals(800, img.getHeight());
        assertTrue(LabWindowGuiTest.distinctColours(img) > 20, "the PNG is not blank");
    }

    /** `plot` must set up headless rendering itself. */
    @Test
    void plotRunsInAFreshJvmWithNoDisplay(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("charts.png");
        Fx.Run r = Fx.withoutDisplay(120, "plot", "--data", DATA, "--out", out.toString(), "--width", "800", "--height", "600");
        assertEquals(0, r.exitCode(), r.log());
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(800, img.getWidth());
        assertTrue(LabWindowGuiTest.distinctColours(img) > 20, "the PNG is not blank");
    }

    @Test
    void plotRefusesAnUnknownTheme(@TempDir Path dir) {
        assertEquals(1, Cli.run("plot", "--data", DATA, "--out", dir.resolve("x.png").toString(), "--theme", "neon"));
    }
}
