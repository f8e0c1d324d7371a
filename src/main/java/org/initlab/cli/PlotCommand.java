package org.initlab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.initlab.engine.LabConfig;
import org.initlab.ui.Gui;
import org.initlab.ui.ViewsModel;
import org.initlab.ui.ViewsPlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "plot", mixinStandardHelpOptions = true,
    description = {"Renders the lab's charts (activation and gradient mean/std by module, theory beside measured) to a PNG, headless: no window, no display needed.",
                   "With --experiment: trains that experiment in-process (progress on stderr) and renders its training telemetry instead",
                   "(loss, accuracy, activation mean/std and % near zero over steps, colorful-dimension histograms)."})
final class PlotCommand implements Callable<Integer> {
    @Mixin ModelOptions opts;

    @Option(names = "--out", required = true, description = "PNG file to write")
    Path out;

    @Option(names = "--theme", defaultValue = "light", description = "light, dark or projector; default ${DEFAULT-VALUE}")
    String theme;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the weights; default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--experiment", description = "an experiment .json file: train it and plot its telemetry")
    Path experiment;

    @Option(names = "--steps", defaultValue = "0", description = "with --experiment: stop after this many steps (0: the whole run)")
    long steps;

    @Option(names = "--linear-std", description = "plot std on a linear axis instead of log10")
    boolean linearStd;

    @Option(names = "--view", defaultValue = "charts", description = "charts (the four stats charts), histograms (one per module) or landscape (activation std vs a); default ${DEFAULT-VALUE}")
    String view;

    @Option(names = "--seeds", defaultValue = "1", description = "charts: the mean over this many fresh inits (seeds --seed …), with a band of ±1 std across them; default ${DEFAULT-VALUE}")
    int seeds;

    @Option(names = "--gradients", description = "histograms of the output-gradients instead of the activations")
    boolean gradients;

    @Option(names = "--width", defaultValue = "1600", description = "image width; default ${DEFAULT-VALUE}")
    int width;

    @Option(names = "--height", defaultValue = "1000", description = "image height; default ${DEFAULT-VALUE}")
    int height;

    @Override
    public Integer call() throws Exception {
        opts.validate();
        if (width < 200 || height < 150 || width > 10_000 || height > 10_000)
            throw new IllegalArgumentException("--width/--height must be within 200×150 … 10000×10000 (got " + width + "×" + height + ")");
        if (steps < 0) throw new IllegalArgumentException("--steps must be ≥ 0 (got " + steps + ")");
        if (experiment != null) {
            org.initlab.train.Experiment exp = org.initlab.train.Experiment.load(experiment);
            Gui.plotTraining(exp, org.initlab.data.Mnist.load(org.initlab.AppFolders.data(exp.data().folder())), steps, theme, out, width, height, System.err);
            System.err.println("initlab: wrote " + out);
            return 0;
        }
        if (steps != 0) throw new IllegalArgumentException("--steps needs --experiment");
        var spec = opts.modelSpec();
        spec.shapes();
        LabConfig cfg = new LabConfig(spec, opts.initSpec(), seed, opts.splitValue(), opts.offset, opts.batch, opts.dataFolder(), false);
        ViewsModel.View v = switch (view) {
            case "charts" -> ViewsModel.View.CHARTS;
            case "histograms" -> ViewsModel.View.HISTOGRAMS;
            case "landscape" -> ViewsModel.View.LANDSCAPE;
            default -> throw new IllegalArgumentException("--view must be charts, histograms or landscape (got '" + view + "')");
        };
        if (v == ViewsModel.View.CHARTS && seeds == 1 && !gradients) Gui.plot(cfg, theme, !linearStd, out, width, height);
        else ViewsPlot.plot(cfg, new ViewsPlot.Options(v, seeds, gradients, java.util.List.of(), null), theme, !linearStd, out, width, height);
        System.err.println("initlab: wrote " + out);
        return 0;
    }
}
