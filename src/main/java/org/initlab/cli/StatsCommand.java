package org.initlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.initlab.data.Mnist;
import org.initlab.engine.Batch;
import org.initlab.engine.MemoryEstimate;
import org.initlab.engine.SeedSweep;
import org.initlab.init.InitSpec;
import org.initlab.nn.ModelSpec;
import org.initlab.stats.Summary;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Per-module activation, gradient and weight statistics, mean and std over fresh inits (seeds 0..n-1) on one batch.")
final class StatsCommand implements Callable<Integer> {
    @Mixin ModelOptions opts;

    @Option(names = "--seeds", defaultValue = "20", description = "number of fresh inits to average over; default ${DEFAULT-VALUE}")
    int seeds;

    @Option(names = "--format", defaultValue = "json", description = "json or table; default ${DEFAULT-VALUE}")
    Format format;

    enum Format { json, table }

    @Override
    public Integer call() throws Exception {
        opts.validate();
        if (seeds <= 0) throw new IllegalArgumentException("--seeds must be > 0 (got " + seeds + ")");
        ModelSpec spec = opts.modelSpec();
        spec.shapes();
        InitSpec init = opts.initSpec();
        MemoryEstimate.check(spec, opts.batch);
        Mnist data = opts.loadData();
        Batch batch = Batch.of(data, opts.splitValue(), opts.offset, opts.batch, DataType.FLOAT);
        SeedSweep.Result r = SeedSweep.run(spec, init, batch, seeds);
        System.out.println(format == Format.json ? json(spec, init, r) : table(spec, init, r));
        return 0;
    }

    private String json(ModelSpec spec, InitSpec init, SeedSweep.Result r) throws Exception {
        ObjectMapper om = new ObjectMapper();
        ObjectNode root = om.createObjectNode();
        root.put("model", spec.name());
        ObjectNode i = root.putObject("init");
        i.put("scheme", init.scheme().id());
        i.put("a", init.a());
        i.put("mode", init.mode().id());
        i.put("bias", init.bias().id());
        i.put("gain", init.gain());
        if (init.nonlinearity() != null) i.put("nonlinearity", init.nonlinearity().id());
        if (init.scheme().usesStd()) i.put("std", init.std());
        if (init.scheme().usesBound()) i.put("bound", init.bound());
        root.put("batch", opts.batch);
        root.put("split", opts.splitValue().id());
        root.put("offset", opts.offset);
        root.put("seeds", seeds);
        root.put("loss", spec.lossFunction().id());
        root.put("loss_value", r.lossMean());
        ArrayNode mods = root.putArray("modules");
        for (SeedSweep.ModuleSummary m : r.modules()) {
            ObjectNode o = mods.addObject();
            o.put("index", m.index());
            o.put("type", m.type());
            var own = spec.layers().get(m.index()).init(); // a layer's own init, from the model file
            if (own != null) o.set("init", om.valueToTree(own));
            ArrayNode shape = o.putArray("shape");
            for (long d : m.shape()) shape.add(d);
            for (Map.Entry<String, Summary> f : m.figures().entrySet()) {
                ObjectNode s = o.putObject(f.getKey());
                s.put("mean", f.getValue().mean());
                s.put("std", f.getValue().std());
            }
        }
        return om.writeValueAsString(root);
    }

    private String table(ModelSpec spec, InitSpec init, SeedSweep.Result r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s · %s · %s split, images %d..%d · mean ± std over %d seeds · %s loss %.4g%n",
            spec.name(), init, opts.splitValue().id(), opts.offset, opts.offset + opts.batch - 1, seeds, spec.lossFunction().id(), r.lossMean()));
        String[] cols = {"act_mean", "act_std", "grad_mean", "grad_std", "weight_std", "weight_grad_std"};
        b.append(String.format(Locale.ROOT, "%-3s %-18s %-16s", "#", "module", "shape"));
        for (String c : cols) b.append(String.format(Locale.ROOT, " %21s", c));
        b.append('\n');
        for (SeedSweep.ModuleSummary m : r.modules()) {
            b.append(String.format(Locale.ROOT, "%-3d %-18s %-16s", m.index(), m.type(), shape(m.shape())));
            for (String c : cols) {
                Summary s = m.figures().get(c);
                b.append(s == null ? String.format(Locale.ROOT, " %21s", "") : String.format(Locale.ROOT, " %10.4g ± %-8.2g", s.mean(), s.std()));
            }
            b.append('\n');
        }
        return b.toString().stripTrailing();
    }

    private static String shape(long[] s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length; i++) b.append(i == 0 ? "" : "×").append(s[i]);
        return b.toString();
    }
}
