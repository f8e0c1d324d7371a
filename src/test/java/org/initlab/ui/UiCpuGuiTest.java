package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The window's CPU between two updates: work done on the FX thread in between is counted; the first call and a long gap give none. */
class UiCpuGuiTest {
    @BeforeAll
    static void start() {
        Fx.start();
    }

    @Test
    void workOnTheFxThreadBetweenTwoCallsIsCounted() throws Exception {
        var clock = java.lang.management.ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(clock.isThreadCpuTimeSupported() && clock.isThreadCpuTimeEnabled(), "no per-thread CPU clock here");
        UiCpu cpu = new UiCpu();
        assertEquals(-1, (long) Fx.call(() -> cpu.sinceLast(10_000_000_000L)), "no interval before the first call");
        long spent = Fx.call(() -> {
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long start = threads.getCurrentThreadCpuTime(), x = 0;
            while (threads.getCurrentThreadCpuTime() - start < 60_000_000L) x += start % 7; // 60 ms of the FX thread's CPU, however busy the machine
            return x >= 0 ? cpu.sinceLast(10_000_000_000L) : 0;
        });
        assertTrue(spent >= 60_000_000L, spent / 1e6 + " ms");
        assertTrue(spent < 10_000_000_000L, spent / 1e6 + " ms");
        Thread.sleep(60);
        assertEquals(-1, (long) Fx.call(() -> cpu.sinceLast(50_000_000L)), "a gap longer than the longest spacing is no update's cost");
    }
}
