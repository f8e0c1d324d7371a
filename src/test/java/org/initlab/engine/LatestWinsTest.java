package org.initlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatestWinsTest {
    record Applied(int command, long startNanos, long endNanos) {}
    record Submitted(int command, long afterNanos) {}

    static LatestWins<Integer> slot(List<Applied> applied, long applyMillis, long gapNanos) {
        return new LatestWins<>("test-slot", c -> {
            long start = System.nanoTime();
            sleep(applyMillis);
            applied.add(new Applied(c, start, System.nanoTime()));
        }, () -> LatestWins.IDLE_NANOS, () -> { }, gapNanos);
    }

    @Test
    void aStormIsAppliedAtMostOncePerGapAndEndsOnItsLastCommand() throws Exception {
        long gap = TimeUnit.MILLISECONDS.toNanos(300);
        // The slot reads its clock just before the update, this test just inside it; a busy machine can
        // part the two by a few ms. Back to back, updates would start 20 ms apart, far below gap - slack.
        long clockSlack = TimeUnit.MILLISECONDS.toNanos(10);
        List<Applied> applied = new CopyOnWriteArrayList<>();
        List<Submitted> submitted = new CopyOnWriteArrayList<>();
        try (LatestWins<Integer> slot = slot(applied, 20, gap)) {
            int last = 0;
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
            while (System.nanoTime() < end) { // a command every 2 ms, each update takes 20: back to back, that would be about 70 updates
                slot.submit(++last);
                submitted.add(new Submitted(last, System.nanoTime())); // read after the submit, so never too early
                sleep(2);
            }
            waitFor(applied, last);
            for (int i = 1; i < applied.size(); i++) {
                Applied before = applied.get(i - 1), now = applied.get(i);
                long between = now.startNanos() - before.startNanos();
                // Only an update during which no newer command came may be followed at once: on a busy machine
                // the 2 ms sleep above can outlast an update, and those commands are then rightly not a storm.
                boolean outpaced = submitted.stream().anyMatch(s -> s.command() > before.command() && s.afterNanos() < before.endNanos());
                if (outpaced) {
                    assertTrue(between >= gap - clockSlack, "updates " + (i - 1) + " and " + i + " started " + between / 1e6 + " ms apart");
                }
            }
            assertTrue(applied.size() <= 12, applied.size() + " updates for a 1.5 s storm with a 300 ms gap");
            assertEquals(last, applied.get(applied.size() - 1).command(), "the storm's last command is applied");
        }
    }

    @Test
    void commandsSlowerThanTheUpdatesAreAppliedAtOnce() throws Exception {
        long gap = TimeUnit.SECONDS.toNanos(2);
        List<Applied> applied = new CopyOnWriteArrayList<>();
        try (LatestWins<Integer> slot = slot(applied, 1, gap)) {
            for (int c = 1; c <= 3; c++) {
                slot.submit(c);
                waitFor(applied, c);
                sleep(5); // the update is over before the next command comes
            }
            long spread = applied.get(2).startNanos() - applied.get(0).startNanos();
            assertTrue(spread < gap / 2, "three unhurried commands took " + spread / 1e6 + " ms: the storm gap must not apply");
        }
    }

    private static void waitFor(List<Applied> applied, int command) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (applied.stream().noneMatch(a -> a.command() == command) && System.nanoTime() < end) Thread.sleep(5);
        assertTrue(applied.stream().anyMatch(a -> a.command() == command), "command " + command + " was never applied");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
