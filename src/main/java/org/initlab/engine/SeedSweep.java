package org.initlab.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;
import org.initlab.init.InitSpec;
import org.initlab.init.Initializer;
import org.initlab.nn.ModelSpec;
import org.initlab.nn.Sequential;
import org.initlab.stats.Summary;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The same model freshly initialized with seeds 0..n-1 on one batch: each figure is reported as its
 * mean and std across seeds, since single runs of these numbers vary a lot.
 */
public final class SeedSweep {
    /** Per module: figure name ("act_mean", ...) to its summary across seeds; weight figures only for weight layers. */
    public record ModuleSummary(int index, String type, long[] shape, Map<String, Summary> figures) {}

    public record Result(double lossMean, List<ModuleSummary> modules) {}

    private SeedSweep() {}

    public static Result run(ModelSpec spec, InitSpec init, Batch batch, int seeds) {
        return run(spec.build(DataType.FLOAT), init, batch, 0, seeds, () -> false);
    }

    /**
     * Seeds {@code firstSeed … firstSeed + seeds − 1} on a model already built; null if {@code cancelled}
     * said so between two seeds (the window's band: a newer command makes this one's answer worthless).
     */
    public static Result run(Sequential model, InitSpec init, Batch batch, long firstSeed, int seeds, BooleanSupplier cancelled) {
        if (seeds <= 0) throw new IllegalArgumentException("seeds must be > 0 (got " + seeds + ")");
        ModelSpec spec = model.spec();
        Stepper stepper = new Stepper();
        List<StepResult> runs = new ArrayList<>();
        for (long s = firstSeed; s < firstSeed + seeds; s++) {
            if (cancelled.getAsBoolean()) return null;
            Initializer.init(model, init, s, batch.x());
            StepResult r = stepper.step(model, batch, spec.lossFunction(), true);
            String bad = r.firstNonFinite();
            if (bad != null) throw new IllegalArgumentException("seed " + s + ": " + bad);
            runs.add(r);
        }
        List<ModuleSummary> modules = new ArrayList<>();
        for (int i = 0; i < model.size(); i++) {
            final int m = i;
            Map<String, Summary> f = new LinkedHashMap<>();
            f.put("act_mean", across(runs, r -> r.modules().get(m).act().mean()));
            f.put("act_std", across(runs, r -> r.modules().get(m).act().std()));
            f.put("grad_mean", across(runs, r -> r.modules().get(m).grad().mean()));
            f.put("grad_std", across(runs, r -> r.modules().get(m).grad().std()));
            ModuleStats first = runs.get(0).modules().get(m);
            if (first.weight() != null) {
                f.put("weight_mean", across(runs, r -> r.modules().get(m).weight().mean()));
                f.put("weight_std", across(runs, r -> r.modules().get(m).weight().std()));
                f.put("weight_grad_mean", across(runs, r -> r.modules().get(m).weightGrad().mean()));
                f.put("weight_grad_std", across(runs, r -> r.modules().get(m).weightGrad().std()));
            }
            modules.add(new ModuleSummary(m, first.type(), first.shape(), f));
        }
        return new Result(across(runs, StepResult::loss).mean(), modules);
    }

    private static Summary across(List<StepResult> runs, ToDoubleFunction<StepResult> f) {
        return Summary.of(runs.stream().mapToDouble(f).toArray());
    }
}
