package org.initlab.ui;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** A {@link Painter} on a JavaFX canvas: what the window shows, call for call (FX thread only). */
final class FxPainter implements Painter {
    private final GraphicsContext g;

    FxPainter(GraphicsContext g) {
        this.g = g;
    }

    @Override public void setFill(Paint p) { g.setFill(p); }
    @Override public void setStroke(Paint p) { g.setStroke(p); }
    @Override public void setLineWidth(double w) { g.setLineWidth(w); }
    @Override public void setLineDashes(double... dashes) { g.setLineDashes(dashes); }
    @Override public void setLineCap(StrokeLineCap cap) { g.setLineCap(cap); }
    @Override public void setLineJoin(StrokeLineJoin join) { g.setLineJoin(join); }
    @Override public void setFont(Font f) { g.setFont(f); }
    @Override public void setTextAlign(TextAlignment align) { g.setTextAlign(align); }
    @Override public void setTextBaseline(VPos baseline) { g.setTextBaseline(baseline); }
    @Override public void fillText(String s, double x, double y) { g.fillText(s, x, y); }
    @Override public double textWidth(String s) { return StatsPlot.width(s, g.getFont()); }
    @Override public void fillRect(double x, double y, double w, double h) { g.fillRect(x, y, w, h); }
    @Override public void fillOval(double x, double y, double w, double h) { g.fillOval(x, y, w, h); }
    @Override public void strokeLine(double x0, double y0, double x1, double y1) { g.strokeLine(x0, y0, x1, y1); }
    @Override public void fillPolygon(double[] xs, double[] ys, int n) { g.fillPolygon(xs, ys, n); }
    @Override public void strokePolygon(double[] xs, double[] ys, int n) { g.strokePolygon(xs, ys, n); }

    @Override
    public void drawPixels(int[] argb, int width, int height, double x, double y, double w, double h) {
        WritableImage img = new WritableImage(width, height);
        img.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        g.save();
        g.setImageSmoothing(false);
        g.drawImage(img, x, y, w, h);
        g.restore();
    }

    @Override public void beginPath() { g.beginPath(); }
    @Override public void moveTo(double x, double y) { g.moveTo(x, y); }
    @Override public void lineTo(double x, double y) { g.lineTo(x, y); }
    @Override public void stroke() { g.stroke(); }
    @Override public void save() { g.save(); }
    @Override public void restore() { g.restore(); }
    @Override public void translate(double x, double y) { g.translate(x, y); }
    @Override public void rotate(double degrees) { g.rotate(degrees); }
}
