package org.initlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LatestWinsTest {
    /** A command every millisecond (a slider storm), a gap of 20 ms: starts are spaced, and the last command still runs. */
    @Test
    void commandsStartNoCloserThanTheGapAndTheLastOneRuns() throws Exception {
        long gap = 20_000_000L;
        List<long[]> started = new CopyOnWriteArrayList<>(); // {command, nanoTime}
        try (var worker = new LatestWins<Integer>("test-latest-wins", c -> started.add(new long[] {c, System.nanoTime()}), () -> 100_000_000L, () -> { }, gap)) {
            for (int i = 1; i <= 300; i++) {
                worker.submit(i);
                Thread.sleep(1);
            }
            long end = System.nanoTime() + 5_000_000_000L;
            while ((started.isEmpty() || started.get(started.size() - 1)[0] != 300) && System.nanoTime() < end) Thread.sleep(5);
        }
        assertEquals(300, started.get(started.size() - 1)[0], "the last command ran");
        for (int i = 1; i < started.size(); i++) {
            long apart = started.get(i)[1] - started.get(i - 1)[1];
            assertTrue(apart >= gap, "commands " + started.get(i - 1)[0] + " and " + started.get(i)[0] + " started " + apart / 1e6 + " ms apart");
        }
        // 300 commands over at least 300 ms: at most one start per 20 ms, so no more than about 16 (a slow machine makes it fewer)
        assertTrue(started.size() <= 300 * 1.5 / 20 + 2, started.size() + " starts");
    }
}
