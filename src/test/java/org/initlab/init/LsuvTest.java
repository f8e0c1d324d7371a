package org.initlab.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.initlab.data.Mnist;
import org.initlab.engine.Batch;
import org.initlab.nn.BatchNorm2d;
import org.initlab.nn.LayerSpec;
import org.initlab.nn.ModelSpec;
import org.initlab.nn.Models;
import org.initlab.nn.Sequential;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class LsuvTest {
    static Batch batch;

    @BeforeAll
    static void load() throws Exception {
        batch = Batch.of(Mnist.load(Path.of(System.getProperty("initlab.data", "data/mnist"))), Mnist.Split.TRAIN, 0, 128, DataType.FLOAT);
    }

    static ModelSpec model(String name) {
        if (!name.equals("cnn-bn")) return Models.byName(name);
        return new ModelSpec("cnn-bn", List.of(new LayerSpec.Conv2d(8, 5, 2, 2), new LayerSpec.BatchNorm2d(), new LayerSpec.ReLU(),
            new LayerSpec.Conv2d(16, 3, 2, 1), new LayerSpec.BatchNorm2d(), new LayerSpec.ReLU(),
            new LayerSpec.AdaptiveAvgPool2d(), new LayerSpec.Flatten(), new LayerSpec.Linear(10)), null, "cross-entropy");
    }

    /** After LSUV every conv/linear output has std 1 (and mean 0) on the calibration batch. */
    @ParameterizedTest
    @ValueSource(strings = {"seed4", "cnn", "mlp20", "cnn-bn"})
    void everyWeightLayerOutputHasUnitStd(String name) {
        Sequential model = model(name).build(DataType.FLOAT);
        Lsuv.Report report = Initializer.init(model, InitSpec.of(Scheme.LSUV), 1, batch.x());
        INDArray[] outs = model.forward(batch.x());
        int checked = 0;
        for (int i = 0; i < model.size(); i++) {
            var layer = model.layers().get(i);
            if (layer.params().isEmpty() || layer instanceof BatchNorm2d) continue;
            assertEquals(1, outs[i].stdNumber().doubleValue(), 2 * Lsuv.TOL, name + " module " + i + " std");
            assertEquals(0, outs[i].meanNumber().doubleValue(), 2 * Lsuv.TOL, name + " module " + i + " mean");
            Lsuv.Layer r = report.layers().get(checked);
            assertEquals(i, r.module(), "the report lists the weight layers in order");
            assertTrue(r.reached() && !r.dead() && r.passes() >= 1 && r.passes() <= Lsuv.MAX_PASSES, r.describe());
            assertEquals(outs[i].stdNumber().doubleValue(), r.std(), 1e-6, "the report's std is the output's");
            checked++;
        }
        assertEquals(checked, report.layers().size());
        assertTrue(report.summary().startsWith("LSUV reached unit std in every layer: module "), report.summary());
        assertEquals(name.equals("mlp20") ? 21 : name.equals("cnn-bn") ? 3 : 4 + (name.equals("cnn") ? 1 : 0), checked);
    }

    /** A layer whose output has no spread (here: all-zero images, zero biases) cannot be rescaled: the report names it, not a silent stop. */
    @org.junit.jupiter.api.Test
    void aDeadLayerIsNamed() {
        Sequential model = model("seed4").build(DataType.FLOAT);
        Lsuv.Report report = Initializer.init(model, InitSpec.of(Scheme.LSUV), 1, batch.x().mul(0));
        assertFalse(report.allReached());
        Lsuv.Layer first = report.layers().get(0);
        assertTrue(first.dead() && !first.reached() && first.passes() == 0, first.toString());
        assertTrue(report.summary().startsWith("LSUV could not calibrate module 0 (Conv2d)"), report.summary());
        assertTrue(first.describe().contains("could not be calibrated: its output has std 0"), first.describe());
    }
}
