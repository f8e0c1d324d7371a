package org.initlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.initlab.engine.TrainingRunner.Mode;
import org.initlab.engine.TrainingRunner.Order;
import org.initlab.engine.TrainingRunner.State;
import org.initlab.engine.TrainingRunner.Update;
import org.initlab.init.InitSpec;
import org.initlab.init.Scheme;
import org.initlab.nn.Models;
import org.initlab.train.Experiment;
import org.initlab.train.OptimizerSpec;
import org.initlab.train.Trainer;
import org.junit.jupiter.api.Test;

/** The training engine thread without any UI: updates arrive while running, the end is reported, the telemetry is complete. */
class TrainingRunnerTest {
    static final String DATA = System.getProperty("initlab.data", "data/mnist");

    @Test
    void runsToTheLimitPublishingAlongTheWay() throws Exception {
        Experiment e = new Experiment(null, Models.cnn(), InitSpec.of(Scheme.KAIMING_NORMAL), Experiment.Data.of(DATA),
            OptimizerSpec.of(OptimizerSpec.Kind.ADAM, 1e-3, 0), 0, 1, 64);
        BlockingQueue<Update> q = new LinkedBlockingQueue<>();
        try (TrainingRunner r = new TrainingRunner(q::add)) {
            long run = r.nextRun();
            long t0 = System.nanoTime();
            r.submit(new Order(run, e, new Trainer.Options(1, 60, 500), Mode.RUN));
            Update u, last = null;
            int running = 0;
            while ((u = q.poll(120, TimeUnit.SECONDS)) != null) {
                last = u;
                if (u.state() == State.RUNNING && u.telemetry() != null && u.telemetry().loss().length > 0) running++;
                if (u.state() != State.RUNNING) break;
            }
            assertNotNull(last, "no answer");
            assertEquals(State.FINISHED, last.state(), String.valueOf(last.message()));
            assertEquals(60, last.step());
            assertEquals(60, last.telemetry().loss().length);
            assertEquals(60, last.telemetry().steps().length);
            assertTrue(running >= 1, "updates while running: " + running);
            System.err.printf(Locale.ROOT, "TrainingRunnerTest: 60 cnn steps, %.1f steps/s (engine), %.1f s wall%n", last.stepsPerSecond(),
                (System.nanoTime() - t0) / 1e9);
        }
    }

    /** Updates are spaced by twenty times the recent charting time, between 150 ms and 2 s; one slow redraw moves it a quarter of the way. */
    @Test
    void updatesAreSpacedByTheRecentChartingTime() {
        try (TrainingRunner r = new TrainingRunner(u -> {})) {
            assertEquals(TrainingRunner.PUBLISH_NANOS, r.publishNanos(), "nothing charted yet");
            r.charted(30_000_000L);
            assertEquals(600_000_000L, r.publishNanos());
            r.charted(110_000_000L); // one slow redraw: (3·30 + 110)/4 = 50 ms
            assertEquals(1_000_000_000L, r.publishNanos());
            for (int i = 0; i < 40; i++) r.charted(1_000_000L);
            assertEquals(TrainingRunner.PUBLISH_NANOS, r.publishNanos(), "cheap charts: the floor");
            for (int i = 0; i < 40; i++) r.charted(500_000_000L);
            assertEquals(TrainingRunner.MAX_PUBLISH_NANOS, r.publishNanos(), "dear charts: the ceiling");
        }
    }
}
