package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import org.jfree.pdf.PDFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A figure's text in a file stands where it stands on screen: a title that wraps in the window wraps in the SVG, and stays on the page. */
class FigureTextGuiTest {
    @BeforeAll
    static void start() {
        Fx.start();
    }

    @Test
    void aWrappedTitleWrapsInTheFileAndStaysOnThePage(@TempDir Path dir) throws Exception {
        String title = "cnn-generalrelu · kaiming-normal a=0.100 fan_in · adam lr=0.001 · seed 0 · batch 64 · 937/937 steps · test accuracy 97.3 %";
        Path svg = dir.resolve("t.svg");
        Fx.run(() -> {
            VBox root = Plots.titled(title, new TelemetryCharts(), "projector", 640, 480);
            root.applyCss();
            root.layout();
            try {
                ChartFiles.write(root, svg, 1);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        NodeList texts = ExportGuiTest.parse(svg).getElementsByTagName("text");
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            Element t = (Element) texts.item(i);
            if (!title.contains(t.getTextContent()) || t.getTextContent().length() < 10) continue;
            parts.add(t.getTextContent());
            assertTrue(Double.parseDouble(t.getAttribute("x")) >= 0, "'" + t.getTextContent() + "' starts on the page at x = " + t.getAttribute("x"));
        }
        assertTrue(parts.size() >= 2, "the title on two lines or more at 640 px: " + parts);
        assertEquals(title, String.join(" ", parts), "every word once, in order");
        assertTrue(Files.size(svg) > 1000);
    }

    /** A line 0.5 % to 5 % too wide for its place is set smaller, and ends within its place in the PDF's measure. */
    @Test
    void aLineALittleTooWideIsSetSmallerInAPdf() throws Exception {
        String line = "cnn-generalrelu · kaiming-normal a=0.100 fan_in · adam lr=0.001 · seed 0";
        Font font = Font.font(16);
        List<String> tooWide = Fx.call(() -> {
            AwtPainter p = new AwtPainter(new PDFDocument().createPage(new Rectangle(800, 100)).getGraphics2D(), ChartFiles.FAMILY);
            p.setFont(font);
            double natural = p.textWidth(line);
            List<String> out = new ArrayList<>();
            for (double over : new double[] {1.005, 1.01, 1.02, 1.03, 1.05}) {
                double room = natural / over;
                FigurePainter.fit(p, line, font, false, room);
                if (p.textWidth(line) > room + 0.5) out.add(over + ": " + p.textWidth(line) + " in " + room);
            }
            return out;
        });
        assertTrue(tooWide.isEmpty(), "lines still past their place: " + tooWide);
    }
}
