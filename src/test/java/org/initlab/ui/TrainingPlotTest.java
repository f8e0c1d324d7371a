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

    /** The charts are painted, so they write as vector files too: titles, tick labels and legends as text in SVG and outlines in PDF, lines as paths, heat maps as images. */
    @Test
    void plotExperimentWritesSvgAndPdf(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("telemetry.svg"), pdf = dir.resolve("telemetry.pdf");
        assertEquals(0, Cli.run("plot", "--experiment", experiment(dir).toString(), "--out", svg.toString(), "--steps", "5", "--theme", "projector"));
        org.w3c.dom.Document doc = ExportGuiTest.parse(svg);
        java.util.List<String> texts = ExportGuiTest.texts(doc.getElementsByTagName("text"));
        for (String t : java.util.List.of("Loss", "Accuracy %", "% near zero", "Activation mean", "Activation std", "Gradient mean",
            "Gradient std (log scale)", "Update / weight std (log scale)", "grelu 1", "conv 0", "10⁻³ guide", "step"))
            assertTrue(texts.contains(t), "the SVG has <text>" + t + "</text>: " + texts);
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("cnn-generalrelu · ")), "the figure's title: " + texts);
        assertTrue(doc.getElementsByTagName("path").getLength() >= 1 + 1 + 4 * 5 + 5 + 1,
            "a path per line: loss, batch accuracy, four layers in five charts, five weights and the guide");
        assertEquals(8, doc.getElementsByTagName("image").getLength(), "a heat map and its colour bar per GeneralReLU, embedded");
        assertTrue(Files.readString(svg).contains("rgb(0,128,43)"), "the projector theme's third layer colour");

        assertEquals(0, Cli.run("plot", "--experiment", experiment(dir).toString(), "--out", pdf.toString(), "--steps", "5", "--width", "1200", "--height", "800"));
        assertEquals(java.util.List.of(), PdfLook.fonts(Files.readAllBytes(pdf)), "fonts the PDF would need a reader to have");
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertEquals(1200, d.getPage(0).getMediaBox().getWidth(), 1e-3);
            assertEquals("", new org.apache.pdfbox.text.PDFTextStripper().getText(d).strip(), "the text is drawn as outlines");
            assertEquals(8, new org.apache.pdfbox.text.PDFTextStripper() {
                int images;
                @Override protected void processOperator(org.apache.pdfbox.contentstream.operator.Operator op, java.util.List<org.apache.pdfbox.cos.COSBase> args) throws java.io.IOException {
                    if (op.getName().equals("Do")) images++;
                    super.processOperator(op, args);
                }
                int count(org.apache.pdfbox.pdmodel.PDDocument doc) throws java.io.IOException {
                    getText(doc);
                    return images;
                }
            }.count(d), "a heat map image and its colour bar per GeneralReLU");
        }
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
