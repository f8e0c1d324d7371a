package org.initlab.ui;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.layout.Region;
import javax.imageio.ImageIO;
import org.initlab.AtomicFile;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.PDFHints;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;

/**
 * A laid-out chart panel written as PNG (at 1×, 2× or 3× its size), SVG or PDF, chosen by the file's
 * extension; all three draw the same charts through {@link FigurePainter}, lines as paths in SVG and
 * PDF (JFreeSVG, JFreePDF). SVG keeps text as text; PDF draws it as the outlines of the PNG's type. Reads
 * the nodes: FX thread.
 */
public final class ChartFiles {
    /** The extensions {@link #write} knows. */
    public static final List<String> FORMATS = List.of("png", "svg", "pdf");
    /** The type of every file: a logical family, so SVG viewers and PDF readers find one everywhere. */
    static final String FAMILY = "SansSerif";

    private ChartFiles() {}

    /** "png", "svg" or "pdf" from the file name; fails naming the file and the formats otherwise, or where it is a folder. */
    public static String format(Path file) {
        notAFolder(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        if (!FORMATS.contains(ext))
            throw new IllegalArgumentException(file + ": unknown format '" + ext + "' (the name must end in ." + String.join(", .", FORMATS) + ")");
        return ext;
    }

    /** Refuses an existing folder as the file to write, with one line naming it. */
    public static void notAFolder(Path file) {
        if (Files.isDirectory(file)) throw new IllegalArgumentException(file + " is a folder, not a file");
    }

    /**
     * Writes the panel to {@code file} in the format its extension names; {@code scale} (1–3) applies to PNG only.
     * A failure leaves the file as it was ({@link #save}).
     */
    public static void write(Region figure, Path file, int scale) throws IOException {
        save(file, render(figure, format(file), scale));
    }

    /** Draws the panel in a format ("png", "svg", "pdf"); what it returns encodes it, on any thread. FX thread. */
    static AtomicFile.Content render(Region figure, String format, int scale) {
        return switch (format) {
            case "png" -> png(image(figure, scale));
            case "svg" -> bytes(svg(figure).getBytes(StandardCharsets.UTF_8));
            case "pdf" -> bytes(pdf(figure));
            default -> throw new IllegalArgumentException("unknown format '" + format + "'");
        };
    }

    /** Writes an image drawn by {@link #image} as PNG, making its folder where it is missing; a failure leaves the file as it was. */
    public static void writePng(BufferedImage img, Path file) throws IOException {
        save(file, png(img));
    }

    /** An image drawn by {@link #image}, to be encoded as PNG on any thread. */
    static AtomicFile.Content png(BufferedImage img) {
        return out -> { // cached in memory: ImageIO's default cache is a file in the temporary folder, a second disk that can be full
            try (var ios = new javax.imageio.stream.MemoryCacheImageOutputStream(out)) {
                if (!ImageIO.write(img, "png", ios)) throw new IOException("no PNG writer available");
            }
        };
    }

    private static AtomicFile.Content bytes(byte[] b) {
        return out -> out.write(b);
    }

    /**
     * Writes through {@link AtomicFile}, so a failure (a full disk, a size limit, an encoder's error) leaves the file
     * as it was; the error is one line naming the file and the reason.
     */
    static void save(Path file, AtomicFile.Content content) throws IOException {
        notAFolder(file); // the one-line refusal, rather than AtomicFile's I/O error about it
        try {
            AtomicFile.write(file, content);
        } catch (IOException e) {
            throw notWritten(file, e);
        }
    }

    /** The error of a failed write, in one line naming the file: where the file exists, {@link AtomicFile} kept it as it was. */
    static IOException notWritten(Path file, IOException e) {
        return new IOException(file + " could not be written (" + reason(e) + ")" + (Files.exists(file) ? "; it is as it was" : ""), e);
    }

    /** The innermost I/O error's words: an encoder's "I/O error writing PNG file!" wraps the disk's "File too large". */
    private static String reason(IOException e) {
        Throwable why = e;
        while (why.getCause() instanceof IOException c) why = c;
        String m = why instanceof FileSystemException f ? f.getReason() : why.getMessage();
        return m == null ? why.getClass().getSimpleName() : m.lines().findFirst().orElse("");
    }

    /** The panel as an image {@code scale} times its size on screen, drawn at that resolution (not enlarged pixels). */
    public static BufferedImage image(Region figure, int scale) {
        if (scale < 1 || scale > 3) throw new IllegalArgumentException("scale must be 1, 2 or 3 (got " + scale + ")");
        int w = (int) Math.ceil(figure.getWidth() * scale), h = (int) Math.ceil(figure.getHeight() * scale);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.scale(scale, scale);
            FigurePainter.paint(figure, new AwtPainter(g, FAMILY));
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * The panel as an SVG document: text in {@code <text>} elements, centred and right-aligned text
     * anchored at its point ({@link SvgTextAnchors}), lines and markers as shapes.
     */
    public static String svg(Region figure) {
        SVGGraphics2D g = new SVGGraphics2D(figure.getWidth(), figure.getHeight());
        SvgTextAnchors anchors = new SvgTextAnchors();
        FigurePainter.paint(figure, new AwtPainter(g, FAMILY, anchors));
        return anchors.apply(g.getSVGDocument());
    }

    /**
     * The panel as a one-page PDF, a point per pixel, its text drawn as the outlines of the glyphs the PNG
     * draws: the file holds no font, so a journal's check for embedded fonts passes and every character
     * (dashes, superscripts, ≈) shows as on screen, laid out by the same widths. A figure's words are not
     * searchable in it; the paper's caption is what a reader searches, and the SVG keeps text as text.
     */
    public static byte[] pdf(Region figure) {
        PDFDocument doc = new PDFDocument();
        doc.setTitle("InitLab charts");
        Page page = doc.createPage(new Rectangle2D.Double(0, 0, figure.getWidth(), figure.getHeight()));
        PDFGraphics2D g = page.getGraphics2D();
        g.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        FigurePainter.paint(figure, new AwtPainter(g, FAMILY));
        return doc.getPDFBytes();
    }
}
