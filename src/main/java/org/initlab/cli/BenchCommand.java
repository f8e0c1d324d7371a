package org.initlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.initlab.data.Mnist;
import org.initlab.engine.Backend;
import org.initlab.engine.Batch;
import org.initlab.engine.Stepper;
import org.initlab.init.Initializer;
import org.initlab.nn.ModelSpec;
import org.initlab.nn.Sequential;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Times one lab update (forward + loss + backward + all module statistics).")
final class BenchCommand implements Callable<Integer> {
    @Mixin ModelOptions opts;

    @Option(names = "--iters", defaultValue = "200", description = "timed steps")
    int iters;

    @Option(names = "--warmup", defaultValue = "30", description = "untimed steps first")
    int warmup;

    @Option(names = "--format", defaultValue = "json", description = "json or table")
    StatsCommand.Format format;

    @Option(names = "--latency", description = "instead: slider-to-chart latency through the lab window, headless (p50/p95 in ms)")
    boolean latency;

    @Override
    public Integer call() throws Exception {
        opts.validate();
        if (latency) return latency();
        if (iters <= 0 || warmup < 0) throw new IllegalArgumentException("--iters must be > 0 and --warmup ≥ 0");
        ModelSpec spec = opts.modelSpec();
        Mnist data = opts.loadData();
        Batch batch = Batch.of(data, opts.splitValue(), opts.offset, opts.batch, DataType.FLOAT);
        Sequential model = spec.build(DataType.FLOAT);
        Initializer.init(model, opts.initSpec(), 0, batch.x());
        Stepper stepper = new Stepper();
        for (int i = 0; i < warmup; i++) stepper.step(model, batch, spec.lossFunction(), true);
        double[] ms = new double[iters];
        for (int i = 0; i < iters; i++) ms[i] = stepper.step(model, batch, spec.lossFunction(), true).nanos() / 1e6;
        Arrays.sort(ms);
        ObjectMapper om = new ObjectMapper();
        ObjectNode root = om.createObjectNode();
        root.put("model", spec.name());
        root.put("batch", opts.batch);
        ObjectNode t = root.putObject("ms_per_step");
        t.put("median", pct(ms, 50));
        t.put("p10", pct(ms, 10));
        t.put("p90", pct(ms, 90));
        root.put("step", "forward+backward+stats");
        root.put("backend", Backend.describe());
        System.out.println(format == StatsCommand.Format.json ? om.writeValueAsString(root)
            : String.format(Locale.ROOT, "%s batch %d: %.3f ms/step median (p10 %.3f, p90 %.3f) on %s",
                spec.name(), opts.batch, pct(ms, 50), pct(ms, 10), pct(ms, 90), Backend.describe()));
        return 0;
    }

    private int latency() throws Exception {
        var r = org.initlab.ui.LatencyBench.run(opts.data, opts.model, opts.batch, iters, 4);
        ObjectMapper om = new ObjectMapper();
        ObjectNode root = om.createObjectNode();
        root.put("model", opts.model);
        root.put("batch", opts.batch);
        root.put("measure", "ms from slider change (command submitted) to the answer's figures set in the charts");
        ObjectNode single = root.putObject("single_moves");
        single.put("n", r.singleMs().length);
        single.put("p50", org.initlab.ui.LatencyBench.percentile(r.singleMs(), 50));
        single.put("p95", org.initlab.ui.LatencyBench.percentile(r.singleMs(), 95));
        single.put("engine_p50", org.initlab.ui.LatencyBench.percentile(r.singleEngineMs(), 50));
        single.put("engine_p95", org.initlab.ui.LatencyBench.percentile(r.singleEngineMs(), 95));
        ObjectNode drag = root.putObject("drag_60hz");
        drag.put("slider_moves", r.dragMoves());
        drag.put("charted_updates", r.dragCharted());
        drag.put("p50", org.initlab.ui.LatencyBench.percentile(r.dragMs(), 50));
        drag.put("p95", org.initlab.ui.LatencyBench.percentile(r.dragMs(), 95));
        root.put("backend", r.backend());
        System.out.println(format == StatsCommand.Format.json ? om.writeValueAsString(root)
            : String.format(Locale.ROOT, "%s batch %d slider→chart: single moves p50 %.1f ms, p95 %.1f ms (n=%d, engine part p50 %.1f, p95 %.1f); 60 Hz drag p50 %.1f ms, p95 %.1f ms (%d moves → %d updates) on %s",
                opts.model, opts.batch, org.initlab.ui.LatencyBench.percentile(r.singleMs(), 50), org.initlab.ui.LatencyBench.percentile(r.singleMs(), 95),
                r.singleMs().length, org.initlab.ui.LatencyBench.percentile(r.singleEngineMs(), 50), org.initlab.ui.LatencyBench.percentile(r.singleEngineMs(), 95),
                org.initlab.ui.LatencyBench.percentile(r.dragMs(), 50), org.initlab.ui.LatencyBench.percentile(r.dragMs(), 95),
                r.dragMoves(), r.dragCharted(), r.backend()));
        return 0;
    }

    static double pct(double[] sorted, double p) {
        int i = (int) Math.round(p / 100 * (sorted.length - 1));
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
