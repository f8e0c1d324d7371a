package org.initlab.engine;

import java.util.List;

/** One forward + loss + backward + statistics: plain immutable data for any thread. */
public record StepResult(double loss, List<ModuleStats> modules, long nanos) {
    public StepResult {
        modules = List.copyOf(modules);
    }

    /**
     * Where NaN/Inf first appeared, as a sentence ("NaN/Inf in the output of module 3 (Conv2d)"),
     * or null when every figure is finite. Checks outputs in forward order, then gradients backward.
     */
    public String firstNonFinite() {
        for (ModuleStats m : modules)
            if (m.act().nonFinite()) return "NaN/Inf in the output of module " + m.index() + " (" + m.type() + ")";
        if (!Double.isFinite(loss)) return "the loss is NaN/Inf";
        for (int i = modules.size() - 1; i >= 0; i--) {
            ModuleStats m = modules.get(i);
            if (m.grad().nonFinite()) return "NaN/Inf in the gradient of module " + m.index() + " (" + m.type() + ")";
            if (m.weightGrad() != null && m.weightGrad().nonFinite())
                return "NaN/Inf in the weight gradient of module " + m.index() + " (" + m.type() + ")";
        }
        return null;
    }
}
