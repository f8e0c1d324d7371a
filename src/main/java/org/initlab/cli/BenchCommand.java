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

    @Option(names = "--threads", description = "compute threads (default: OMP_NUM_THREADS, else 1)")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        opts.validate();
        if (iters <= 0 || warmup < 0) throw new IllegalArgumentException("--iters must be > 0 and --warmup ≥ 0");
        ModelSpec spec = opts.modelSpec();
        Mnist data = opts.loadData();
        if (threads != null) Backend.threads(threads);
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

    static double pct(double[] sorted, double p) {
        int i = (int) Math.round(p / 100 * (sorted.length - 1));
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
