package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.initlab.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** `plot` writes SVG, PDF, high-DPI PNG and animated GIF; each test opens what was written, as a reader would. */
class ExportGuiTest {
    static final String DATA = System.getProperty("initlab.data", "data/mnist");
    static final List<String> TITLES = List.of("Activation mean", "Activation std (log scale)", "Gradient mean", "Gradient std (log scale)");

    @Test
    void svgKeepsTheTitlesAsTextAndTheThemesColours(@TempDir Path dir) throws Exception {
        Path light = dir.resolve("light.svg"), projector = dir.resolve("projector.svg");
        assertEquals(0, Cli.run("plot", "--data", DATA, "--out", light.toString()));
        assertEquals(0, Cli.run("plot", "--data", DATA, "--out", projector.toString(), "--theme", "projector"));
        for (Path f : List.of(light, projector)) {
            Document svg = parse(f);
            List<String> texts = texts(svg.getElementsByTagName("text"));
            for (String t : TITLES) assertTrue(texts.contains(t), f.getFileName() + " has <text>" + t + "</text>: " + texts);
            assertTrue(texts.stream().anyMatch(t -> t.startsWith("seed4 · pytorch-default · seed 0")), "the figure's title: " + texts);
            assertTrue(texts.contains("0 conv") && texts.contains("current"), "axis labels and the legend are text too");
            // seed4's nine modules: a path per series (four current, one theory), a ring (two discs) per point
            assertTrue(svg.getElementsByTagName("path").getLength() >= 5, "lines are paths");
            assertTrue(svg.getElementsByTagName("ellipse").getLength() >= 2 * (4 * 9), "markers are shapes");
        }
        // each theme's series colour (light.css #1f5fbf, projector.css #0033cc)
        assertTrue(Files.readString(light).contains("rgb(31,95,191)"));
        assertTrue(Files.readString(projector).contains("rgb(0,51,204)"));
        assertFalse(Files.readString(light).contains("rgb(0,51,204)"));
    }

    /** The PDF needs no font and draws what the PNG of the same figure draws: titles, ticks with superscripts, the en dash of "0–99". */
    @Test
    void pdfIsDrawnLikeThePngWithNoFont(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("charts.pdf"), png = dir.resolve("charts.png");
        for (Path out : List.of(pdf, png))
            assertEquals(0, Cli.run("plot", "--data", DATA, "--out", out.toString(), "--theme", "projector", "--init", "kaiming-normal"));
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, d.getNumberOfPages());
            assertEquals(1600, d.getPage(0).getMediaBox().getWidth(), 1e-3);
        }
        PdfLook.assertDrawnLikeThePng(Files.readAllBytes(pdf), ImageIO.read(png.toFile()));
    }

    /** The other views draw through the same painter: the histograms as a PDF that draws what their PNG draws. */
    @Test
    void histogramViewWritesAVectorPdf(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("histograms.pdf"), png = dir.resolve("histograms.png");
        for (Path out : List.of(pdf, png))
            assertEquals(0, Cli.run("plot", "--data", DATA, "--view", "histograms", "--out", out.toString(), "--width", "1000", "--height", "700"));
        PdfLook.assertDrawnLikeThePng(Files.readAllBytes(pdf), ImageIO.read(png.toFile()));
    }

    @Test
    void scaleTwoIsTwiceTheWidthAndDrawnSharp(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("one.png"), two = dir.resolve("two.png");
        assertEquals(0, Cli.run("plot", "--data", DATA, "--out", one.toString(), "--width", "800", "--height", "500"));
        assertEquals(0, Cli.run("plot", "--data", DATA, "--out", two.toString(), "--width", "800", "--height", "500", "--scale", "2"));
        BufferedImage a = ImageIO.read(one.toFile()), b = ImageIO.read(two.toFile());
        assertEquals(1600, b.getWidth());
        assertEquals(1000, b.getHeight());
        // drawn at 2×, not enlarged: a 2×2 block of the big image is not always one pixel of the small one repeated
        int blocksNotUniform = 0;
        for (int y = 0; y < 500; y++)
            for (int x = 0; x < 800; x++) {
                int p = b.getRGB(2 * x, 2 * y);
                if (p != b.getRGB(2 * x + 1, 2 * y) || p != b.getRGB(2 * x, 2 * y + 1) || p != b.getRGB(2 * x + 1, 2 * y + 1)) blocksNotUniform++;
            }
        assertTrue(blocksNotUniform > 2000, blocksNotUniform + " detailed 2×2 blocks");
        assertEquals(800, a.getWidth());
    }

    @Test
    void defaultScaleTwoGivesThe3200PixelWidePng(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("wide.png");
        assertEquals(0, Cli.run("plot", "--data", DATA, "--out", out.toString(), "--scale", "2"));
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(3200, img.getWidth());
        assertEquals(2000, img.getHeight());
    }

    /** 31 frames for a = 0, 0.1 … 3, looping; every frame differs from the one before, since a changes the weights. */
    @Test
    void sweepGifHasAFramePerValueThatLoopsAndChanges(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sweep.gif");
        assertEquals(0, Cli.run("plot", "--data", DATA, "--init", "kaiming-uniform", "--sweep", "a=0:3:0.1", "--out", out.toString(),
            "--width", "800", "--height", "500"));
        List<BufferedImage> frames = frames(out);
        assertEquals(31, frames.size());
        assertTrue(Files.size(out) < 20_000_000L, Files.size(out) + " bytes");
        for (int i = 1; i < frames.size(); i++)
            assertTrue(differingPixels(frames.get(i - 1), frames.get(i)) > 200, "frame " + i + " differs from frame " + (i - 1));
        assertTrue(loops(out), "the GIF loops (NETSCAPE2.0 extension)");
    }

    /** normal's std and an mlp's depth sweep too; a frame per value, each different. */
    @Test
    void stdAndDepthSweep(@TempDir Path dir) throws Exception {
        Path std = dir.resolve("std.gif"), depth = dir.resolve("depth.gif");
        assertEquals(0, Cli.run("plot", "--data", DATA, "--init", "normal", "--sweep", "std=0.02:0.06:0.02", "--out", std.toString(),
            "--width", "600", "--height", "400"));
        assertEquals(0, Cli.run("plot", "--data", DATA, "--model", "mlp-relu-2x32", "--init", "kaiming-normal", "--sweep", "depth=1:3:1",
            "--out", depth.toString(), "--width", "600", "--height", "400"));
        for (Path f : List.of(std, depth)) {
            List<BufferedImage> frames = frames(f);
            assertEquals(3, frames.size(), f.getFileName().toString());
            for (int i = 1; i < frames.size(); i++) assertTrue(differingPixels(frames.get(i - 1), frames.get(i)) > 200, f + " frame " + i);
        }
        assertEquals(1, Cli.run("plot", "--data", DATA, "--init", "kaiming-normal", "--sweep", "depth=1:3:1", "--out", dir.resolve("x.gif").toString()),
            "seed4 has no depth to sweep");
    }

    /** a is leaky_relu's slope under xavier too, so it sweeps there, a frame per value; under kaiming with tanh it is refused. */
    @Test
    void aSweepsWhereItIsTheLeakySlope(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("xavier-a.gif");
        assertEquals(0, Cli.run("plot", "--data", DATA, "--init", "xavier-uniform", "--nonlinearity", "leaky_relu", "--sweep", "a=0:2:2",
            "--out", out.toString(), "--width", "600", "--height", "400"));
        List<BufferedImage> frames = frames(out);
        assertEquals(2, frames.size());
        assertTrue(differingPixels(frames.get(0), frames.get(1)) > 200, "a changes the weights");
        assertEquals(1, Cli.run("plot", "--data", DATA, "--init", "kaiming-normal", "--nonlinearity", "tanh", "--sweep", "a=0:2:2",
            "--out", dir.resolve("x.gif").toString()), "tanh's gain has no a");
        assertFalse(Files.exists(dir.resolve("x.gif")));
    }

    @Test
    void trainingReplayGifShowsTheRunGrowing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("train.gif");
        assertEquals(0, Cli.run("plot", "--experiment", TrainingPlotTest.experiment(dir).toString(), "--out", out.toString(), "--steps", "12",
            "--width", "800", "--height", "560"));
        List<BufferedImage> frames = frames(out);
        assertEquals(12, frames.size(), "a frame per step when the run is shorter than " + Plots.REPLAY_FRAMES + " steps");
        assertTrue(differingPixels(frames.get(0), frames.get(frames.size() - 1)) > 1000, "the last frame shows more of the run than the first");
        assertTrue(loops(out));
    }

    @Test
    void badExportRequestsAreOneLineErrors(@TempDir Path dir) {
        assertEquals(1, Cli.run("plot", "--data", DATA, "--out", dir.resolve("x.txt").toString()));
        assertEquals(1, Cli.run("plot", "--data", DATA, "--out", dir.resolve("x.png").toString(), "--scale", "4"));
        assertEquals(1, Cli.run("plot", "--data", DATA, "--out", dir.resolve("x.svg").toString(), "--scale", "2"));
        assertEquals(1, Cli.run("plot", "--data", DATA, "--out", dir.resolve("x.gif").toString(), "--sweep", "a=0:3:0.1"),
            "pytorch-default has no a to sweep");
        assertEquals(1, Cli.run("plot", "--data", DATA, "--init", "kaiming-uniform", "--out", dir.resolve("x.png").toString(), "--sweep", "a=0:3:0.1"));
        assertEquals(1, Cli.run("plot", "--data", DATA, "--init", "kaiming-uniform", "--out", dir.resolve("x.gif").toString(), "--sweep", "a=3:0:0.1"));
        assertEquals(1, Cli.run("plot", "--data", DATA, "--out", dir.resolve("x.gif").toString()));
        for (String f : List.of("x.txt", "x.png", "x.svg", "x.gif")) assertFalse(Files.exists(dir.resolve(f)), f);
    }

    static Document parse(Path svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(svg.toFile());
    }

    static List<String> texts(NodeList nodes) {
        List<String> t = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) t.add(nodes.item(i).getTextContent());
        return t;
    }

    static List<BufferedImage> frames(Path gif) throws Exception {
        List<BufferedImage> frames = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
            r.setInput(in);
            int n = r.getNumImages(true);
            for (int i = 0; i < n; i++) frames.add(r.read(i));
            r.dispose();
        }
        return frames;
    }

    static boolean loops(Path gif) throws Exception {
        return new String(Files.readAllBytes(gif), java.nio.charset.StandardCharsets.ISO_8859_1).contains("NETSCAPE2.0");
    }

    static int differingPixels(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < Math.min(a.getHeight(), b.getHeight()); y++)
            for (int x = 0; x < Math.min(a.getWidth(), b.getWidth()); x++) if (a.getRGB(x, y) != b.getRGB(x, y)) n++;
        return n;
    }
}
