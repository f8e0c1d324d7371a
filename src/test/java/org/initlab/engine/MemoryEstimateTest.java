package org.initlab.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.initlab.nn.Models;
import org.junit.jupiter.api.Test;

class MemoryEstimateTest {
    @Test
    void refusesWhatCannotFitWithAnEstimate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MemoryEstimate.check(Models.mlp20(), 50_000_000));
        assertTrue(e.getMessage().matches("batch 50000000 of mlp20 needs about [0-9.]+ GB but this machine has .* of memory; use a smaller batch"), e.getMessage());
        assertDoesNotThrow(() -> MemoryEstimate.check(Models.seed4(), 512));
        // the machine bounds it, not JavaCPP's limit that follows the heap's -Xmx (512 MB for the window): this fits
        long machine = MemoryEstimate.machineBytes();
        org.junit.jupiter.api.Assumptions.assumeTrue(machine > 2L << 30, "a machine with more than 2 GB");
        assertTrue(MemoryEstimate.bytes(Models.cnn(), 2000) > 512L << 20, "the case is past the heap-sized limit");
        assertDoesNotThrow(() -> MemoryEstimate.check(Models.cnn(), 2000));
    }

    @Test
    void estimateGrowsWithTheBatchAndCoversTheActivations() {
        long small = MemoryEstimate.bytes(Models.seed4(), 100), big = MemoryEstimate.bytes(Models.seed4(), 1000);
        assertTrue(big > 9 * small && big < 11 * small, small + " vs " + big);
        assertTrue(small > 100L * 8 * 14 * 14 * 4 * 3, "at least conv 0's output, gradient and input gradient");
    }
}
