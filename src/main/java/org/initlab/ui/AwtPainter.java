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
import java.util.Deque;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.TextAlignment;

/**
 * A {@link Painter} on a {@code java.awt.Graphics2D}: a PNG's image, JFreeSVG's and JFreePDF's
 * documents. The UI's type becomes {@code family} at the same size and weight, and text is measured
 * in that type on every target; a PDF's graphics draws it as the glyphs' outlines ({@link ChartFiles#pdf}).
 */
final class AwtPainter implements Painter {

    /** Every setting {@link #save()} keeps. */
    private record State(AffineTransform transform, java.awt.Color fill, java.awt.Color stroke, float width, float[] dashes, int cap, int join,
                         Font font, TextAlignment align, VPos baseline) {}

    private final Graphics2D g;
    private final String family;
    /** SVG only: where the viewer itself places centred and right-aligned text; null elsewhere. */
    private final SvgTextAnchors anchors;
    private final Deque<State> saved = new ArrayDeque<>();
    private java.awt.Color fill = java.awt.Color.BLACK, stroke = java.awt.Color.BLACK;
    private float width = 1;
    private float[] dashes;
    private int cap = BasicStroke.CAP_SQUARE, join = BasicStroke.JOIN_MITER;
    private Font font;
    private TextAlignment align = TextAlignment.LEFT;
    private VPos baseline = VPos.BASELINE;
    private Path2D.Double path = new Path2D.Double();

    /** @param family the type's family: a logical one ("SansSerif") everywhere a file is read */
    AwtPainter(Graphics2D g, String family) {
        this(g, family, null);
    }

    /** @param anchors for a JFreeSVG graphics: centred and right-aligned text is anchored, not placed by this JVM's font */
    AwtPainter(Graphics2D g, String family, SvgTextAnchors anchors) {
        this.g = g;
        this.family = family;
        this.anchors = anchors;
        font = new Font(family, Font.PLAIN, 12);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
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
        font = new Font(family, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) f.getSize());
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
        FontMetrics m = g.getFontMetrics(font);
        double w = textWidth(s);
        double left = switch (align) { case CENTER -> x - w / 2; case RIGHT -> x - w; default -> x; };
        double base = switch (baseline) {
            case TOP -> y + m.getAscent();
            case CENTER -> y + (m.getAscent() - m.getDescent()) / 2.0;
            case BOTTOM -> y - m.getDescent();
            default -> y;
        };
        g.setPaint(fill);
        g.setFont(font);
        if (anchors != null && (align == TextAlignment.CENTER || align == TextAlignment.RIGHT) && !s.isEmpty()) {
            // the viewer's type may be wider or narrower than ours: it centres (or right-aligns) the text itself at x
            anchors.next(g, align);
            g.drawString(s, (float) x, (float) base);
            return;
        }
        g.drawString(s, (float) left, (float) base);
    }

    @Override
    public void fillCentredText(String s, double x, double centre, double y) {
        setTextAlign(anchors == null ? TextAlignment.LEFT : TextAlignment.CENTER);
        fillText(s, anchors == null ? x : centre, y);
    }

    @Override
    public double textWidth(String s) {
        return font.getStringBounds(s, g.getFontRenderContext()).getWidth();
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
