package org.initlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class BatchNormGradTest {
    private static BatchNorm2d layer(int c) {
        BatchNorm2d bn = new BatchNorm2d(c, 1e-5, 0.1, DataType.DOUBLE);
        bn.params().get(0).value().assign(FiniteDiff.random(7, c).addi(1)); // γ away from 1
        bn.params().get(1).value().assign(FiniteDiff.random(8, c));
        return bn;
    }

    @Test
    void trainingModeBackwardMatchesFiniteDifferences() {
        BatchNorm2d bn = layer(3);
        INDArray x = FiniteDiff.random(1, 4, 3, 3, 2).muli(2).addi(0.5);
        List<String> bad = FiniteDiff.check(bn, x, 2, 1e-6);
        assertTrue(bad.isEmpty(), () -> bad.size() + " mismatches, first: " + bad.get(0));
    }

    @Test
    void evalModeBackwardMatchesFiniteDifferences() {
        BatchNorm2d bn = layer(2);
        bn.runningMean().assign(Nd4j.createFromArray(0.3, -0.2));
        bn.runningVar().assign(Nd4j.createFromArray(1.5, 0.7));
        bn.setTraining(false);
        List<String> bad = FiniteDiff.check(bn, FiniteDiff.random(3, 3, 2, 2, 2), 4, 1e-6);
        assertTrue(bad.isEmpty(), () -> bad.size() + " mismatches, first: " + bad.get(0));
    }

    @Test
    void trainingOutputIsNormalizedPerChannelAndRunningStatsFollowPyTorch() {
        BatchNorm2d bn = new BatchNorm2d(2, 1e-5, 0.1, DataType.DOUBLE);
        INDArray x = FiniteDiff.random(5, 8, 2, 3, 3).muli(3).addi(2);
        INDArray y = bn.forward(x);
        for (int c = 0; c < 2; c++) {
            INDArray ch = y.get(NDArrayIndex.all(), NDArrayIndex.point(c)).dup();
            assertEquals(0, ch.meanNumber().doubleValue(), 1e-9);
            INDArray xc = x.get(NDArrayIndex.all(), NDArrayIndex.point(c)).dup();
            double mean = xc.meanNumber().doubleValue(), unbiased = xc.varNumber().doubleValue();
            assertEquals(0.1 * mean, bn.runningMean().getDouble(c), 1e-9);
            assertEquals(0.9 + 0.1 * unbiased, bn.runningVar().getDouble(c), 1e-9);
            double biased = unbiased * (ch.length() - 1) / ch.length();
            assertEquals(Math.sqrt(biased / (biased + 1e-5)), Math.sqrt(ch.mul(ch).meanNumber().doubleValue()), 1e-9);
        }
    }

    @Test
    void specInfersChannelsAndRoundTripsThroughJson() throws Exception {
        var spec = new ModelSpec("bn", List.of(new LayerSpec.Conv2d(4, 3, 1, 1), new LayerSpec.BatchNorm2d(), new LayerSpec.ReLU()), null, "mean");
        var om = new com.fasterxml.jackson.databind.ObjectMapper();
        ModelSpec back = om.readValue(om.writeValueAsString(spec), ModelSpec.class);
        assertEquals(new LayerSpec.BatchNorm2d(1e-5, 0.1), back.layers().get(1));
        assertEquals(4, ((BatchNorm2d) spec.build(DataType.FLOAT).layers().get(1)).runningMean().length());
    }
}
