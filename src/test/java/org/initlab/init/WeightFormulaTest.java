package org.initlab.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import org.initlab.nn.LayerSpec;
import org.initlab.nn.Models;
import org.junit.jupiter.api.Test;

class WeightFormulaTest {
    @Test
    void pytorchDefaultOnTheFirstConvOfSeed4() {
        WeightFormula f = WeightFormula.of(Models.seed4(), 0, InitSpec.of(Scheme.PYTORCH_DEFAULT));
        assertEquals(25, f.fanIn());
        assertEquals(1 / Math.sqrt(3), f.gain(), 1e-12);
        assertEquals(1 / Math.sqrt(3) / 5, f.std(), 1e-12);
        assertEquals(0.2, f.bound(), 1e-12); // √3·std = 1/5 = 1/√fan_in: weights and bias share the bound
        assertTrue(f.numbers().contains("fan_in = 25"), f.numbers());
    }

    @Test
    void kaimingFanOutUsesTheOutputFan() {
        InitSpec init = new InitSpec(Scheme.KAIMING_NORMAL, 0, InitSpec.Mode.FAN_OUT, null, 1);
        WeightFormula f = WeightFormula.of(Models.seed4(), 2, init);
        assertEquals(16 * 9, f.fan());
        assertEquals(Math.sqrt(2) / 12, f.std(), 1e-12);
        assertTrue(Double.isNaN(f.bound()), "normal: no bound");
    }

    @Test
    void noFormulaForLayersWithoutWeightsButOneBeforeALaterImpossibleLayer() {
        assertNull(WeightFormula.of(Models.seed4(), 1, InitSpec.of(Scheme.PYTORCH_DEFAULT)));
        var layers = new ArrayList<>(Models.seed4().layers());
        layers.set(6, new LayerSpec.Conv2d(1, 9, 2, 1)); // impossible
        var broken = Models.seed4().withLayers(layers);
        assertEquals(144, WeightFormula.of(broken, 4, InitSpec.of(Scheme.PYTORCH_DEFAULT)).fanIn());
        assertNull(WeightFormula.of(broken, 6, InitSpec.of(Scheme.PYTORCH_DEFAULT)));
    }
}
