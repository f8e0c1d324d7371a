package org.initlab.ui;

import javafx.geometry.Bounds;
import javafx.geometry.HPos;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Draws a laid-out panel (its theme's CSS applied) through a {@link Painter}, as it stands on screen:
 * the plain colour fills of its regions, its texts (titles, captions) and every {@link PaintedChart}
 * by the chart's own drawing code. What is neither (controls' skins) is left out, so a
 * figure holds charts and text only. FX thread.
 */
final class FigurePainter {
    private FigurePainter() {}

    static void paint(Region figure, Painter p) {
        p.setFill(background(figure));
        p.fillRect(0, 0, figure.getWidth(), figure.getHeight());
        visit(figure, figure, p);
    }

    /** What the panel stands on: the nearest plain colour fill of it or a region around it (the theme's window background). */
    static Color background(Node node) {
        for (Node n = node; n != null; n = n.getParent())
            if (n instanceof Region r && r.getBackground() != null)
                for (BackgroundFill f : r.getBackground().getFills())
                    if (f.getFill() instanceof Color c && c.getOpacity() == 1) return c;
        return Color.WHITE;
    }

    private static void visit(Region figure, Node node, Painter p) {
        if (!node.isVisible()) return;
        Bounds b = node.getLayoutBounds();
        Point2D at = figure.sceneToLocal(node.localToScene(0, 0));
        if (node instanceof PaintedChart chart) {
            p.save();
            p.translate(at.getX(), at.getY());
            chart.paint(p);
            p.restore();
            return;
        }
        if (node instanceof Region r && r.getBackground() != null)
            for (BackgroundFill f : r.getBackground().getFills())
                if (f.getFill() instanceof Color c && c.getOpacity() > 0) {
                    p.setFill(c);
                    p.fillRect(at.getX() + b.getMinX() + f.getInsets().getLeft(), at.getY() + b.getMinY() + f.getInsets().getTop(),
                        b.getWidth() - f.getInsets().getLeft() - f.getInsets().getRight(), b.getHeight() - f.getInsets().getTop() - f.getInsets().getBottom());
                }
        if (node instanceof Text t && t.getFill() instanceof Color c && !t.getText().isEmpty()) {
            java.util.List<String> lines = lines(t);
            double lineH = b.getHeight() / lines.size();
            p.setFill(c);
            boolean bold = t.getFont().getStyle().toLowerCase(java.util.Locale.ROOT).contains("bold");
            p.setTextAlign(t.getTextAlignment());
            p.setTextBaseline(VPos.BASELINE);
            double x = switch (t.getTextAlignment()) {
                case CENTER -> b.getMinX() + b.getWidth() / 2;
                case RIGHT -> b.getMaxX();
                default -> b.getMinX();
            };
            double room = t.getWrappingWidth() > 0 ? Math.max(t.getWrappingWidth(), b.getWidth()) : b.getWidth();
            double centre = lines.size() == 1 ? centre(figure, t) : Double.NaN;
            for (int i = 0; i < lines.size(); i++) {
                fit(p, lines.get(i), t.getFont(), bold, room);
                double y = at.getY() + b.getMinY() + t.getBaselineOffset() + i * lineH;
                if (!Double.isNaN(centre)) p.fillCentredText(lines.get(i), at.getX() + x, centre, y);
                else p.fillText(lines.get(i), at.getX() + x, y);
            }
        }
        if (node instanceof Parent parent)
            for (Node child : parent.getChildrenUnmodifiable()) visit(figure, child, p);
    }

    /**
     * The x in the figure that a left-aligned label's line stands centred on, or NaN: the label centres
     * its text, or it is no wider than its text (to the pixel) and its VBox centres it (a figure's title line).
     */
    static double centre(Region figure, Text t) {
        if (!(t.getParent() instanceof Labeled l) || t.getTextAlignment() != TextAlignment.LEFT) return Double.NaN;
        boolean centred = l.getAlignment().getHpos() == HPos.CENTER
            || l.getParent() instanceof VBox v && v.getAlignment().getHpos() == HPos.CENTER && l.getWidth() < l.prefWidth(-1) + 1;
        if (!centred) return Double.NaN;
        double left = figure.sceneToLocal(l.localToScene(0, 0)).getX() + l.snappedLeftInset();
        return left + (l.getWidth() - l.snappedLeftInset() - l.snappedRightInset()) / 2;
    }

    /**
     * Sets {@code font} on the painter, or a smaller size where the line would outgrow {@code room}: a
     * file's type can run a few percent wider than the screen's. Measured again after each try, as a
     * type's width need not shrink exactly in step with its size.
     */
    static void fit(Painter p, String line, Font font, boolean bold, double room) {
        p.setFont(font);
        double w = p.textWidth(line), size = font.getSize();
        for (int tries = 0; w > room + 0.5 && size > 1 && tries < 12; tries++) {
            size = tries == 0 ? size * room / w : Math.min(size * room / w, size - 0.5);
            p.setFont(Font.font(font.getFamily(), bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
            w = p.textWidth(line);
        }
    }

    /** The text's lines as shown: its own line breaks, and where it wraps (a label with wrapText), breaks between words as JavaFX makes them. */
    static java.util.List<String> lines(Text t) {
        java.util.List<String> out = new java.util.ArrayList<>();
        double wrap = t.getWrappingWidth();
        for (String line : t.getText().split("\n", -1)) {
            if (wrap <= 0 || StatsPlot.width(line, t.getFont()) <= wrap) {
                out.add(line);
                continue;
            }
            StringBuilder b = new StringBuilder();
            for (String word : line.split(" ")) {
                if (b.length() > 0 && StatsPlot.width(b + " " + word, t.getFont()) > wrap) {
                    out.add(b.toString());
                    b.setLength(0);
                }
                b.append(b.length() > 0 ? " " : "").append(word);
            }
            out.add(b.toString());
        }
        return out;
    }
}
