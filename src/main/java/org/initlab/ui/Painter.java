package org.initlab.ui;

import javafx.geometry.VPos;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * What the charts draw with: the calls of JavaFX's {@code GraphicsContext} that charts use, so chart
 * code reads as canvas code. The screen draws on a canvas ({@link FxPainter}); PNG, SVG and PDF files
 * draw on a {@code java.awt.Graphics2D} ({@link AwtPainter}), so every chart is drawn by one piece of
 * code for all four. Text stays text on every target. Paints are {@code Color}s.
 */
public interface Painter {
    void setFill(Paint p);

    void setStroke(Paint p);

    void setLineWidth(double w);

    /** Dash lengths; none (or null): solid. */
    void setLineDashes(double... dashes);

    void setLineCap(StrokeLineCap cap);

    void setLineJoin(StrokeLineJoin join);

    void setFont(Font f);

    void setTextAlign(TextAlignment align);

    void setTextBaseline(VPos baseline);

    void fillText(String s, double x, double y);

    /**
     * A left-aligned line that the screen's layout centres on {@code centre} (a label its parent centres),
     * drawn from {@code x} as laid out; a painter whose viewer places text itself (SVG) anchors it at
     * {@code centre} instead, so a viewer with another type still centres it.
     */
    default void fillCentredText(String s, double x, double centre, double y) {
        setTextAlign(TextAlignment.LEFT);
        fillText(s, x, y);
    }

    /** How wide {@code s} is in the current font, as this painter draws it (a file's type may be wider than the screen's). */
    double textWidth(String s);

    void fillRect(double x, double y, double w, double h);

    void fillOval(double x, double y, double w, double h);

    void strokeLine(double x0, double y0, double x1, double y1);

    void fillPolygon(double[] xs, double[] ys, int n);

    void strokePolygon(double[] xs, double[] ys, int n);

    /**
     * An image of {@code width}×{@code height} ARGB pixels (row by row, top row first) stretched over the
     * rectangle, each pixel a sharp block: a heat map's cells, not a photograph to smooth.
     */
    void drawPixels(int[] argb, int width, int height, double x, double y, double w, double h);

    void beginPath();

    void moveTo(double x, double y);

    void lineTo(double x, double y);

    /** Strokes the path begun by {@link #beginPath()}. */
    void stroke();

    /** Keeps the transform and every setting until the matching {@link #restore()}. */
    void save();

    void restore();

    void translate(double x, double y);

    /** Turns what follows by this many degrees, clockwise on screen. */
    void rotate(double degrees);
}
