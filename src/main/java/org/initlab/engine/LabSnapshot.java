package org.initlab.engine;

import java.util.List;

/**
 * What the lab thread hands out after one update: the config it ran, the loss, every module's
 * statistics and the theoretical activation std per module, or the problem that stopped it.
 * Plain data (no ND4J arrays); safe to read from any thread.
 *
 * @param commandId     the id {@link Lab#submit} returned for the command this answers
 * @param submittedNanos {@link System#nanoTime()} when that command was submitted (for latency)
 * @param publishedNanos {@link System#nanoTime()} when this snapshot was handed to the listener
 * @param stats         null when {@code problem} stopped the update before any statistics
 * @param note          what the update did that the charts do not show (LSUV's passes per layer, a theory
 *                      line it could not compute), one line, or null
 */
public record LabSnapshot(long commandId, long submittedNanos, long publishedNanos, LabConfig config, String dataName, String backend,
                          StepResult stats, double[] theoryStd, Problem problem, String note) {
    /** Why an update could not run (or ran into NaN/Inf). {@code layer} is −1 when no layer is to blame. */
    public record Problem(Kind kind, String message, int layer) {}

    public enum Kind { DATA, SHAPE, NON_FINITE, INTERNAL }

    public boolean hasStats() {
        return stats != null;
    }

    public List<ModuleStats> modules() {
        return stats == null ? List.of() : stats.modules();
    }

    public double[] actMean() { return figure(0); }
    public double[] actStd() { return figure(1); }
    public double[] gradMean() { return figure(2); }
    public double[] gradStd() { return figure(3); }

    private double[] figure(int which) {
        List<ModuleStats> m = modules();
        double[] v = new double[m.size()];
        for (int i = 0; i < v.length; i++) {
            ModuleStats s = m.get(i);
            v[i] = switch (which) {
                case 0 -> s.act().mean();
                case 1 -> s.act().std();
                case 2 -> s.grad().mean();
                default -> s.grad().std();
            };
        }
        return v;
    }
}
