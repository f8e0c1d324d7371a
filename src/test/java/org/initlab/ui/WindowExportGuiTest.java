package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TextField;
import javax.imageio.ImageIO;
import org.initlab.init.Scheme;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's Save menu, Copy as image and Export sweep…, each checked by opening what it wrote. */
class WindowExportGuiTest extends WindowTestBase {
    @BeforeEach
    void charted() throws Exception {
        awaitCharted();
    }

    @Test
    void chartsSaveAsSvgPdfAndScaledPng(@TempDir Path dir) throws Exception {
        window.setExportDir(dir);
        Path svg = Fx.saved(() -> window.exportCharts("svg"));
        List<String> texts = ExportGuiTest.texts(ExportGuiTest.parse(svg).getElementsByTagName("text"));
        for (String t : ExportGuiTest.TITLES) assertTrue(texts.contains(t), t + " in " + texts);
        Path pdf = Fx.saved(() -> window.exportCharts("pdf"));
        PdfLook.assertDrawnLikeThePng(Files.readAllBytes(pdf), ImageIO.read(Fx.saved(window::exportPng).toFile()));
        double width = Fx.call(() -> window.charts().getWidth());
        Fx.run(() -> window.exports().pngScaleProperty().set(3));
        BufferedImage png = ImageIO.read(Fx.saved(window::exportPng).toFile());
        assertEquals((int) Math.ceil(width * 3), png.getWidth());
    }

    @Test
    void oneChartSavesAlone(@TempDir Path dir) throws Exception {
        window.setExportDir(dir);
        Path svg = Fx.saved(() -> window.exports().save(window.charts().plots().get(StatsCharts.Figure.ACT_STD.ordinal()), "svg"));
        List<String> texts = ExportGuiTest.texts(ExportGuiTest.parse(svg).getElementsByTagName("text"));
        assertTrue(texts.contains("Activation std (log scale)"), texts.toString());
        assertFalse(texts.contains("Gradient mean"), "only the one chart: " + texts);
        assertTrue(svg.getFileName().toString().startsWith("initlab-actStdChart-"), svg.toString());
    }

    @Test
    void copiedImageCarriesACaptionLine() throws Exception {
        var s = Fx.call(() -> vm.chartedProperty().get());
        String caption = WindowExports.caption(s);
        for (String part : List.of("seed4", "pytorch-default", "seed 0", "batch 100", "test images 0–99", s.dataName()))
            assertTrue(caption.contains(part), part + " in " + caption);
        BufferedImage img = Fx.call(window::copyCharts);
        assertNotNull(img);
        BufferedImage charts = Fx.call(() -> ChartFiles.image(window.charts(), 1));
        assertTrue(img.getHeight() > charts.getHeight(), "a line under the charts");
        BufferedImage strip = img.getSubimage(0, charts.getHeight(), img.getWidth(), img.getHeight() - charts.getHeight());
        assertTrue(LabWindowGuiTest.distinctColours(strip) > 5, "the caption line has text");
    }

    @Test
    void sweepExportRunsInTheBackgroundAndWritesAFramePerValue(@TempDir Path dir) throws Exception {
        window.setExportDir(dir);
        Fx.run(() -> {
            vm.schemeProperty().set(Scheme.KAIMING_UNIFORM);
            window.sweepBar().show();
        });
        awaitCharted();
        TextField to = node("sweepTo"), step = node("sweepStep");
        Fx.run(() -> {
            to.setText("0.4");
            step.setText("0.1");
        });
        Path gif = Fx.call(() -> window.sweepBar().start());
        assertNotNull(gif);
        // the FX thread keeps answering while the frames are computed and encoded (generous: six builds share two cores here)
        long worst = 0;
        while (Fx.call(() -> window.sweepBar().taskProperty().get() != null)) {
            long t0 = System.nanoTime();
            Fx.call(() -> null);
            worst = Math.max(worst, System.nanoTime() - t0);
            Thread.sleep(20);
        }
        assertTrue(worst < 1_000_000_000L, "the FX thread was blocked for " + worst / 1e6 + " ms");
        List<BufferedImage> frames = ExportGuiTest.frames(gif);
        assertEquals(5, frames.size());
        for (int i = 1; i < frames.size(); i++) assertTrue(ExportGuiTest.differingPixels(frames.get(i - 1), frames.get(i)) > 200);
        assertTrue(message().contains("(5 frames)"), message());
    }

    @Test
    void cancelledSweepLeavesNoFile(@TempDir Path dir) throws Exception {
        window.setExportDir(dir);
        Fx.run(() -> {
            vm.schemeProperty().set(Scheme.KAIMING_NORMAL);
            window.sweepBar().show();
        });
        awaitCharted();
        Path gif = Fx.call(() -> window.sweepBar().start());
        Fx.waitFor("the first frame", 120, () -> {
            var t = window.sweepBar().taskProperty().get();
            return t != null && t.getProgress() > 0;
        });
        Fx.run(() -> window.sweepBar().cancel());
        Fx.waitFor("the cancelled export to end", 60, () -> window.sweepBar().taskProperty().get() == null);
        long end = System.nanoTime() + 30_000_000_000L;
        while (files(dir) > 0 && System.nanoTime() < end) Thread.sleep(50); // the worker drops its temporary file after the frame at hand
        assertFalse(Files.exists(gif), "a cancelled sweep leaves no half-written GIF");
        assertEquals(0, files(dir), "nor its temporary file");
        assertTrue(message().contains("cancelled"), message());
    }

    @Test
    void aSweepOverANonexistentParameterIsRefusedInOneLine() throws Exception {
        Fx.run(() -> window.sweepBar().show()); // pytorch-default: no a to sweep
        assertEquals(null, Fx.call(() -> window.sweepBar().start()));
        assertTrue(message().contains("has no a"), message());
    }

    String message() throws Exception {
        javafx.scene.control.Label m = node("message");
        return Fx.call(m::getText);
    }

    private static long files(Path dir) throws java.io.IOException {
        try (var s = Files.list(dir)) {
            return s.count();
        }
    }
}
