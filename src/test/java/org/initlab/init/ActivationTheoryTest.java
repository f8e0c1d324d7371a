package org.initlab.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.initlab.nn.Activation;
import org.initlab.nn.LayerSpec;
import org.initlab.nn.ModelSpec;
import org.junit.jupiter.api.Test;

/** The mean-field moments behind the theory line of the smooth activations, and where it stays silent. */
class ActivationTheoryTest {
    /** Simpson's rule with step 0.01 is good to about h⁴ = 1e-8 relative. */
    @Test
    void quadratureReproducesTheClosedForms() {
        for (double s : new double[] {0.1, 1, 3}) {
            double[] relu = GaussianMoments.of(x -> Math.max(0, x), s);
            assertEquals(s / Math.sqrt(2 * Math.PI), relu[0], 1e-8 * s);
            assertEquals(s * s / 2, relu[1], 1e-8 * s * s);
            double[] linear = GaussianMoments.of(x -> x, s);
            assertEquals(s * s, linear[1], 1e-8 * s * s);
        }
    }

    /** SELU's λ and α are chosen so that N(0, 1) maps to mean 0 and variance 1 (Klambauer et al. 2017). */
    @Test
    void seluIsSelfNormalizing() {
        double[] m = GaussianMoments.of(Activation.Kind.SELU::f, 1);
        assertEquals(0, m[0], 1e-6);
        assertEquals(1, m[1], 1e-6);
    }

    @Test
    void smoothActivationsArePredictedOnlyAfterAWeightLayerOrBatchNorm() {
        ModelSpec m = new ModelSpec("t", List.of(new LayerSpec.Flatten(), new LayerSpec.Tanh(), new LayerSpec.Linear(100), new LayerSpec.Tanh(),
            new LayerSpec.Sigmoid(), new LayerSpec.Linear(50), new LayerSpec.GELU()), new long[] {1, 8, 8}, "mean");
        double[] measured = {0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
        double[] std = Theory.std(m, InitSpec.of(Scheme.LECUN_NORMAL), 1, measured);
        assertTrue(Double.isNaN(std[1]), "Tanh on the images: no theory");
        assertTrue(Double.isFinite(std[2]), "the Linear after restarts from the measured second moment");
        assertEquals(Math.sqrt(0.3), std[2], 1e-12, "lecun: Var[y] = E[x²] of the measured Tanh output");
        assertTrue(Double.isFinite(std[3]), "Tanh after a Linear");
        assertTrue(Double.isNaN(std[4]), "Sigmoid after Tanh: no theory");
        assertTrue(Double.isFinite(std[6]), "GELU after a Linear");
    }
}
