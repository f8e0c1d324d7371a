package org.initlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.initlab.nn.Kernels.Choice;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The chooser's rule, case by case, as {@link Kernels#choose}'s javadoc states it. */
class KernelsTest {
    @Test
    void doublesTakeNd4jAndAForcedReferenceWins() {
        assertEquals(Choice.ND4J, Kernels.choose(DataType.DOUBLE, true, false));
        assertEquals(Choice.ND4J, Kernels.choose(DataType.DOUBLE, false, true), "the loop goes first in float only");
        assertEquals(Choice.REFERENCE, Kernels.choose(DataType.FLOAT, false, true));
        Kernels.referenceOnly(true);
        try {
            assertEquals(Choice.REFERENCE, Kernels.choose(DataType.DOUBLE, true, false));
            assertEquals(Choice.REFERENCE, Kernels.choose(DataType.FLOAT, true, false));
        } finally {
            Kernels.referenceOnly(false);
        }
    }

    @Test
    void floatsTakeOneDnnUnlessSwitchedOff() {
        assumeTrue(OneDnn.available(), "oneDNN's natives did not load here");
        assertEquals(Choice.ONEDNN, Kernels.choose(DataType.FLOAT, true, false));
        assertEquals(Choice.ND4J, Kernels.choose(DataType.FLOAT, false, false), "an op oneDNN lacks");
        OneDnn.use(false);
        try {
            assertEquals(Choice.ND4J, Kernels.choose(DataType.FLOAT, true, false));
        } finally {
            OneDnn.use(true);
        }
    }
}
