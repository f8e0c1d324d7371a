package org.initlab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.initlab.engine.LabConfig;
import org.initlab.engine.Sweep;
import org.initlab.ui.Plots;
import org.initlab.ui.ViewsModel;
import org.initlab.ui.ViewsPlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "plot", mixinStandardHelpOptions = true,
    description = {"Renders the lab's charts (activation and gradient mean/std by module, theory beside measured), headless: no window, no display needed.",
                   "The --out extension picks the format: .png (--scale 2 or 3 for high-DPI), .svg (vector, text as text) or .pdf (vector, text as outlines: no fonts),",
                   ".gif with --sweep (a labelled frame per value, looping, e.g. --init kaiming-uniform --sweep a=0:3:0.1).",
                   "With --experiment: trains that experiment in-process (progress on stderr) and renders its training telemetry instead:",
                   "loss, accuracy, activation mean/std and %% near zero, gradient mean/std, update-to-weight ratio, colorful-dimension histograms;",
                   "as .png, .svg or .pdf, or as a .gif that replays the run."})
final class PlotCommand implements Callable<Integer> {
    /** What a lesson file sets, or renders without: giving them with --lesson is an error, not a quiet no-op. */
    private static final java.util.List<String> LESSON_SETS = java.util.List.of("--model", "--init", "--a", "--mode", "--bias", "--gain",
        "--nonlinearity", "--std", "--bound", "--seed", "--batch", "--split", "--offset", "--view", "--seeds", "--gradients", "--linear-std", "--sweep");
    /** What an experiment file sets, or a training replay draws without. */
    private static final java.util.List<String> EXPERIMENT_SETS = java.util.List.of("--model", "--init", "--a", "--mode", "--bias", "--gain",
        "--nonlinearity", "--std", "--bound", "--seed", "--batch", "--split", "--offset", "--view", "--seeds", "--gradients",
        "--linear-std", "--sweep", "--lesson");

    @Spec CommandSpec command;
    @Mixin ModelOptions opts;

    @Option(names = "--out", required = true, description = "file to write: .png, .svg, .pdf, or .gif (with --sweep or --experiment)")
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

    @Option(names = "--lesson", description = "render this lesson's view with its caption, measured (see `lessons`); the lesson sets what is drawn (model, init, batch, view, seeds), on the test split's first images from seed 0")
    String lesson;

    @Option(names = "--gradients", description = "histograms of the output-gradients instead of the activations")
    boolean gradients;

    @Option(names = "--width", defaultValue = "1600", description = "image width; default ${DEFAULT-VALUE}")
    int width;

    @Option(names = "--height", defaultValue = "1000", description = "image height; default ${DEFAULT-VALUE}")
    int height;

    @Option(names = "--scale", defaultValue = "1", description = "PNG and GIF pixels per chart pixel: 1, 2 or 3 (2 at --width 1600 gives 3200 px); default ${DEFAULT-VALUE}")
    int scale;

    @Option(names = "--sweep", description = "name=from:to:step: an animated .gif, a labelled frame per value, every frame on the same axes; "
        + "a=0:3:0.1 (kaiming-* without --nonlinearity; kaiming-*, xavier-*, orthogonal with --nonlinearity leaky_relu), gain=0.5:2:0.1 (xavier-*, orthogonal without --nonlinearity), std=0.01:0.2:0.01 (normal, trunc-normal), bound=0.01:0.3:0.01 (uniform), "
        + "depth=1:20:1 (an mlp-ACT-DxW model)")
    String sweep;

    @Override
    public Integer call() throws Exception {
        opts.validate();
        if (width < 200 || height < 150 || width > 10_000 || height > 10_000)
            throw new IllegalArgumentException("--width/--height must be within 200×150 … 10000×10000 (got " + width + "×" + height + ")");
        if (steps < 0) throw new IllegalArgumentException("--steps must be ≥ 0 (got " + steps + ")");
        if (scale < 1 || scale > 3) throw new IllegalArgumentException("--scale must be 1, 2 or 3 (got " + scale + ")");
        String ext = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        ext = ext.contains(".") ? ext.substring(ext.lastIndexOf('.') + 1) : "";
        if (scale != 1 && !ext.equals("png") && !ext.equals("gif"))
            throw new IllegalArgumentException("--scale applies to .png and .gif; " + out + " is vector, sharp at any size");
        if (experiment != null) refuse(EXPERIMENT_SETS, "--experiment", "the experiment file decides what is trained and drawn");
        if (lesson != null) refuse(LESSON_SETS, "--lesson", "the lesson decides what is drawn");
        if (ext.equals("gif") && sweep == null && experiment == null)
            throw new IllegalArgumentException(out + ": a .gif needs --sweep (or --experiment for a training replay)");
        if (sweep != null && !ext.equals("gif")) throw new IllegalArgumentException("--sweep writes an animated .gif (got " + out + ")");
        if (experiment != null) {
            org.initlab.train.Experiment exp = org.initlab.train.Experiment.load(experiment);
            Path data = opts.data != null ? opts.data : org.initlab.AppFolders.data(exp.data().folder()); // --data stands in for the file's, as in train
            Plots.plotTraining(exp, org.initlab.data.Mnist.load(data), steps, theme, out, width, height, scale, System.err);
            System.err.println("initlab: wrote " + out);
            return 0;
        }
        if (steps != 0) throw new IllegalArgumentException("--steps needs --experiment");
        if (lesson != null) {
            var l = org.initlab.engine.Lessons.byName(lesson, org.initlab.AppFolders.userLessons(), line -> System.err.println("initlab: " + line));
            ViewsPlot.plotLesson(l, opts.dataFolder(), theme, out, width, height, scale);
            System.err.println("initlab: wrote " + out);
            return 0;
        }
        var spec = opts.modelSpec();
        spec.shapes();
        LabConfig cfg = new LabConfig(spec, opts.initSpec(), seed, opts.splitValue(), opts.offset, opts.batch, opts.dataFolder(), false);
        ViewsModel.View v = switch (view) {
            case "charts" -> ViewsModel.View.CHARTS;
            case "histograms" -> ViewsModel.View.HISTOGRAMS;
            case "landscape" -> ViewsModel.View.LANDSCAPE;
            default -> throw new IllegalArgumentException("--view must be charts, histograms or landscape (got '" + view + "')");
        };
        var given = command.commandLine().getParseResult();
        if (gradients && v != ViewsModel.View.HISTOGRAMS) throw new IllegalArgumentException("--gradients applies to --view histograms");
        if (linearStd && v != ViewsModel.View.CHARTS) throw new IllegalArgumentException("--linear-std applies to the charts view (its std axes)");
        if (given.hasMatchedOption("--seeds") && v != ViewsModel.View.CHARTS) throw new IllegalArgumentException("--seeds applies to the charts view");
        String swept = sweep == null ? null : "--" + sweep.split("=", 2)[0].strip();
        if (swept != null && !swept.equals("--depth") && given.hasMatchedOption(swept))
            throw new IllegalArgumentException(swept + " cannot be combined with --sweep " + sweep + " (the sweep sets it)");
        boolean plain = v == ViewsModel.View.CHARTS && seeds == 1 && !gradients;
        if (sweep != null && !plain) throw new IllegalArgumentException("--sweep draws the four charts of one seed: leave out --view, --seeds and --gradients");
        if (sweep != null) Plots.sweep(cfg, Sweep.parse(sweep), theme, !linearStd, out, width, height, scale, System.err);
        else if (plain) Plots.plot(cfg, theme, !linearStd, out, width, height, scale);
        else ViewsPlot.plot(cfg, new ViewsPlot.Options(v, seeds, gradients, java.util.List.of(), null), theme, !linearStd, out, width, height, scale);
        System.err.println("initlab: wrote " + out);
        return 0;
    }

    private void refuse(java.util.List<String> options, String with, String why) {
        Cli.refuseGiven(command, options, o -> o + " cannot be combined with " + with + " (" + why + ")");
    }
}
