package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import java.awt.image.BufferedImage;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.initlab.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PDF's text is set in pieces (a middle dot is a drawn disc between two strings), each placed after
 * the width measured for the one before: the widths measured must be those of the type the PDF gets,
 * or a piece runs into the next. The lesson's header line has three such joins in 16-pixel-ish type.
 */
class PdfTextPlacementTest {
    @Test
    void piecesOfALineDoNotRunIntoEachOther(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("lesson.pdf");
        assertEquals(0, Cli.run("plot", "--data", ExportGuiTest.DATA, "--lesson", "why-sqrt5", "--out", out.toString()));
        List<List<TextPosition>> strings = new ArrayList<>();
        try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition t) {
                    // one list per string the file draws: a new one where a glyph does not follow the last on its line
                    List<TextPosition> last = strings.isEmpty() ? null : strings.get(strings.size() - 1);
                    TextPosition before = last == null ? null : last.get(last.size() - 1);
                    if (before == null || Math.abs(before.getY() - t.getY()) > 0.5 || Math.abs(before.getX() + before.getWidth() - t.getX()) > 0.05)
                        strings.add(new ArrayList<>());
                    strings.get(strings.size() - 1).add(t);
                }
            };
            s.setStartPage(1);
            s.setEndPage(1);
            s.getText(pdf);
        }
        int checked = 0;
        for (int i = 1; i < strings.size(); i++) {
            List<TextPosition> a = strings.get(i - 1), b = strings.get(i);
            TextPosition end = a.get(a.size() - 1), start = b.get(0);
            if (Math.abs(end.getY() - start.getY()) > 0.5 || start.getX() < end.getX()) continue; // a new line, not the next piece of this one
            checked++;
            assertTrue(end.getX() + end.getWidth() <= start.getX() + 0.05,
                "\"" + text(a) + "\" ends at x " + (end.getX() + end.getWidth()) + ", past the start of \"" + text(b) + "\" at " + start.getX());
        }
        assertTrue(checked >= 3, "the header's pieces were found: " + checked);
    }

    /**
     * PDF's standard type has no √: it is drawn as strokes in the glyph's place, so "√5 (PyTorch default)"
     * reads "5 (PyTorch default)" to a search, with the sign's ink just before the 5, not "sqrt5". The
     * axis title "gain = √(2 / (1 + a²))" splits into pieces with unbalanced parentheses.
     */
    @Test
    void aSquareRootIsDrawnNotSpelled(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("landscape.pdf");
        assertEquals(0, Cli.run("plot", "--data", ExportGuiTest.DATA, "--view", "landscape", "--out", out.toString(), "--width", "900", "--height", "600"));
        try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
            List<TextPosition> glyphs = new ArrayList<>();
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition t) {
                    glyphs.add(t);
                    super.processTextPosition(t);
                }
            };
            String text = s.getText(pdf);
            assertFalse(text.contains("sqrt"), text);
            assertTrue(text.contains("5 (PyTorch default)"), text);
            // the axis title's lone parentheses stay text, not the end of the file's text operator
            assertTrue(text.contains("gain = (2 / (1 + a"), text);
            assertFalse(text.contains(" Tj"), text);
            int at = text(glyphs).indexOf("5 (PyTorch default)");
            assertTrue(at >= 0, "the glyphs of the label were found in order");
            TextPosition five = glyphs.get(at);
            BufferedImage page = new PDFRenderer(pdf).renderImage(0, 2f); // 2 pixels a point
            int ink = 0;
            double h = five.getHeight(), w = five.getWidth();
            for (int y = (int) (2 * (five.getY() - 1.2 * h)); y < 2 * five.getY(); y++)
                for (int x = (int) (2 * (five.getX() - 1.2 * w)); x < 2 * five.getX() - 1; x++)
                    if ((page.getRGB(x, y) & 0xff) < 128) ink++;
            assertTrue(ink >= 2 * h, "the root sign's strokes stand before the 5: " + ink + " dark pixels");
        }
    }

    private static String text(List<TextPosition> ps) {
        StringBuilder b = new StringBuilder();
        for (TextPosition p : ps) b.append(p.getUnicode());
        return b.toString();
    }
}
