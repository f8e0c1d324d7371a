package org.initlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.Pointer;
import org.initlab.data.Mnist;
import org.initlab.init.InitSpec;
import org.initlab.init.Initializer;
import org.initlab.init.Scheme;
import org.initlab.nn.Models;
import org.initlab.nn.Sequential;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Memory stays flat over many lab steps: ND4J's off-heap bytes (exact, unlike RSS) must not grow
 * after warm-up. The long soak (-Dinitlab.soak.minutes=30) also samples resident memory each minute.
 */
class SoakTest {
    @Test
    void offHeapMemoryIsFlatOverManySteps() throws Exception {
        Mnist data = Mnist.load(Path.of(System.getProperty("initlab.data", "data/mnist")));
        Sequential model = Models.seed4().build(DataType.FLOAT);
        Stepper stepper = new Stepper();
        double minutes = Double.parseDouble(System.getProperty("initlab.soak.minutes", "0").replaceAll("^$|\\$\\{.*}", "0"));
        int steps = minutes > 0 ? Integer.MAX_VALUE : 1000;
        long end = System.nanoTime() + (long) (minutes * 60e9);
        long afterWarmup = 0, rssFirstMinute = 0, nextMinute = System.nanoTime() + 60_000_000_000L;
        StringBuilder series = new StringBuilder();
        for (int i = 0; i < steps && (minutes == 0 || System.nanoTime() < end); i++) {
            // like a user dragging a slider and pressing "next batch": new weights, new images
            Batch batch = Batch.of(data, Mnist.Split.TEST, (i * 100) % 9900, 100, DataType.FLOAT);
            Initializer.init(model, InitSpec.kaiming(Scheme.KAIMING_UNIFORM, (i % 30) / 10.0), i);
            stepper.step(model, batch, Models.seed4().lossFunction(), true);
            batch.x().close();
            batch.labels().close();
            if (i == 100) afterWarmup = settledOffHeap();
            if (minutes > 0 && System.nanoTime() > nextMinute) {
                long rss = rss();
                if (rssFirstMinute == 0) rssFirstMinute = rss;
                series.append(rss / 1024).append(" MB ");
                nextMinute += 60_000_000_000L;
            }
        }
        long growth = settledOffHeap() - afterWarmup;
        assertEquals(0, growth, 1 << 20, "off-heap bytes grew by " + growth + " after warm-up");
        if (minutes > 0) {
            System.out.println("soak RSS each minute: " + series);
            assertTrue(rss() < rssFirstMinute * 1.05, "RSS grew more than 5 % after the first minute: " + series);
        }
    }

    /** Off-heap bytes once the garbage collector has released what unreachable arrays held. */
    private static long settledOffHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return Pointer.totalBytes();
    }

    private static long rss() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status")))
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
        return 0;
    }
}
