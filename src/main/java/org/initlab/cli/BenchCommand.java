package org.initlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.initlab.bench.LatencyBench;
import org.initlab.bench.StepBench;
import org.initlab.data.Mnist;
import org.initlab.engine.Backend;
import org.initlab.engine.Batch;
import org.initlab.engine.MemoryEstimate;
import org.initlab.engine.Profile;
import org.initlab.init.Initializer;
import org.initlab.nn.ModelSpec;
import org.initlab.nn.OneDnn;
import org.initlab.nn.Sequential;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Times one lab update (forward + loss + backward + all module statistics) on the same batch, "
        + "optionally per layer (--profile) and with the process's resident memory over many steps (--rss-every, --soak).")
final class BenchCommand implements Callable<Integer> {
    /** Options of the window's latency run only. */
    private static final List<String> LATENCY_ONLY = List.of("--settle", "--view", "--seeds", "--gap");
    /** Options the latency run has no use for: it moves the window's own sliders on its default init and data split. */
    private static final List<String> STEP_ONLY = List.of("--init", "--a", "--mode", "--bias", "--gain", "--std", "--bound",
        "--nonlinearity", "--split", "--offset", "--ops", "--threads", "--profile", "--rss-every", "--soak");

    @Spec CommandSpec spec;
    @Mixin ModelOptions opts;

    @Option(names = "--iters", defaultValue = "200", description = "timed steps")
    int iters;

    @Option(names = "--warmup", defaultValue = "30", description = "untimed steps first (with --latency: untimed slider moves)")
    int warmup;

    @Option(names = "--format", defaultValue = "json", description = "json or table; default ${DEFAULT-VALUE}")
    StatsCommand.Format format;

    @Option(names = "--threads", description = "compute threads (default: OMP_NUM_THREADS, else 1)")
    Integer threads;

    enum Ops { onednn, nd4j }

    @Option(names = "--ops", defaultValue = "onednn",
        description = "float convolutions and ReLUs through oneDNN's primitives, made once (onednn), or through ND4J's ops (nd4j)")
    Ops ops;

    @Option(names = "--profile", description = "add the time of each layer's forward, backward and statistics")
    boolean profile;

    @Option(names = "--rss-every", defaultValue = "0", description = "sample resident memory every N timed steps")
    int rssEvery;

    @Option(names = "--soak", description = "run for this many minutes instead of --iters, sampling resident memory every minute")
    Double soakMinutes;

    @Option(names = "--latency", description = "instead: slider-to-chart latency through the lab window, headless (p50/p95 in ms)")
    boolean latency;

    @Option(names = "--settle", defaultValue = "0", description = "with --latency: seconds the window is left alone after its first charts (the engine warms up meanwhile)")
    double settle;

    @Option(names = "--view", defaultValue = "CHARTS", description = "with --latency: the view open in the Layer stats tab, CHARTS, HISTOGRAMS or LANDSCAPE; default ${DEFAULT-VALUE}")
    org.initlab.ui.ViewsModel.View view;

    @Option(names = "--seeds", defaultValue = "1", description = "with --latency: the seeds the charts average (the band computed beside each answer); default ${DEFAULT-VALUE}")
    int seeds;

    @Option(names = "--gap", defaultValue = "100", description = "with --latency: ms between a single move's charts and the next move (0: back to back)")
    long gapMs;

    @Override
    public Integer call() throws Exception {
        opts.validate();
        Cli.refuseGiven(spec, latency ? STEP_ONLY : LATENCY_ONLY, o -> o + (latency ? " does not apply to --latency" : " applies to --latency only"));
        if (soakMinutes != null && spec.commandLine().getParseResult().hasMatchedOption("--iters"))
            throw new IllegalArgumentException("--soak cannot be combined with --iters (it steps until the time is up)");
        if (latency) return latency();
        if (iters <= 0 || warmup < 0 || rssEvery < 0) throw new IllegalArgumentException("--iters must be > 0, --warmup and --rss-every ≥ 0");
        if (soakMinutes != null && !(soakMinutes > 0)) throw new IllegalArgumentException("--soak must be > 0 minutes");
        ModelSpec spec = opts.modelSpec();
        MemoryEstimate.check(spec, opts.batch);
        Mnist data = opts.loadData();
        if (threads != null) Backend.threads(threads);
        OneDnn.use(ops == Ops.onednn);
        Batch batch = Batch.of(data, opts.splitValue(), opts.offset, opts.batch, DataType.FLOAT);
        Sequential model = spec.build(DataType.FLOAT);
        Initializer.init(model, opts.initSpec(), 0, batch.x());
        Profile prof = profile ? new Profile(model.size()) : null;
        StepBench.Result r = StepBench.run(model, batch, spec.lossFunction(), warmup, iters, soakMinutes, rssEvery, prof);
        int n = r.steps();
        if (n == 0) throw new IllegalArgumentException("no step finished within --soak " + soakMinutes + " minutes");
        ObjectMapper om = new ObjectMapper();
        ObjectNode root = om.createObjectNode();
        root.put("model", spec.name());
        root.put("batch", opts.batch);
        root.put("steps", n);
        ObjectNode t = root.putObject("ms_per_step");
        t.put("median", r.percentile(50));
        t.put("p10", r.percentile(10));
        t.put("p90", r.percentile(90));
        root.put("step", "forward+backward+stats");
        root.put("ops", ops.name());
        root.put("backend", Backend.describe());
        if (prof != null) {
            ArrayNode layers = root.putArray("profile");
            for (int i = 0; i < model.size(); i++) {
                ObjectNode l = layers.addObject();
                l.put("index", i);
                l.put("type", model.layers().get(i).type());
                l.put("forward_ms", prof.forward()[i] / 1e6 / n);
                l.put("backward_ms", prof.backward()[i] / 1e6 / n);
                l.put("stats_ms", prof.stats()[i] / 1e6 / n);
            }
        }
        if (r.rss().size() > 1) {
            ArrayNode rss = root.putArray("rss_mb");
            for (StepBench.Sample s : r.rss()) rss.addObject().put("step", s.step()).put("mb", s.mb());
        }
        System.out.println(format == StatsCommand.Format.json ? om.writeValueAsString(root) : table(root));
        return 0;
    }

    private static String table(ObjectNode r) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s batch %d: %.3f ms/step median (p10 %.3f, p90 %.3f) over %d steps on %s, layers through %s's ops%n",
            r.get("model").asText(), r.get("batch").asInt(), r.at("/ms_per_step/median").asDouble(), r.at("/ms_per_step/p10").asDouble(),
            r.at("/ms_per_step/p90").asDouble(), r.get("steps").asInt(), r.get("backend").asText(), r.get("ops").asText()));
        if (r.has("profile")) {
            b.append(String.format(Locale.ROOT, "%-3s %-18s %10s %10s %10s%n", "#", "module", "forward", "backward", "stats"));
            for (var l : r.get("profile"))
                b.append(String.format(Locale.ROOT, "%-3d %-18s %10.3f %10.3f %10.3f ms%n", l.get("index").asInt(), l.get("type").asText(),
                    l.get("forward_ms").asDouble(), l.get("backward_ms").asDouble(), l.get("stats_ms").asDouble()));
        }
        if (r.has("rss_mb")) {
            b.append("resident memory (MB) by step:");
            for (var s : r.get("rss_mb")) b.append(String.format(Locale.ROOT, " %d:%.0f", s.get("step").asInt(), s.get("mb").asDouble()));
            b.append('\n');
        }
        return b.toString().stripTrailing();

    }

    private int latency() throws Exception {
        if (iters <= 0 || warmup < 0 || gapMs < 0 || !(settle >= 0 && settle <= 3600))
            throw new IllegalArgumentException("--iters must be > 0; --warmup and --gap ≥ 0; --settle between 0 and 3600 s");
        if (seeds < 1 || seeds > org.initlab.ui.ViewsModel.MAX_SEEDS) throw new IllegalArgumentException("--seeds must be within 1 … " + org.initlab.ui.ViewsModel.MAX_SEEDS);
        var r = LatencyBench.run(opts.dataFolder(), opts.modelName(), opts.batch, settle, warmup, iters, gapMs, 4, view, seeds);
        ObjectMapper om = new ObjectMapper();
        ObjectNode root = om.createObjectNode();
        root.put("model", opts.modelName());
        root.put("batch", opts.batch);
        root.put("measure", "ms from slider change (command submitted) to the answer's figures set in the charts");
        root.put("settle_s", settle);
        root.put("warmup_moves", warmup);
        root.put("gap_ms", gapMs);
        root.put("view", view.name().toLowerCase(Locale.ROOT));
        root.put("seeds", seeds);
        ObjectNode single = root.putObject("single_moves");
        single.put("n", r.singleMs().length);
        single.put("p50", LatencyBench.percentile(r.singleMs(), 50));
        single.put("p95", LatencyBench.percentile(r.singleMs(), 95));
        single.put("engine_p50", LatencyBench.percentile(r.singleEngineMs(), 50));
        single.put("engine_p95", LatencyBench.percentile(r.singleEngineMs(), 95));
        ObjectNode drag = root.putObject("drag_60hz");
        drag.put("slider_moves", r.dragMoves());
        drag.put("charted_updates", r.dragCharted());
        drag.put("p50", LatencyBench.percentile(r.dragMs(), 50));
        drag.put("p95", LatencyBench.percentile(r.dragMs(), 95));
        root.put("backend", r.backend());
        System.out.println(format == StatsCommand.Format.json ? om.writeValueAsString(root)
            : String.format(Locale.ROOT, "%s batch %d slider→chart, %.0f s after the first charts and %d warm-up moves: single moves %d ms apart p50 %.1f ms, p95 %.1f ms (n=%d, engine part p50 %.1f, p95 %.1f); 60 Hz drag p50 %.1f ms, p95 %.1f ms (%d moves → %d updates) on %s",
                opts.modelName(), opts.batch, settle, warmup, gapMs, LatencyBench.percentile(r.singleMs(), 50), LatencyBench.percentile(r.singleMs(), 95),
                r.singleMs().length, LatencyBench.percentile(r.singleEngineMs(), 50), LatencyBench.percentile(r.singleEngineMs(), 95),
                LatencyBench.percentile(r.dragMs(), 50), LatencyBench.percentile(r.dragMs(), 95),
                r.dragMoves(), r.dragCharted(), r.backend()));
        return 0;
    }

}
