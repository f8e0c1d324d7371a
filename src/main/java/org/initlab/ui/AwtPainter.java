package org.initlab.ui;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.TextAlignment;

/**
 * A {@link Painter} on a {@code java.awt.Graphics2D}: a PNG's image, JFreeSVG's and JFreePDF's
 * documents. The UI's type becomes {@code family} at the same size and weight. JFreePDF writes text in
 * ASCII only, so for PDF ({@code asciiText}) {@code 10⁻³} is drawn as "10" and a smaller, raised
 * "-3", a middle dot as a small disc, a square root sign as strokes, dashes as hyphens: still text,
 * and found by a search.
 */
final class AwtPainter implements Painter {
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁻";
    private static final String PLAIN = "0123456789-";

    /** Every setting {@link #save()} keeps. */
    private record State(AffineTransform transform, java.awt.Color fill, java.awt.Color stroke, float width, float[] dashes, int cap, int join,
                         Font font, TextAlignment align, VPos baseline) {}

    private final Graphics2D g;
    private final String family;
    /** The family whose widths lay the text out: for PDF one with Helvetica's metrics, where installed. */
    private final String measureFamily;
    private final boolean asciiText;
    private final Deque<State> saved = new ArrayDeque<>();
    private java.awt.Color fill = java.awt.Color.BLACK, stroke = java.awt.Color.BLACK;
    private float width = 1;
    private float[] dashes;
    private int cap = BasicStroke.CAP_SQUARE, join = BasicStroke.JOIN_MITER;
    private Font font;
    private TextAlignment align = TextAlignment.LEFT;
    private VPos baseline = VPos.BASELINE;
    private Path2D.Double path = new Path2D.Double();

    /**
     * @param family    the type's family: a logical one ("SansSerif") everywhere a file is read
     * @param asciiText spell text in ASCII, superscripts raised (for JFreePDF)
     */
    AwtPainter(Graphics2D g, String family, boolean asciiText) {
        this.g = g;
        this.family = family;
        this.asciiText = asciiText;
        measureFamily = asciiText ? helveticaLike(family) : family;
        font = new Font(family, Font.PLAIN, 12);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    /** A font with Helvetica's widths (the URW and Liberation clones are metric-compatible), else the family itself. */
    private static String helveticaLike(String fallback) {
        Set<String> installed = Set.of(java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        for (String f : new String[] {"Helvetica", "Nimbus Sans", "Nimbus Sans L", "Liberation Sans", "Arial"})
            if (installed.contains(f)) return f;
        return fallback;
    }

    static java.awt.Color awt(Paint p) {
        Color c = p instanceof Color color ? color : Color.BLACK;
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
    }

    @Override public void setFill(Paint p) { fill = awt(p); }
    @Override public void setStroke(Paint p) { stroke = awt(p); }
    @Override public void setLineWidth(double w) { width = (float) w; }

    @Override
    public void setLineDashes(double... d) {
        if (d == null || d.length == 0) {
            dashes = null;
            return;
        }
        dashes = new float[d.length];
        for (int i = 0; i < d.length; i++) dashes[i] = (float) d[i];
    }

    @Override
    public void setLineCap(StrokeLineCap c) {
        cap = switch (c) { case ROUND -> BasicStroke.CAP_ROUND; case BUTT -> BasicStroke.CAP_BUTT; case SQUARE -> BasicStroke.CAP_SQUARE; };
    }

    @Override
    public void setLineJoin(StrokeLineJoin j) {
        join = switch (j) { case ROUND -> BasicStroke.JOIN_ROUND; case BEVEL -> BasicStroke.JOIN_BEVEL; case MITER -> BasicStroke.JOIN_MITER; };
    }

    @Override
    public void setFont(javafx.scene.text.Font f) {
        boolean bold = f.getStyle().toLowerCase(Locale.ROOT).contains("bold");
        font = new Font(family, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont(size(f.getSize()));
    }

    /** JFreePDF writes a font's size as a whole number: text for it is measured in the size it will be set in. */
    private float size(double s) {
        return asciiText ? Math.max(1, Math.round(s)) : (float) s;
    }

    @Override public void setTextAlign(TextAlignment a) { align = a; }
    @Override public void setTextBaseline(VPos b) { baseline = b; }

    @Override public void fillRect(double x, double y, double w, double h) { fill(new Rectangle2D.Double(x, y, w, h)); }
    @Override public void fillOval(double x, double y, double w, double h) { fill(new Ellipse2D.Double(x, y, w, h)); }
    @Override public void strokeLine(double x0, double y0, double x1, double y1) { draw(new Line2D.Double(x0, y0, x1, y1)); }
    @Override public void fillPolygon(double[] xs, double[] ys, int n) { fill(polygon(xs, ys, n)); }
    @Override public void strokePolygon(double[] xs, double[] ys, int n) { draw(polygon(xs, ys, n)); }

    /**
     * The pixels enlarged by whole factors to at least the drawn size before they are placed: SVG viewers
     * and PDF readers smooth an image they stretch, which would blur the cells into each other.
     */
    @Override
    public void drawPixels(int[] argb, int width, int height, double x, double y, double w, double h) {
        int kx = (int) Math.max(1, Math.min(Math.ceil(w / width), 4096 / width)), ky = (int) Math.max(1, Math.min(Math.ceil(h / height), 4096 / height));
        BufferedImage img = new BufferedImage(width * kx, height * ky, BufferedImage.TYPE_INT_ARGB);
        int[] px = ((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (int r = 0, i = 0; r < height * ky; r++)
            for (int c = 0; c < width * kx; c++) px[i++] = argb[(r / ky) * width + c / kx];
        AffineTransform at = new AffineTransform(w / img.getWidth(), 0, 0, h / img.getHeight(), x, y);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(img, at, null);
    }

    @Override public void beginPath() { path = new Path2D.Double(); }
    @Override public void moveTo(double x, double y) { path.moveTo(x, y); }
    @Override public void lineTo(double x, double y) { path.lineTo(x, y); }
    @Override public void stroke() { draw(path); }

    private static Path2D polygon(double[] xs, double[] ys, int n) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < n; i++) {
            if (i == 0) p.moveTo(xs[i], ys[i]);
            else p.lineTo(xs[i], ys[i]);
        }
        p.closePath();
        return p;
    }

    private void fill(java.awt.Shape s) {
        g.setPaint(fill);
        g.fill(s);
    }

    private void draw(java.awt.Shape s) {
        g.setPaint(stroke);
        g.setStroke(new BasicStroke(width, cap, join, 10f, dashes, 0f));
        g.draw(s);
    }

    @Override
    public void fillText(String s, double x, double y) {
        FontMetrics m = g.getFontMetrics(measured(font));
        double w = width(s, font);
        double left = switch (align) { case CENTER -> x - w / 2; case RIGHT -> x - w; default -> x; };
        double base = switch (baseline) {
            case TOP -> y + m.getAscent();
            case CENTER -> y + (m.getAscent() - m.getDescent()) / 2.0;
            case BOTTOM -> y - m.getDescent();
            default -> y;
        };
        g.setPaint(fill);
        if (!asciiText || isAscii(s)) {
            g.setFont(font);
            g.drawString(asciiText ? pdfString(s) : s, (float) left, (float) base);
            return;
        }
        for (Run r : runs(s, font)) {
            if (r.mark == '·') {
                double d = r.font.getSize2D() * 0.18;
                g.fill(new Ellipse2D.Double(left + (width(r) - d) / 2, base - r.font.getSize2D() * 0.33 - d / 2, d, d));
            } else if (r.mark == '√') {
                radical(left, base, width(r), r.font.getSize2D());
            } else {
                g.setFont(r.font);
                g.drawString(pdfString(r.text), (float) left, (float) (base - r.rise));
            }
            left += width(r);
        }
    }

    @Override
    public double textWidth(String s) {
        return width(s, font);
    }

    /** The same type in the family that measures it. */
    private Font measured(Font f) {
        return measureFamily.equals(family) ? f : new Font(measureFamily, f.getStyle(), 1).deriveFont(f.getSize2D());
    }

    private double width(String s, Font f) {
        if (!asciiText || isAscii(s)) return measured(f).getStringBounds(s, g.getFontRenderContext()).getWidth();
        double w = 0;
        for (Run r : runs(s, f)) w += width(r);
        return w;
    }

    private double width(Run r) {
        return measured(r.font).getStringBounds(r.mark != 0 ? String.valueOf(r.mark) : r.text, g.getFontRenderContext()).getWidth();
    }

    /** A square root sign in a glyph's box of width {@code w} on {@code base}: a short rising tick, the long stroke up, a bar to the box's right edge. */
    private void radical(double left, double base, double w, double size) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(left + 0.08 * w, base - 0.38 * size);
        p.lineTo(left + 0.25 * w, base - 0.46 * size);
        p.lineTo(left + 0.48 * w, base);
        p.lineTo(left + 0.80 * w, base - 0.78 * size);
        p.lineTo(left + w, base - 0.78 * size);
        g.setStroke(new BasicStroke((float) (size * 0.075), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        g.draw(p);
    }

    /** JFreePDF writes a string between parentheses as it is: a lone '(' or ')' (or a '\\') would end the text operator, so they are escaped. */
    private static String pdfString(String s) {
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) > 126) return false;
        return true;
    }

    /** A stretch of text in one type, raised above the baseline by {@code rise}; or a drawn mark ({@code mark}: '·' or '√', else 0). */
    private record Run(String text, Font font, double rise, char mark) {}

    /** Plain stretches in ASCII, superscript stretches as plain digits in 70 % type raised by 40 % of the size, middle dots and root signs apart. */
    private static List<Run> runs(String s, Font f) {
        List<Run> runs = new ArrayList<>();
        Font small = f.deriveFont((float) Math.max(1, Math.round(f.getSize2D() * 0.7f))); // a whole number, as JFreePDF sets it
        StringBuilder b = new StringBuilder();
        int kind = 0; // 0 plain, 1 superscript
        for (int i = 0; i <= s.length(); i++) {
            char ch = i < s.length() ? s.charAt(i) : 0;
            boolean mark = ch == '·' || ch == '√';
            int k = SUPERSCRIPTS.indexOf(ch), next = i == s.length() || mark ? -1 : k >= 0 ? 1 : 0;
            if (next != kind && b.length() > 0) {
                runs.add(new Run(b.toString(), kind == 1 ? small : f, kind == 1 ? f.getSize2D() * 0.4 : 0, (char) 0));
                b.setLength(0);
            }
            if (mark) runs.add(new Run("", f, 0, ch));
            else if (i < s.length()) b.append(k >= 0 ? String.valueOf(PLAIN.charAt(k)) : ascii(ch));
            if (next >= 0) kind = next;
        }
        return runs;
    }

    /** The ASCII spelling of a character PDF's text cannot hold. */
    private static String ascii(char c) {
        return switch (c) {
            case '–', '—', '−' -> "-";
            case '×' -> "x";
            case '≈' -> "~";
            case '…' -> "...";
            case '≥' -> ">=";
            case '≤' -> "<=";
            case '±' -> "+/-";
            default -> c > 126 ? "?" : String.valueOf(c);
        };
    }

    @Override
    public void save() {
        saved.push(new State(g.getTransform(), fill, stroke, width, dashes, cap, join, font, align, baseline));
    }

    @Override
    public void restore() {
        State s = saved.pop();
        g.setTransform(s.transform());
        fill = s.fill();
        stroke = s.stroke();
        width = s.width();
        dashes = s.dashes();
        cap = s.cap();
        join = s.join();
        font = s.font();
        align = s.align();
        baseline = s.baseline();
    }

    @Override public void translate(double x, double y) { g.translate(x, y); }
    @Override public void rotate(double degrees) { g.rotate(Math.toRadians(degrees)); }
}
