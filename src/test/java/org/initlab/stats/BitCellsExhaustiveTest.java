package org.initlab.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every float bit pattern but NaN, 2¹⁶ at a time, counted by {@link BitCells} against the reference
 * binner, for the bins training uses. About four minutes of one core, so only on demand:
 * {@code mvn verify -Dtest=BitCellsExhaustiveTest -Dinitlab.exhaustive=true}.
 */
class BitCellsExhaustiveTest {
    @Test
    void everyFloatLandsInTheReferenceBin() {
        assumeTrue(System.getProperty("initlab.exhaustive") != null, "every float is tried only with -Dinitlab.exhaustive=true");
        for (Bins bins : List.of(Bins.RELU, Bins.SIGNED, Bins.GRADIENT)) {
            BitCells cells = BitCells.of(bins);
            Bins.Binner exact = bins.binner();
            int[] chunk = new int[1 << 16];
            double[] got = new double[bins.count()], want = new double[bins.count()];
            for (long high = 0; high < 1 << 16; high++) {
                int n = 0;
                Arrays.fill(want, 0);
                for (int low = 0; low < 1 << 16; low++) {
                    int b = (int) (high << 16 | low);
                    float f = Float.intBitsToFloat(b);
                    if (Float.isNaN(f)) continue;
                    chunk[n++] = b;
                    want[exact.bin(f)]++;
                }
                if (n == 0) continue;
                int[][] counts = cells.begin();
                cells.count(chunk, n, counts[0], counts[1]);
                Arrays.fill(got, 0);
                cells.fold(counts[0], counts[1], got);
                assertArrayEquals(want, got, bins + ": the floats with bits " + Long.toHexString(high << 16) + " and up");
            }
        }
    }
}
