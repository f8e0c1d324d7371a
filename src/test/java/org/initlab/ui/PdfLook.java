package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** A PDF export as a reader meets it: the fonts it needs, and its page drawn (PDFBox) beside the PNG of the same figure. */
final class PdfLook {
    /** Two pixels differ where a channel differs by more than this: a glyph's edge drawn apart, not a shade of smoothing. */
    static final int DIFFERENT = 96;

    private PdfLook() {}

    /** The names of the fonts the file's pages use: none, for a file whose text is outlines. */
    static List<String> fonts(byte[] pdf) throws IOException {
        List<String> names = new ArrayList<>();
        try (PDDocument d = Loader.loadPDF(pdf)) {
            for (PDPage p : d.getPages())
                for (COSName n : p.getResources().getFontNames()) names.add(n.getName() + " " + p.getResources().getFont(n).getName());
        }
        return names;
    }

    /** The first page at a pixel per point. */
    static BufferedImage page(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFRenderer(d).renderImage(0, 1f, ImageType.RGB);
        }
    }

    /**
     * The fraction of pixels of {@code a} with no pixel of like colour ({@link #DIFFERENT}) in {@code b} within a pixel,
     * counted both ways: what one draws and the other does not, not where two renderers smooth an edge apart.
     */
    static double differing(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth() + "x" + a.getHeight(), b.getWidth() + "x" + b.getHeight(), "the page is the figure's size");
        return (unlike(a, b) + unlike(b, a)) / (2.0 * a.getWidth() * a.getHeight());
    }

    private static long unlike(BufferedImage a, BufferedImage b) {
        long n = 0;
        for (int y = 0; y < a.getHeight(); y++)
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                boolean like = false;
                for (int dy = -1; dy <= 1 && !like; dy++)
                    for (int dx = -1; dx <= 1 && !like; dx++) {
                        int u = x + dx, v = y + dy;
                        like = u >= 0 && v >= 0 && u < b.getWidth() && v < b.getHeight() && !far(p, b.getRGB(u, v));
                    }
                if (!like) n++;
            }
        return n;
    }

    static boolean far(int p, int q) {
        for (int s = 0; s < 24; s += 8) if (Math.abs((p >> s & 255) - (q >> s & 255)) > DIFFERENT) return true;
        return false;
    }

    /** The smallest rectangle within {@code band} holding every pixel that differs from {@code background}; null where none does. */
    static Rectangle ink(BufferedImage img, Rectangle band, int background) {
        Rectangle r = null;
        for (int y = band.y; y < band.y + band.height; y++)
            for (int x = band.x; x < band.x + band.width; x++)
                if (far(img.getRGB(x, y), background)) {
                    if (r == null) r = new Rectangle(x, y, 1, 1);
                    else r.add(new Rectangle(x, y, 1, 1));
                }
        return r;
    }

    /** How many pixels within {@code area} differ from {@code background}. */
    static int inkCount(BufferedImage img, Rectangle area, int background) {
        int n = 0;
        for (int y = area.y; y < area.y + area.height; y++)
            for (int x = area.x; x < area.x + area.width; x++) if (far(img.getRGB(x, y), background)) n++;
        return n;
    }

    /** How many of {@code a}'s ink pixels within {@code area} have no ink in {@code b} within a pixel: shapes apart, not a smoothed edge. */
    static int unmatched(BufferedImage a, BufferedImage b, Rectangle area, int background) {
        int n = 0;
        for (int y = area.y; y < area.y + area.height; y++)
            for (int x = area.x; x < area.x + area.width; x++) {
                if (!far(a.getRGB(x, y), background)) continue;
                boolean near = false;
                for (int dy = -1; dy <= 1 && !near; dy++)
                    for (int dx = -1; dx <= 1 && !near; dx++) {
                        int u = x + dx, v = y + dy;
                        near = u >= 0 && v >= 0 && u < b.getWidth() && v < b.getHeight() && far(b.getRGB(u, v), background);
                    }
                if (!near) n++;
            }
        return n;
    }

    /**
     * The file holds no font and draws what the PNG draws: under 0.15 % of the pixels differ ({@link #differing}); PDFBox
     * and Java2D smooth a thin coloured line onto different rows, up to 0.07 % of the training charts' pixels.
     */
    static void assertDrawnLikeThePng(byte[] pdf, BufferedImage png) throws IOException {
        assertEquals(List.of(), fonts(pdf), "a font the file would need a reader to have");
        double off = differing(png, page(pdf));
        assertTrue(off < 0.0015, String.format("%.3f %% of the PDF's pixels differ from the PNG's", 100 * off));
    }
}
