package org.initlab.ui;

/**
 * A chart that draws itself through a {@link Painter}: on screen on its canvas, and into PNG, SVG and
 * PDF files by {@link FigurePainter}, the same drawing code for all of them.
 */
public interface PaintedChart {
    /** Draws the chart as laid out now (its size, the theme's style), in its local coordinates. FX thread. */
    void paint(Painter p);
}
