package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A PDF figure's type, as a journal's check and a reader see it: the file needs no font, and its title
 * (an en dash, superscripts, ≈, √, ×, ±) is drawn glyph for glyph where the PNG draws it, centred.
 */
class PdfTypeGuiTest {
    static final String TITLE = "images 0–99 · std ≈ 10⁻³ · gain √5 × ±1";

    @BeforeAll
    static void start() {
        Fx.start();
    }

    @ParameterizedTest
    @ValueSource(strings = {"light", "dark", "projector"})
    void theTitleIsDrawnAsInThePngAndCentred(String theme) throws Exception {
        record Drawn(BufferedImage png, byte[] pdf, int background, int width, Rectangle band) {}
        Drawn d = Fx.call(() -> {
            VBox root = Plots.titled(TITLE, new HistogramStrip(), theme, 640, 200);
            root.applyCss();
            root.layout();
            var title = root.getChildren().get(0).getBoundsInParent();
            return new Drawn(ChartFiles.image(root, 1), ChartFiles.pdf(root), AwtPainter.awt(FigurePainter.background(root)).getRGB(), (int) root.getWidth(),
                new Rectangle(0, 0, (int) root.getWidth(), (int) Math.ceil(title.getMaxY())));
        });
        assertEquals(List.of(), PdfLook.fonts(d.pdf()), "a font the file would need a reader to have");
        BufferedImage page = PdfLook.page(d.pdf());
        Rectangle png = PdfLook.ink(d.png(), d.band(), d.background()), pdf = PdfLook.ink(page, d.band(), d.background());
        assertNotNull(pdf, "the PDF's title has ink");
        assertEquals(png.getMinX(), pdf.getMinX(), 1.5, "the title starts where the PNG's does: " + pdf + " against " + png);
        assertEquals(png.getMaxX(), pdf.getMaxX(), 1.5, "the title ends where the PNG's does: " + pdf + " against " + png);
        assertEquals(d.width() / 2.0, pdf.getCenterX(), 2, "the title's ink is centred on the page: " + pdf);
        // glyph for glyph: a hyphen for the dash, a '?' for ≈ or a plain 3 for ⁻³ leaves ink where the PNG has none near, or none where it has
        int ink = PdfLook.inkCount(d.png(), png, d.background()), off = PdfLook.unmatched(d.png(), page, png, d.background()) + PdfLook.unmatched(page, d.png(), png, d.background());
        assertTrue(off <= ink / 500, off + " of the title's " + ink + " ink pixels have no ink within a pixel in the other file");
    }
}
