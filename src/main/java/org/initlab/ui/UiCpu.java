package org.initlab.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The CPU time the window's two threads, the FX thread and JavaFX's renderer, spent between two calls:
 * what drawing an update really costs the machine. Timing the chart code alone misses the pulse that
 * lays it out and the renderer that rasterizes and presents it, which under software rendering cost
 * several times more. FX thread only.
 */
final class UiCpu {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean supported = threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
    private long renderer = -1;
    private boolean searched;
    private long lastCpu = -1, lastWall;

    /**
     * CPU nanoseconds of both threads since the last call, or -1 when there is no interval to speak of:
     * the first call, no per-thread CPU clock, or a call more than {@code maxGapNanos} after the last
     * (an idle window, a tab shown again).
     */
    long sinceLast(long maxGapNanos) {
        if (!supported) return -1;
        long cpu = threads.getCurrentThreadCpuTime() + rendererCpu(), wall = System.nanoTime();
        long spent = lastCpu < 0 || wall - lastWall > maxGapNanos ? -1 : cpu - lastCpu;
        lastCpu = cpu;
        lastWall = wall;
        return spent;
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
