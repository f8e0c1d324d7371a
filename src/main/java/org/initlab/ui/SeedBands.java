package org.initlab.ui;

import java.util.ArrayList;
import java.util.List;
import org.initlab.engine.SeedSweep;
import org.initlab.stats.Summary;

/** A seed average as chart lines: the mean over the seeds per module, and the band of ±1 std across them. */
final class SeedBands {
    static final String LABEL = "±1 std across seeds";

    private SeedBands() {}

    /** The means of a figure (points), with each module's mean ± std added to {@code band}; on a log scale only positive means. */
    static List<StatsPlot.Point> means(ViewsModel.Band b, StatsCharts.Figure f, boolean log, List<PlotOverlays.BandPoint> band) {
        String key = switch (f) {
            case ACT_MEAN -> "act_mean";
            case ACT_STD -> "act_std";
            case GRAD_MEAN -> "grad_mean";
            case GRAD_STD -> "grad_std";
        };
        List<StatsPlot.Point> points = new ArrayList<>();
        for (SeedSweep.ModuleSummary m : b.result().modules()) {
            Summary s = m.figures().get(key);
            if (!Double.isFinite(s.mean()) || (log && s.mean() <= 0)) continue;
            points.add(new StatsPlot.Point(m.index(), m.type(), s.mean()));
            double sd = Double.isFinite(s.std()) ? s.std() : 0;
            band.add(new PlotOverlays.BandPoint(m.index(), s.mean() - sd, s.mean() + sd));
        }
        return points;
    }
}
