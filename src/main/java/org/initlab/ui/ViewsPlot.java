package org.initlab.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.initlab.data.Mnist;
import org.initlab.engine.Caption;
import org.initlab.engine.LabConfig;
import org.initlab.engine.LabSnapshot;
import org.initlab.engine.Lesson;
import org.initlab.engine.ViewLab;
import org.initlab.init.InitSpec;

/** `plot --view`, `--seeds`: the Layer stats tab's views rendered headless, the same nodes as in the window, to PNG, SVG or PDF. */
public final class ViewsPlot {
    private ViewsPlot() {}

    /** What to draw: the view, the seeds averaged (charts), output-gradient histograms, inits to pin, a caption with placeholders (or null). */
    public record Options(ViewsModel.View view, int seeds, boolean gradients, List<InitSpec> pins, String caption) {}

    /** A lesson's view and its caption, measured, on this data (the lesson's batch, test split, seed 0). */
    public static void plotLesson(Lesson l, Path data, String theme, Path out, int width, int height, int scale) throws IOException {
        LabConfig cfg = new LabConfig(l.model(), l.init(), 0, Mnist.Split.TEST, 0, l.batch(), data, false);
        ViewsModel.View v = switch (l.view()) {
            case "histograms" -> ViewsModel.View.HISTOGRAMS;
            case "landscape" -> ViewsModel.View.LANDSCAPE;
            default -> ViewsModel.View.CHARTS;
        };
        plot(cfg, new Options(v, l.seeds(), false, l.pins(), l.title() + ": " + l.caption()), theme, true, out, width, height, scale);
    }

    /** Writes the view to {@code out}: PNG (at {@code scale}), SVG or PDF by its extension. */
    public static void plot(LabConfig cfg, Options o, String theme, boolean logStd, Path out, int width, int height, int scale) throws IOException {
        Themes.check(theme);
        ChartFiles.format(out);
        if (o.seeds() < 1 || o.seeds() > ViewsModel.MAX_SEEDS)
            throw new IllegalArgumentException("--seeds must be within 1 … " + ViewsModel.MAX_SEEDS + " (got " + o.seeds() + ")");
        LabSnapshot s = Gui.compute(cfg);
        Pins pins = new Pins();
        List<LabSnapshot> pinned = new ArrayList<>();
        for (InitSpec p : o.pins()) {
            pinned.add(Gui.compute(cfg.withInit(p)));
            pins.pin(pinned.get(pinned.size() - 1));
        }
        String title = String.format(Locale.ROOT, "%s · %s · seed %d%s · %s images %d–%d", cfg.spec().name(), cfg.init(), cfg.seed(),
            o.seeds() > 1 && o.view() == ViewsModel.View.CHARTS ? "…" + (cfg.seed() + o.seeds() - 1) : "", cfg.split().id(), cfg.offset(),
            cfg.offset() + cfg.batchSize() - 1) + (o.caption() == null ? "" : "\n" + Caption.fill(o.caption(), s, pinned));
        Gui.startToolkit(true, width, height);
        switch (o.view()) {
            case CHARTS -> {
                ViewsModel.Band band = null;
                if (o.seeds() > 1) band = new ViewsModel.Band(cfg, o.seeds(), ViewLab.compute(new ViewLab.Request(cfg, o.seeds(), false, false)).band);
                ViewsModel.Band b = band;
                Plots.write(title, StatsCharts::new, c -> c.show(s, pins.list(), b, logStd), theme, width, height, out, scale);
            }
            case HISTOGRAMS -> {
                var h = ViewLab.compute(new ViewLab.Request(cfg, 1, true, false)).histograms;
                Plots.write(title, HistogramStrip::new, c -> c.show(h, o.gradients()), theme, width, height, out, scale);
            }
            case LANDSCAPE -> {
                var l = ViewLab.compute(new ViewLab.Request(cfg, 1, false, true)).landscape;
                Plots.write(title, LandscapeChart::new, c -> c.show(l, cfg.init().a()), theme, width, height, out, scale);
            }
        }
    }
}
