package org.initlab.ui;

import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.initlab.engine.Landscape;

/**
 * Every module's activation std (log scale) against Kaiming's {@code a} from 0 to 3: one line per
 * module, shallow to deep from the theme's {@code -initlab-depth-first-color} to its
 * {@code -initlab-depth-last-color} (purple to orange), labelled at the right; dashed marks at a = 0 (He's
 * ReLU gain) and a = √5 (PyTorch's default), and the slider's {@code a} as a solid cursor.
 */
public final class LandscapeChart extends CanvasChart {
    public static final double SQRT5 = Math.sqrt(5);
    private Landscape.Result result;
    private double cursor = Double.NaN;

    public LandscapeChart() {
        getStyleClass().add("landscape-chart");
    }

    /** New curves (null: still computing) and the cursor's a. */
    public void show(Landscape.Result r, double a) {
        result = r;
        cursor = a;
        invalidate();
    }

    public Landscape.Result result() {
        return result;
    }

    public double cursor() {
        return cursor;
    }

    /** The a values marked with a dashed line: 0 and √5. */
    public static double[] marks() {
        return new double[] {0, SQRT5};
    }

    @Override
    void draw(Painter g, double left, double top, double right, double bottom) {
        double fs = fs();
        Font font = Font.font(fs), bold = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, titleFontSize.getValue().doubleValue());
        g.setFill(textColor.getValue());
        g.setFont(bold);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        String family = result == null ? "" : ", " + result.scheme().scheme().id();
        g.fillText("Activation std by module vs a" + family + " (log scale)", (left + right) / 2, top);
        top += titleFontSize.getValue().doubleValue() * 1.8;
        g.setFont(font);
        if (result == null) {
            g.fillText("computing the a landscape…", (left + right) / 2, (top + bottom) / 2);
            return;
        }
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] row : result.std())
            for (double v : row)
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, Math.log10(v));
                    hi = Math.max(hi, Math.log10(v));
                }
        AxisTicks.Ticks ticks = AxisTicks.logTicks(lo, hi);
        double labelW = 0;
        for (String s : ticks.labels()) labelW = Math.max(labelW, StatsPlot.width(s, font));
        List<String> types = result.types();
        double nameW = 0;
        for (int m = 0; m < types.size(); m++) nameW = Math.max(nameW, StatsPlot.width(m + " " + StatsCharts.shortName(types.get(m)), font));
        double pl = Math.round(left + labelW + fs * 0.6), pr = Math.round(right - nameW - fs * 0.8);
        double pt = Math.round(top), pb = Math.round(bottom - fs * 3.2);
        Axes ax = new Axes(pl, pr, pt, pb, ticks.lower(), ticks.upper());
        g.setFill(plotColor.getValue());
        g.fillRect(pl, pt, pr - pl, pb - pt);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < ticks.values().length; i++) {
            double y = ax.y(ticks.values()[i]);
            g.setFill(gridColor.getValue());
            g.fillRect(pl, Math.floor(y), pr - pl, 1);
            g.setFill(textColor.getValue());
            g.fillText(ticks.labels().get(i), pl - fs * 0.4, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int k = 0; k <= 6; k++) {
            double a = k * 0.5, x = ax.x(a);
            g.setFill(axisColor.getValue());
            g.fillRect(Math.floor(x), pb, 1, fs * 0.3);
            g.setFill(textColor.getValue());
            g.fillText(String.format(Locale.US, "%.1f", a), x, pb + fs * 0.35);
        }
        g.fillText("a (Kaiming's leaky gain: gain = √(2 / (1 + a²)))", (pl + pr) / 2, pb + fs * 1.7);
        g.setFill(axisColor.getValue());
        g.fillRect(pl, pt, 1, pb - pt);
        g.fillRect(pl, pb, pr - pl, 1);
        mark(g, ax, 0, "a = 0 (He)", font);
        mark(g, ax, SQRT5, "√5 (PyTorch default)", font);
        curves(g, ax, font);
        if (Double.isFinite(cursor)) {
            double x = ax.x(Math.max(0, Math.min(Landscape.A_MAX, cursor)));
            g.setFill(seriesColor.getValue());
            g.fillRect(x - lw() / 2, pt, lw(), pb - pt);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(String.format(Locale.US, " a = %.2f", cursor), x + lw(), pt + fs * 2.8);
        }
    }

    private record Axes(double pl, double pr, double pt, double pb, double lower, double upper) {
        double x(double a) {
            return pl + (pr - pl) * a / Landscape.A_MAX;
        }

        double y(double log10) {
            return pt + (pb - pt) * (upper - log10) / (upper - lower);
        }
    }

    private void mark(Painter g, Axes ax, double a, String label, Font font) {
        double x = ax.x(a);
        g.setStroke(theoryColor.getValue());
        g.setLineWidth(Math.max(1.5, lw() * 0.6));
        g.setLineDashes(lw() * 2.5, lw() * 2);
        g.strokeLine(x, ax.pt(), x, ax.pb());
        g.setLineDashes();
        g.setFill(theoryColor.getValue());
        // beside its line, not across it: right of a = 0, left of the others (the slider's cursor labels its right)
        g.setTextAlign(a == 0 ? TextAlignment.LEFT : TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(label, a == 0 ? x + font.getSize() * 0.3 : x - font.getSize() * 0.3, ax.pt() + font.getSize() * 0.2);
    }

    /**
     * Module {@code m} of {@code n}'s colour: the theme's first colour for the first module to its last
     * for the last, hue, saturation and brightness in even steps, the hue turning forward (purple through
     * red to orange).
     */
    Color depthColor(int m, int n) {
        double t = n <= 1 ? 0 : (double) m / (n - 1);
        Color a = depthFirstColor.getValue(), b = depthLastColor.getValue();
        double turn = ((b.getHue() - a.getHue()) % 360 + 360) % 360;
        return Color.hsb(a.getHue() + turn * t, a.getSaturation() + (b.getSaturation() - a.getSaturation()) * t,
            a.getBrightness() + (b.getBrightness() - a.getBrightness()) * t);
    }

    private void curves(Painter g, Axes ax, Font font) {
        int n = result.types().size();
        double[] a = result.a();
        double lastLabelY = Double.NEGATIVE_INFINITY;
        g.setLineCap(StrokeLineCap.ROUND);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        // labels top to bottom by where each line ends, skipping one that would overlap the one above
        Integer[] order = new Integer[n];
        for (int m = 0; m < n; m++) order[m] = m;
        java.util.Arrays.sort(order, (p, q) -> Double.compare(end(q), end(p)));
        for (int m = 0; m < n; m++) {
            double[] v = result.module(m);
            g.setStroke(depthColor(m, n));
            g.setLineWidth(Math.max(1.5, lw() * 0.6));
            g.beginPath();
            boolean started = false;
            for (int k = 0; k < a.length; k++) {
                if (!(v[k] > 0) || !Double.isFinite(v[k])) { started = false; continue; }
                double x = ax.x(a[k]), y = ax.y(Math.log10(v[k]));
                if (!started) g.moveTo(x, y);
                else g.lineTo(x, y);
                started = true;
            }
            g.stroke();
        }
        for (int m : order) {
            double e = end(m);
            if (!(e > 0)) continue;
            double y = ax.y(Math.log10(e));
            if (y - lastLabelY < font.getSize() * 1.05) continue;
            g.setFill(depthColor(m, n));
            g.fillText(m + " " + StatsCharts.shortName(result.types().get(m)), ax.pr() + font.getSize() * 0.4, y);
            lastLabelY = y;
        }
    }

    private double end(int m) {
        double[] v = result.module(m);
        return v[v.length - 1];
    }
}
