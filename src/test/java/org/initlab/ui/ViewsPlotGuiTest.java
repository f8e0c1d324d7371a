package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.initlab.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `plot --view`, `--seeds`, `--lesson`: the views rendered headless. */
class ViewsPlotGuiTest {
    static final String DATA = PlotGuiTest.DATA;

    private static BufferedImage plot(Path out, String... args) throws Exception {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("plot", "--data", DATA, "--out", out.toString(), "--width", "1000", "--height", "700"));
        all.addAll(java.util.List.of(args));
        assertEquals(0, Cli.run(all.toArray(String[]::new)));
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(1000, img.getWidth());
        assertTrue(LabWindowGuiTest.distinctColours(img) > 20, "the PNG is not blank");
        return img;
    }

    @Test
    void everyViewRendersHeadless(@TempDir Path dir) throws Exception {
        plot(dir.resolve("h.png"), "--model", "seed4", "--view", "histograms");
        plot(dir.resolve("g.png"), "--model", "seed4", "--view", "histograms", "--gradients", "--theme", "projector");
        plot(dir.resolve("l.png"), "--model", "seed4", "--init", "kaiming-uniform", "--a", "1", "--view", "landscape");
        plot(dir.resolve("s.png"), "--model", "seed4", "--init", "kaiming-uniform", "--a", "0", "--seeds", "4");
        plot(dir.resolve("lesson.png"), "--lesson", "zero-init");
    }

    @Test
    void badViewsAreRefusedInOneLine(@TempDir Path dir) {
        assertEquals(1, Cli.run("plot", "--data", DATA, "--out", dir.resolve("x.png").toString(), "--view", "movie"));
        assertEquals(1, Cli.run("plot", "--data", DATA, "--out", dir.resolve("x.png").toString(), "--seeds", "0"));
        assertEquals(1, Cli.run("plot", "--data", DATA, "--out", dir.resolve("x.png").toString(), "--lesson", "no-such-lesson"));
    }
}
