package org.initlab.ui;

import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A chart drawn on one canvas, redrawn at the next layout pass only when its data, size or style
 * changed; its look comes from the theme's CSS through the same {@code -initlab-*} properties as the
 * stats charts (style class {@code stats-plot}), so every theme applies without new rules. It draws
 * through a {@link Painter}: the same drawing goes onto the canvas and into PNG, SVG and PDF files.
 */
abstract class CanvasChart extends Region implements PaintedChart {
    private static final StyleablePropertyFactory<CanvasChart> STYLE = new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    final StyleableProperty<Color> seriesColor = watched(STYLE.createStyleableColorProperty(this, "seriesColor", "-initlab-series-color", c -> c.seriesColor, Color.web("#1f5fbf")));
    final StyleableProperty<Color> theoryColor = watched(STYLE.createStyleableColorProperty(this, "theoryColor", "-initlab-theory-color", c -> c.theoryColor, Color.web("#d97700")));
    final StyleableProperty<Color> plotColor = watched(STYLE.createStyleableColorProperty(this, "plotColor", "-initlab-plot-color", c -> c.plotColor, Color.WHITE));
    final StyleableProperty<Color> gridColor = watched(STYLE.createStyleableColorProperty(this, "gridColor", "-initlab-grid-color", c -> c.gridColor, Color.web("#e4e4e4")));
    final StyleableProperty<Color> axisColor = watched(STYLE.createStyleableColorProperty(this, "axisColor", "-initlab-axis-color", c -> c.axisColor, Color.web("#9a9a9a")));
    final StyleableProperty<Color> textColor = watched(STYLE.createStyleableColorProperty(this, "textColor", "-initlab-text-color", c -> c.textColor, Color.web("#222222")));
    /** The a landscape's first and last module's colours ({@link LandscapeChart#depthColor}). */
    final StyleableProperty<Color> depthFirstColor = watched(STYLE.createStyleableColorProperty(this, "depthFirstColor", "-initlab-depth-first-color", c -> c.depthFirstColor, Color.web("#891dbf")));
    final StyleableProperty<Color> depthLastColor = watched(STYLE.createStyleableColorProperty(this, "depthLastColor", "-initlab-depth-last-color", c -> c.depthLastColor, Color.web("#bf6e1d")));
    final StyleableProperty<Number> lineWidth = watched(STYLE.createStyleableNumberProperty(this, "lineWidth", "-initlab-line-width", c -> c.lineWidth, 2.5));
    final StyleableProperty<Number> fontSize = watched(STYLE.createStyleableNumberProperty(this, "fontSize", "-initlab-font-size", c -> c.fontSize, 12));
    final StyleableProperty<Number> titleFontSize = watched(STYLE.createStyleableNumberProperty(this, "titleFontSize", "-initlab-title-font-size", c -> c.titleFontSize, 15));

    private final Canvas canvas = new Canvas();
    private final FxPainter screen = new FxPainter(canvas.getGraphicsContext2D());
    private boolean dirty = true;

    CanvasChart() {
        getStyleClass().add("stats-plot");
        getChildren().add(canvas);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return STYLE.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }

    /** CanvasChart's properties followed by a subclass's own, made by its factory (see {@link StatsPlot#getClassCssMetaData()} for when to call it). */
    static List<CssMetaData<? extends Styleable, ?>> withOwn(StyleablePropertyFactory<?> own) {
        List<CssMetaData<? extends Styleable, ?>> all = new java.util.ArrayList<>(getClassCssMetaData());
        for (CssMetaData<? extends Styleable, ?> m : own.getCssMetaData()) if (!all.contains(m)) all.add(m);
        return List.copyOf(all);
    }

    /** Shows the tooltip beside the pointer with this text, or moves it there; hides it for null. */
    final void tip(Tooltip tooltip, String text, MouseEvent e) {
        if (text == null) {
            tooltip.hide();
            return;
        }
        tooltip.setText(text);
        if (!tooltip.isShowing()) tooltip.show(this, e.getScreenX() + 14, e.getScreenY() + 14);
        else {
            tooltip.setAnchorX(e.getScreenX() + 14);
            tooltip.setAnchorY(e.getScreenY() + 14);
        }
    }

    final <T> StyleableProperty<T> watched(StyleableProperty<T> p) {
        ((ObservableValue<?>) p).addListener(o -> invalidate());
        return p;
    }

    /** Redraws at the next layout pass, once however many things changed. */
    final void invalidate() {
        dirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth()), h = snapSizeY(getHeight());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
        }
        if (dirty && w > 0 && h > 0) {
            canvas.getGraphicsContext2D().clearRect(0, 0, w, h);
            paint(screen);
        }
        dirty = false;
    }

    double fs() {
        return fontSize.getValue().doubleValue();
    }

    double lw() {
        return lineWidth.getValue().doubleValue();
    }

    /** Draws the chart as laid out now, in its local coordinates, on the screen's or a file's painter. */
    @Override
    public final void paint(Painter p) {
        double w = snapSizeX(getWidth()), h = snapSizeY(getHeight());
        draw(p, snappedLeftInset(), snappedTopInset(), w - snappedRightInset(), h - snappedBottomInset());
    }

    /** Draws everything inside the insets. */
    abstract void draw(Painter g, double left, double top, double right, double bottom);
}
