package org.initlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.initlab.AppFolders;
import org.initlab.bench.StepBench;
import org.initlab.data.Mnist;
import org.initlab.engine.Backend;
import org.initlab.stats.Telemetry;
import org.initlab.train.DivergenceException;
import org.initlab.init.Lsuv;
import org.initlab.train.Experiment;
import org.initlab.train.OptimizerSpec;
import org.initlab.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Trains a model on MNIST (seeded shuffle, cross-entropy or the model's loss) and evaluates it on the test split.",
                   "Prints the loss curve, per-module telemetry and test accuracy. NaN/Inf stops the run (exit code 3)."})
final class TrainCommand implements Callable<Integer> {
    /** Options an experiment file already sets: giving them with --experiment is an error. */
    private static final List<String> EXPERIMENT_OPTIONS = List.of("--model", "--init", "--a", "--mode", "--bias", "--gain",
        "--std", "--bound", "--nonlinearity", "--optimizer", "--lr", "--momentum", "--weight-decay", "--batch", "--epochs", "--seed");

    @Spec CommandSpec spec;

    @Option(names = "--experiment", description = "an experiment .json file (model, init, data, optimizer, seed, epochs, batch)")
    Path experiment;

    @Mixin InitOptions init;

    @Option(names = "--optimizer", defaultValue = "adam", description = "sgd, momentum or adam; default ${DEFAULT-VALUE}")
    String optimizer;

    @Option(names = "--lr", defaultValue = "1e-3", description = "learning rate; default ${DEFAULT-VALUE}")
    double lr;

    @Option(names = "--momentum", description = "SGD momentum (default 0.9 for --optimizer momentum; with sgd, > 0 turns momentum on)")
    Double momentum;

    @Option(names = "--weight-decay", defaultValue = "0", description = "L2 weight decay added to the gradient; default ${DEFAULT-VALUE}")
    double weightDecay;

    @Option(names = "--batch", defaultValue = "64", description = "images per step; default ${DEFAULT-VALUE}")
    int batch;

    @Option(names = "--epochs", defaultValue = "1", description = "passes over the training split, 1.." + Experiment.MAX_EPOCHS + "; default ${DEFAULT-VALUE}")
    int epochs;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the init and the shuffle; default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--data", description = "folder of IDX files (default: the experiment's, else the bundled MNIST)")
    Path data;

    @Option(names = "--every", defaultValue = "1", description = "record module telemetry every N steps; default ${DEFAULT-VALUE}")
    int every;

    @Option(names = "--limit", defaultValue = "0", description = "stop after this many steps (0: no limit)")
    long limit;

    @Option(names = "--format", defaultValue = "json", description = "json or table; default ${DEFAULT-VALUE}")
    StatsCommand.Format format;

    @Option(names = "--histograms", description = "include the per-module histograms in the JSON")
    boolean histograms;

    @Option(names = "--save", description = "also save the experiment as JSON to this file (atomically)")
    Path save;

    @Option(names = "--progress", defaultValue = "auto", description = "progress on stderr: auto (a bar on a terminal, else a line every 10%%), always, never")
    Progress progress;

    enum Progress { auto, always, never }

    @Option(names = "--threads", description = "compute threads (default: OMP_NUM_THREADS, else 1: steadier and faster on a busy machine)")
    Integer threads;

    @Option(names = "--stats-thread", negatable = true, defaultValue = "true", fallbackValue = "true",
        description = "take the telemetry's statistics on a thread of their own, beside the compute threads, where there is a second core "
            + "(--no-stats-thread: on the training thread); default ${DEFAULT-VALUE}")
    boolean statsThread;

    @Option(names = "--soak", description = "train for this many minutes instead of --epochs (epochs follow one another, each evaluated), "
        + "sampling resident memory every minute")
    Double soakMinutes;

    @Override
    public Integer call() throws Exception {
        Experiment exp = experiment();
        if (threads != null) Backend.threads(threads);
        Mnist mnist = Mnist.load(data != null ? data : AppFolders.data(exp.data().folder()));
        PrintWriter err = spec.commandLine().getErr();
        Soak soak = soakMinutes == null ? null : new Soak(soakMinutes, progress == Progress.never ? null : err);
        Experiment run = soak == null ? exp : exp.withEpochs(Experiment.MAX_EPOCHS); // the clock ends a soak (MAX_EPOCHS of MNIST take days)
        Trainer trainer = new Trainer(run, mnist, new Trainer.Options(every, limit, 0, statsThread));
        if (save != null) exp.save(save); // once the data and the model are known to work: a refused run leaves the file as it was
        ProgressBar bar = progress == Progress.never || soak != null ? null : new ProgressBar(err, progress == Progress.always || stderrIsTerminal());
        Trainer.Result r;
        try {
            trainer.initialize();
            if (trainer.lsuv() != null) {
                err.println("initlab: " + trainer.lsuv().summary());
                err.flush();
            }
            r = soak == null ? trainer.run(bar) : soak.run(trainer);
        } catch (DivergenceException e) {
            if (bar != null) bar.finish();
            err.println("initlab: " + e.getMessage());
            err.flush();
            return 3;
        }
        if (bar != null) bar.finish();
        System.out.println(format == StatsCommand.Format.json ? json(exp, r, soak, trainer.lsuv()) : table(exp, r, soak));
        return 0;
    }

    /** Trains until the time is up, reading resident memory at the start and after every minute. */
    private static final class Soak {
        record Sample(double minute, long step, int epoch, double mb) {}

        private final double minutes;
        private final PrintWriter progress; // null: quiet
        private final List<Sample> samples = new ArrayList<>();

        Soak(double minutes, PrintWriter progress) {
            this.minutes = minutes;
            this.progress = progress;
        }

        Trainer.Result run(Trainer trainer) {
            long t0 = System.nanoTime(), end = t0 + (long) (minutes * 60e9), next = t0;
            trainer.initialize();
            while (true) {
                long now = System.nanoTime();
                if (now >= next || now >= end) {
                    Sample s = new Sample(Math.round((now - t0) / 6e9) / 10.0, trainer.step(), trainer.epoch(), StepBench.residentMegabytes());
                    samples.add(s);
                    if (progress != null) {
                        progress.printf(Locale.ROOT, "soak: minute %.1f step %d epoch %d resident %.1f MB%n", s.minute(), s.step(), s.epoch(), s.mb());
                        progress.flush();
                    }
                    next += 60_000_000_000L;
                }
                if (now >= end || trainer.done()) break;
                trainer.advance(null);
            }
            Double accuracy = trainer.evaluateWhereStopped(null);
            return new Trainer.Result(accuracy, trainer.step(), (System.nanoTime() - t0) / 1e9, trainer.telemetry().snapshot());
        }
    }

    private Experiment experiment() throws IOException {
        if (limit < 0) throw new IllegalArgumentException("--limit must be ≥ 0 (got " + limit + ")");
        if (every <= 0) throw new IllegalArgumentException("--every must be > 0 (got " + every + ")");
        if (save != null && java.nio.file.Files.isDirectory(save)) throw new IllegalArgumentException("--save: " + save + " is a folder, not a file");
        if (histograms && format != StatsCommand.Format.json) throw new IllegalArgumentException("--histograms adds to the JSON; the table has none (use --format json)");
        if (soakMinutes != null && !(soakMinutes > 0)) throw new IllegalArgumentException("--soak must be > 0 minutes (got " + soakMinutes + ")");
        if (soakMinutes != null && spec.commandLine().getParseResult().hasMatchedOption("--epochs"))
            throw new IllegalArgumentException("--soak cannot be combined with --epochs (it trains until the time is up)");
        if (experiment != null) {
            Cli.refuseGiven(spec, EXPERIMENT_OPTIONS, o -> o + " cannot be combined with --experiment (the file sets it)");
            return Experiment.load(experiment);
        }
        OptimizerSpec.Kind kind = OptimizerSpec.Kind.parse(optimizer);
        OptimizerSpec opt = OptimizerSpec.of(kind, lr, weightDecay);
        if (momentum != null) {
            if (kind == OptimizerSpec.Kind.ADAM) throw new IllegalArgumentException("--momentum applies to sgd and momentum, not adam");
            if (kind == OptimizerSpec.Kind.SGD && momentum != 0) kind = OptimizerSpec.Kind.MOMENTUM; // as --momentum's help says
            opt = new OptimizerSpec(kind, lr, momentum, weightDecay, opt.beta1(), opt.beta2(), opt.eps());
        }
        return new Experiment(null, init.modelSpec("cnn"), init.initSpec(), Experiment.Data.of(AppFolders.dataName(data)), opt, seed, epochs, batch);
    }

    private String json(Experiment exp, Trainer.Result r, Soak soak, Lsuv.Report lsuv) throws IOException {
        ObjectMapper om = new ObjectMapper();
        ObjectNode root = om.createObjectNode();
        root.put("experiment", exp.name());
        root.put("model", exp.model().name());
        root.put("init", exp.init().toString());
        root.put("optimizer", exp.optimizer().toString());
        root.put("seed", exp.seed());
        root.put("batch", exp.batch());
        root.put("epochs", exp.epochs());
        if (r.testAccuracy() == null) root.putNull("test_accuracy");
        else root.put("test_accuracy", r.testAccuracy());
        root.put("steps", r.steps());
        if (lsuv != null) {
            ArrayNode layers = root.putArray("lsuv");
            for (Lsuv.Layer l : lsuv.layers())
                layers.addObject().put("module", l.module()).put("type", l.type()).put("passes", l.passes()).put("std", l.std())
                    .put("mean", l.mean()).put("reached", l.reached()).put("dead", l.dead());
        }
        Telemetry.Snapshot s = r.telemetry();
        ArrayNode loss = root.putArray("loss");
        for (double v : s.loss()) loss.add(v);
        if (s.lossSteps().length > 0 && s.lossSteps()[0] != 1) root.put("loss_first_step", s.lossSteps()[0]);
        ObjectNode tel = root.putObject("telemetry");
        tel.put("every", every);
        ArrayNode steps = tel.putArray("steps");
        for (long v : s.steps()) steps.add(v);
        ArrayNode mods = tel.putArray("modules");
        for (Telemetry.ModuleSeries m : s.modules()) {
            ObjectNode o = mods.addObject();
            o.put("index", m.index());
            o.put("type", m.type());
            put(o, "act_mean", m.actMean());
            put(o, "act_std", m.actStd());
            put(o, "near_zero", m.actNearZero());
            put(o, "grad_mean", m.gradMean());
            put(o, "grad_std", m.gradStd());
            put(o, "grad_near_zero", m.gradNearZero());
            if (m.weighted()) put(o, "update_ratio", m.updateRatio());
            if (histograms) {
                o.set("act_bins", om.valueToTree(m.actBins()));
                o.set("act_hist", om.valueToTree(m.actHist()));
                o.set("grad_bins", om.valueToTree(m.gradBins()));
                o.set("grad_hist", om.valueToTree(m.gradHist()));
            }
        }
        root.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
        if (soak != null) {
            ArrayNode rss = root.putArray("rss_mb");
            for (Soak.Sample s1 : soak.samples)
                rss.addObject().put("minute", s1.minute()).put("step", s1.step()).put("epoch", s1.epoch()).put("mb", s1.mb());
        }
        root.put("threads", Backend.threads());
        root.put("backend", Backend.describe());
        return om.writeValueAsString(root);
    }

    private static void put(ObjectNode o, String name, double[] values) {
        ArrayNode a = o.putArray(name);
        for (double v : values) a.add(v);
    }

    private String table(Experiment exp, Trainer.Result r, Soak soak) {
        Telemetry.Snapshot s = r.telemetry();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s · %s · %s · seed %d · batch %d · %d steps in %.1f s on %s%n",
            exp.model().name(), exp.init(), exp.optimizer(), exp.seed(), exp.batch(), r.steps(), r.seconds(), Backend.describe()));
        int n = s.loss().length;
        if (n > 0) b.append(String.format(Locale.ROOT, "loss %.4f (first step) → %.4f (last step)%n", s.loss()[0], s.loss()[n - 1]));
        b.append("test accuracy ").append(r.testAccuracy() == null ? "— (not a classifier)" : String.format(Locale.ROOT, "%.2f %%", 100 * r.testAccuracy())).append('\n');
        b.append(String.format(Locale.ROOT, "%-3s %-18s %10s %10s %10s %12s   (last record)%n", "#", "module", "act_mean", "act_std", "near_zero", "grad_std"));
        for (Telemetry.ModuleSeries m : s.modules()) {
            int k = m.actMean().length - 1;
            if (k < 0) continue;
            b.append(String.format(Locale.ROOT, "%-3d %-18s %10.4f %10.4f %10.3f %12.4g%n", m.index(), m.type(), m.actMean()[k], m.actStd()[k], m.actNearZero()[k], m.gradStd()[k]));
        }
        if (soak != null) {
            b.append("resident memory (MB) by minute:");
            for (Soak.Sample s1 : soak.samples) b.append(String.format(Locale.ROOT, " %.1f:%.0f", s1.minute(), s1.mb()));
            b.append('\n');
        }
        return b.toString().stripTrailing();
    }

    /** Linux: whether fd 2 is a terminal; elsewhere whether the JVM has a console. */
    private static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }

    /** A redrawn bar on a terminal (at most 10 times a second), else one compact line per 10 %. */
    static final class ProgressBar implements Trainer.Listener {
        private final PrintWriter err;
        private final boolean terminal;
        private final long t0 = System.nanoTime();
        private long lastDraw;
        private int lastDecile;
        private boolean drawn;

        ProgressBar(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public void step(long step, long total, int epoch, double loss) {
            double secs = (System.nanoTime() - t0) / 1e9;
            if (terminal) {
                long now = System.nanoTime();
                if (step != total && now - lastDraw < 100_000_000L) return;
                lastDraw = now;
                int width = 30, filled = (int) (width * step / Math.max(1, total));
                err.printf(Locale.ROOT, "\rtrain [%s%s] %d/%d epoch %d loss %.4f %.0f s ", "=".repeat(filled), " ".repeat(width - filled), step, total, epoch, loss, secs);
                drawn = true;
            } else {
                int decile = (int) (10 * step / Math.max(1, total));
                if (decile == lastDecile) return;
                lastDecile = decile;
                err.printf(Locale.ROOT, "train: %d%% step %d/%d epoch %d loss %.4f %.0f s%n", 10 * decile, step, total, epoch, loss, secs);
            }
            err.flush();
        }

        @Override
        public void evaluated(long step, double accuracy) {
            if (terminal && drawn) err.println();
            drawn = false;
            err.printf(Locale.ROOT, "train: step %d test accuracy %.2f %%%n", step, 100 * accuracy);
            err.flush();
        }

        void finish() {
            if (terminal && drawn) err.println();
            drawn = false;
            err.flush();
        }
    }
}
