package org.initlab.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Assertions over {@link FiniteDiff}, and inputs that keep away from ReLU's kink. */
final class GradCheck {
    static final double TOL = 1e-6;

    private GradCheck() {}

    /** Values in ±[0.1, 1]: away from ReLU's kink at 0. */
    static INDArray awayFromZero(Random r, long... shape) {
        INDArray a = Nd4j.zeros(DataType.DOUBLE, shape);
        for (long i = 0; i < a.length(); i++) a.putScalar(i, (r.nextBoolean() ? 1 : -1) * (0.1 + 0.9 * r.nextDouble()));
        return a;
    }

    /** Through the kernels the layer chooses for doubles (ND4J's ops), then through its reference loops ({@link Kernels#referenceOnly}). */
    static void check(Layer layer, INDArray x, long seed) {
        for (boolean reference : new boolean[] {false, true}) {
            Kernels.referenceOnly(reference);
            try {
                List<String> bad = FiniteDiff.check(layer, x, seed, TOL);
                String through = reference ? "reference kernels: " : "chosen kernels: ";
                assertTrue(bad.isEmpty(), through + bad.size() + " mismatches, first: " + (bad.isEmpty() ? "" : bad.get(0)));
            } finally {
                Kernels.referenceOnly(false);
            }
        }
    }
}
