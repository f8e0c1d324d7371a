package org.initlab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.initlab.engine.HistogramProbe;
import org.initlab.stats.Histogram;

/**
 * A histogram per module, in as many rows as keep each panel roughly half again as wide as tall:
 * each module's output (or output-gradient) over its own range, chosen from the data and rounded to
 * 1, 2 or 5 × 10^k ({@link Histogram#rangeOf}), so a tanh reads [−1, 1] and a ReLU [0, hi] with no
 * empty half. Each panel has a count axis of its own, from 0 to a round count at or above its tallest
 * bin; the value axis shows the range's ends and zero.
 */
public final class HistogramStrip extends CanvasChart {
    private List<HistogramProbe.ModuleHistograms> modules = List.of();
    private boolean gradients;
    private String note = "computing histograms…";

    public HistogramStrip() {
        getStyleClass().add("histogram-strip");
    }

    /** New data (null: none yet, the note is shown), and whether to show output-gradients instead of outputs. */
    public void show(List<HistogramProbe.ModuleHistograms> m, boolean grads) {
        modules = m == null ? List.of() : m;
        gradients = grads;
        invalidate();
    }

    /** The histograms drawn, by module (tests). */
    public List<Histogram> shown() {
        List<Histogram> h = new ArrayList<>();
        for (HistogramProbe.ModuleHistograms m : modules) h.add(gradients ? m.grad() : m.act());
        return h;
    }

    public boolean gradients() {
        return gradients;
    }

    @Override
    void draw(Painter g, double left, double top, double right, double bottom) {
        double fs = fs(), w = right - left;
        Font font = Font.font(fs), bold = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, titleFontSize.getValue().doubleValue());
        g.setFill(textColor.getValue());
        g.setFont(bold);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText((gradients ? "Output-gradient" : "Activation") + " histograms, by module (values per bin)", (left + right) / 2, top);
        top += titleFontSize.getValue().doubleValue() * 1.6;
        if (modules.isEmpty()) {
            g.setFont(font);
            g.fillText(note, (left + right) / 2, (top + bottom) / 2);
            return;
        }
        int n = modules.size(), cols = columns(n, w, bottom - top);
        int rows = (n + cols - 1) / cols;
        double pw = w / cols, ph = (bottom - top) / rows;
        for (int i = 0; i < n; i++) {
            HistogramProbe.ModuleHistograms m = modules.get(i);
            panel(g, gradients ? m.grad() : m.act(), m.index() + " " + StatsCharts.shortName(m.type()), left + (i % cols) * pw, top + (i / cols) * ph, pw, ph, font);
        }
    }

    /** The column count that gives the largest panels at about 3:2. */
    static int columns(int n, double w, double h) {
        int best = 1;
        double bestSize = 0;
        for (int c = 1; c <= n; c++) {
            int r = (n + c - 1) / c;
            double size = Math.min(w / c, h / r * 1.5);
            if (size > bestSize) {
                bestSize = size;
                best = c;
            }
        }
        return best;
    }

    private void panel(Painter g, Histogram h, String name, double x, double y, double pw, double ph, Font font) {
        double fs = font.getSize(), pad = fs * 0.5;
        double plotTop = Math.round(y + fs * 1.5), plotBottom = Math.round(y + ph - fs * 1.9);
        long max = 0;
        for (long c : h.counts()) max = Math.max(max, c);
        AxisTicks.Ticks counts = AxisTicks.counts(max, (int) Math.max(1, (plotBottom - plotTop) / (fs * 2.5)));
        double plotLeft = Math.round(x + pad + StatsPlot.widest(counts.labels(), font) + fs * 0.5), plotRight = Math.round(x + pw - pad);
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setFill(textColor.getValue());
        g.fillText(name, (plotLeft + plotRight) / 2, y + fs * 0.1);
        if (plotBottom - plotTop < 8 || plotRight - plotLeft < 8) return;
        g.setFill(plotColor.getValue());
        g.fillRect(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop);
        double perCount = (plotBottom - plotTop) / counts.upper();
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < counts.values().length; i++) {
            double ty = Math.round(plotBottom - counts.values()[i] * perCount);
            g.setFill(gridColor.getValue());
            if (i > 0) g.fillRect(plotLeft, ty, plotRight - plotLeft, 1);
            g.setFill(textColor.getValue());
            g.fillText(counts.labels().get(i), plotLeft - fs * 0.4, ty);
        }
        int bins = h.counts().length;
        double bw = (plotRight - plotLeft) / bins;
        g.setFill(seriesColor.getValue());
        for (int b = 0; b < bins; b++) {
            double bh = h.counts()[b] * perCount;
            if (bh > 0) g.fillRect(plotLeft + b * bw, plotBottom - bh, Math.max(1, bw - 1), bh);
        }
        g.setFill(axisColor.getValue());
        g.fillRect(plotLeft, plotBottom, plotRight - plotLeft, 1);
        g.fillRect(plotLeft - 1, plotTop, 1, plotBottom - plotTop + 1);
        double[] ends = h.lo() < 0 ? new double[] {h.lo(), 0, h.hi()} : new double[] {h.lo(), h.hi()};
        List<String> labels = AxisTicks.tickLabels(ends, h.hi());
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < ends.length; i++) {
            double tx = plotLeft + (ends[i] - h.lo()) / (h.hi() - h.lo()) * (plotRight - plotLeft);
            g.setTextAlign(i == 0 ? TextAlignment.LEFT : i == ends.length - 1 ? TextAlignment.RIGHT : TextAlignment.CENTER);
            g.setFill(axisColor.getValue());
            g.fillRect(Math.floor(tx), plotBottom, 1, fs * 0.3);
            g.setFill(textColor.getValue());
            g.fillText(labels.get(i), tx, plotBottom + fs * 0.35);
        }
    }
}
