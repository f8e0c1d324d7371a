package org.initlab.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.initlab.nn.LayerSpec;
import org.initlab.nn.ModelSpec;
import org.initlab.nn.Sequential;
import org.initlab.stats.TensorStats;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A layer's own init overrides the model's for that layer only, bias rule included; LSUV leaves it alone. */
class PerLayerInitTest {
    private static final InitSpec OWN = InitSpec.parse("normal", null, null, null, null, null, 0.01, null);

    private static ModelSpec model(InitSpec own, InitSpec ownLast) {
        return new ModelSpec("m", List.of(new LayerSpec.Flatten(), new LayerSpec.Linear(0, 400, true, own), new LayerSpec.ReLU(),
            new LayerSpec.Linear(0, 300, true, null), new LayerSpec.ReLU(), new LayerSpec.Linear(0, 10, true, ownLast)), new long[] {1, 28, 28}, "mean");
    }

    private static TensorStats param(Sequential m, int layer, int p) {
        return TensorStats.of(m.layers().get(layer).params().get(p).value());
    }

    /** 313 600 and 120 000 weights: sample stds within 5·√(1/(2n)) < 1.1 % (normal kurtosis). */
    @Test
    void ownInitOverridesTheModelsForThatLayerOnly() {
        InitSpec withBias = InitSpec.parse("normal", null, null, InitSpec.Bias.DEFAULT, null, null, 0.05, null);
        Sequential m = model(OWN, withBias).build(DataType.FLOAT);
        Initializer.init(m, InitSpec.of(Scheme.KAIMING_NORMAL), 3);
        assertEquals(0.01, param(m, 1, 0).std(), 0.011 * 0.01);
        assertEquals(Math.sqrt(2.0 / 400), param(m, 3, 0).std(), 0.011 * Math.sqrt(2.0 / 400));
        assertEquals(0, param(m, 1, 1).std(), "normal zeroes its bias unless asked (the model-wide rule)");
        assertEquals(0, param(m, 3, 1).std(), "kaiming-normal zeroes the bias");
        assertTrue(param(m, 5, 1).std() > 0, "bias default: U(±1/√fan_in)");
        assertTrue(param(m, 5, 1).max() <= 1 / Math.sqrt(300));
    }

    @Test
    void modelWideLsuvLeavesALayerWithItsOwnInitAsItWas() {
        Sequential m = model(OWN, null).build(DataType.FLOAT);
        Nd4j.getRandom().setSeed(1);
        INDArray x = Nd4j.randn(DataType.FLOAT, 200, 1, 28, 28);
        Initializer.init(m, InitSpec.of(Scheme.LSUV), 4, x);
        assertEquals(0.01, param(m, 1, 0).std(), 0.011 * 0.01, "own init untouched");
        INDArray[] outs = m.forward(x);
        assertEquals(1, outs[3].stdNumber().doubleValue(), 2 * Lsuv.TOL, "the next Linear calibrated to unit std");
        assertEquals(1, outs[5].stdNumber().doubleValue(), 2 * Lsuv.TOL, "the last one too");
    }

    @Test
    void lsuvCannotBeOneLayersInit() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> new LayerSpec.Linear(0, 10, true, InitSpec.of(Scheme.LSUV)));
        assertEquals("init: lsuv applies to the whole model, not to one layer", e.getMessage());
    }
}
