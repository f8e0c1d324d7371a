package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What an update costs the window: work on the FX thread from the mark until its frame is counted, steady work before it is not; a new update ends the last one's measurement; no clock reports at once. */
class UiCpuGuiTest {
    private static final ThreadMXBean CLOCK = ManagementFactory.getThreadMXBean();

    @BeforeAll
    static void start() {
        Fx.start();
    }

    @Test
    void workAfterTheMarkIsCountedOnceItsFrameIsRendered() throws Exception {
        assumeClock();
        UiCpu cpu = new UiCpu();
        CompletableFuture<Long> spent = new CompletableFuture<>();
        Fx.run(() -> {
            long mark = cpu.mark();
            burn(60_000_000L); // 60 ms of the FX thread's CPU, however busy the machine
            cpu.reportFrom(mark, spent::complete);
        });
        long ns = spent.get(10, TimeUnit.SECONDS);
        assertTrue(ns >= 60_000_000L && ns < 10_000_000_000L, ns / 1e6 + " ms");
    }

    @Test
    void workUntilTheFrameIsCountedNotOnlyWorkBeforeTheReport() throws Exception {
        assumeClock();
        UiCpu cpu = new UiCpu();
        CompletableFuture<Long> spent = new CompletableFuture<>();
        Fx.run(() -> {
            cpu.reportFrom(cpu.mark(), spent::complete);
            javafx.application.Platform.runLater(() -> burn(40_000_000L)); // after the report is asked for, before three pulses pass
        });
        long ns = spent.get(10, TimeUnit.SECONDS);
        assertTrue(ns >= 40_000_000L, ns / 1e6 + " ms: the work done on the FX thread before the frame was missed");
    }

    @Test
    void aNewUpdateEndsTheLastOnesMeasurementAndAStopDropsIt() throws Exception {
        assumeClock();
        UiCpu cpu = new UiCpu();
        CompletableFuture<Long> first = new CompletableFuture<>(), second = new CompletableFuture<>(), dropped = new CompletableFuture<>();
        Fx.run(() -> {
            cpu.reportFrom(cpu.mark(), first::complete);
            burn(20_000_000L);
            cpu.reportFrom(cpu.mark(), second::complete);
            assertTrue(first.isDone(), "the first update is told when the second comes");
        });
        assertTrue(first.get() >= 20_000_000L, first.get() / 1e6 + " ms");
        assertTrue(second.get(10, TimeUnit.SECONDS) >= 0);
        Fx.run(() -> {
            cpu.reportFrom(cpu.mark(), dropped::complete);
            cpu.cancel();
        });
        Thread.sleep(300);
        assertTrue(!dropped.isDone(), "a dropped measurement reports nothing");
    }

    @Test
    void steadyWorkBeforeTheMarkIsNotTheUpdatesCost() throws Exception {
        assumeClock();
        UiCpu cpu = new UiCpu();
        AtomicLong background = new AtomicLong();
        AnimationTimer busy = new AnimationTimer() { // another part of the window, 5 ms of CPU every pulse
            @Override
            public void handle(long now) {
                background.addAndGet(burn(5_000_000L));
            }
        };
        Fx.run(busy::start);
        try {
            Thread.sleep(1000);
            long before = background.get();
            CompletableFuture<Long> spent = new CompletableFuture<>();
            Fx.run(() -> cpu.reportFrom(cpu.mark(), spent::complete));
            long ns = spent.get(10, TimeUnit.SECONDS);
            assertTrue(before >= 100_000_000L, "the background ran " + before / 1e6 + " ms in a second");
            assertTrue(ns < 100_000_000L, ns / 1e6 + " ms counted for an update that drew nothing, after "
                + before / 1e6 + " ms of other work");
        } finally {
            Fx.run(busy::stop);
        }
    }

    @Test
    void withoutAClockTheReportComesAtOnce() throws Exception {
        long[] got = {0};
        Fx.run(() -> new UiCpu().reportFrom(-1, ns -> got[0] = ns));
        assertEquals(-1, got[0]);
    }

    private static void assumeClock() {
        Assumptions.assumeTrue(CLOCK.isThreadCpuTimeSupported() && CLOCK.isThreadCpuTimeEnabled(), "no per-thread CPU clock here");
    }

    /** Spins the calling thread for {@code nanos} of its own CPU time; returns the time spun. */
    private static long burn(long nanos) {
        long start = CLOCK.getCurrentThreadCpuTime(), now;
        do now = CLOCK.getCurrentThreadCpuTime(); while (now - start < nanos);
        return now - start;
    }
}
