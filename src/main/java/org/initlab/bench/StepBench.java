package org.initlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.initlab.engine.Batch;
import org.initlab.engine.Profile;
import org.initlab.engine.Stepper;
import org.initlab.nn.Loss;
import org.initlab.nn.Sequential;

/**
 * Times the lab's update ({@link Stepper}: forward, loss, backward, every module's statistics) on one
 * batch, step after step, as {@code bench} reports it: untimed warm-up steps, then a fixed count or a
 * soak by the clock, sampling the process's resident memory.
 */
public final class StepBench {
    /** Resident memory after {@code step} timed steps. */
    public record Sample(int step, double mb) {}

    /** @param sortedMs each timed step's milliseconds, sorted (a soak keeps the last million) */
    public record Result(double[] sortedMs, int steps, List<Sample> rss) {
        public double percentile(double p) {
            if (sortedMs.length == 0) return Double.NaN;
            int i = (int) Math.round(p / 100 * (sortedMs.length - 1));
            return sortedMs[Math.max(0, Math.min(sortedMs.length - 1, i))];
        }
    }

    private StepBench() {}

    /**
     * @param soakMinutes null: {@code iters} steps; else steps until the time is up, with a memory sample every minute
     * @param rssEvery    without a soak, a memory sample every this many steps (0: at the start only)
     * @param profile     if not null, every timed step adds each module's times to it
     */
    public static Result run(Sequential model, Batch batch, Loss loss, int warmup, int iters, Double soakMinutes, int rssEvery, Profile profile) {
        Stepper stepper = new Stepper();
        for (int i = 0; i < warmup; i++) stepper.step(model, batch, loss, true);
        List<Sample> rss = new ArrayList<>();
        long soakEnd = soakMinutes == null ? 0 : System.nanoTime() + (long) (soakMinutes * 60e9);
        long nextSample = System.nanoTime() + 60_000_000_000L;
        double[] ms = new double[soakMinutes == null ? iters : 1 << 20];
        int n = 0;
        rss.add(new Sample(0, residentMegabytes()));
        while (soakMinutes == null ? n < iters : System.nanoTime() < soakEnd) {
            ms[n % ms.length] = stepper.step(model, batch, loss, true, profile).nanos() / 1e6;
            n++;
            if (soakMinutes == null ? rssEvery > 0 && n % rssEvery == 0 : System.nanoTime() >= nextSample) {
                rss.add(new Sample(n, residentMegabytes()));
                nextSample += 60_000_000_000L;
            }
        }
        if (soakMinutes != null) rss.add(new Sample(n, residentMegabytes()));
        double[] sorted = Arrays.copyOf(ms, Math.min(n, ms.length));
        Arrays.sort(sorted);
        return new Result(sorted, n, rss);
    }

    /** VmRSS from /proc (Linux); -1 where the system has none. */
    public static double residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status")))
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
