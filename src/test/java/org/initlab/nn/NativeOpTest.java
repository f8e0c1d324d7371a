package org.initlab.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NativeOpTest {
    static final Path STATUS = Path.of("/proc/self/status");

    /**
     * A kept op context holds a native wrapper of every array it is given until purged. Unpurged, 80 000
     * tiny convolutions grew resident memory by about 33 MB (0.4 kB a call), invisible to ND4J's own
     * memory counters (SoakTest); purged, it stays flat.
     */
    @Test
    void callingAnOpAgainAndAgainHoldsNoNativeMemory() throws Exception {
        assumeTrue(Files.isReadable(STATUS), "resident memory is read from /proc (Linux)");
        Conv2d conv = new Conv2d(1, 2, 3, 1, 1, true, DataType.FLOAT);
        INDArray x = Nd4j.rand(DataType.FLOAT, 1, 1, 4, 4);
        for (int i = 0; i < 10_000; i++) conv.forward(x);
        long before = settledRssKb();
        for (int i = 0; i < 80_000; i++) conv.forward(x);
        long grewKb = settledRssKb() - before;
        assertTrue(grewKb < 10 * 1024, "80 000 calls grew resident memory by " + grewKb / 1024 + " MB");
    }

    private static long settledRssKb() throws Exception {
        System.gc();
        Thread.sleep(100);
        for (String line : Files.readAllLines(STATUS))
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
        throw new IllegalStateException("no VmRSS in " + STATUS);
    }
}
