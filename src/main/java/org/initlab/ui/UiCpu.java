package org.initlab.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongConsumer;
import javafx.animation.AnimationTimer;

/**
 * What drawing an update really costs the machine: the CPU time the window's two threads, the FX
 * thread and JavaFX's renderer, spend from the update until its frame is on screen. Timing the chart
 * code alone misses the pulse that lays it out and the renderer that rasterizes and presents it, which
 * under software rendering cost several times more. The window is a few pulses, not the time to the
 * next update, so steady work elsewhere in the window (an animation, tooltips) adds only those pulses'
 * share. FX thread only.
 */
final class UiCpu {
    /**
     * Pulses until the update's frame is surely rendered: the first lays it out and hands it to the
     * renderer, the second waits for that frame before its own, the third starts after both.
     */
    static final int PULSES = 3;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean supported = threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
    private long renderer = -1;
    private boolean searched;
    private long startCpu;
    private int pulsesLeft;
    private LongConsumer report;
    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (--pulsesLeft > 0) return;
            finish(cpu());
        }
    };

    /** Both threads' CPU nanoseconds so far, or -1 without a per-thread CPU clock: the mark to pass to {@link #reportFrom}. */
    long mark() {
        return supported ? cpu() : -1;
    }

    /**
     * Hands {@code report} the CPU nanoseconds both threads spent since {@code mark}, once the frame
     * drawn since is rendered ({@value #PULSES} pulses on), or -1 at once without a mark. A measurement
     * still running ends at this mark and reports what it has: when frames come slower than updates,
     * every update is still told.
     */
    void reportFrom(long mark, LongConsumer report) {
        if (this.report != null && mark >= 0) finish(mark);
        cancel();
        if (mark < 0) {
            report.accept(-1);
            return;
        }
        startCpu = mark;
        pulsesLeft = PULSES;
        this.report = report;
        frames.start();
    }

    /** Drops a measurement still running, unreported: what follows (another tab's first layout) is not its update's cost. */
    void cancel() {
        frames.stop();
        report = null;
    }

    private void finish(long endCpu) {
        LongConsumer r = report;
        cancel();
        r.accept(endCpu - startCpu);
    }

    private long cpu() {
        return threads.getCurrentThreadCpuTime() + rendererCpu();
    }

    private long rendererCpu() {
        if (!searched) { // once: listing every thread's stack costs about a millisecond
            searched = true;
            for (Thread t : Thread.getAllStackTraces().keySet())
                if (t.getName().startsWith("QuantumRenderer")) renderer = t.getId();
        }
        long ns = renderer < 0 ? -1 : threads.getThreadCpuTime(renderer);
        return Math.max(0, ns);
    }
}
