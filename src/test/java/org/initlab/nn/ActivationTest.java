package org.initlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Tanh, Sigmoid, GELU, SiLU and SELU: backward against finite differences in double, float against
 * double, forward against PyTorch 1.13's values, and their JSON names.
 */
class ActivationTest {
    private static final double[] X = {-3, -1, -0.5, 0.5, 1, 2.5};

    /** torch.tanh, sigmoid, F.gelu (approximate='none'), F.silu, torch.selu of X in float64, PyTorch 1.13.1. */
    private static final double[][] TORCH = {
        {-0.9950547536867305, -0.7615941559557649, -0.46211715726000974, 0.46211715726000974, 0.7615941559557649, 0.9866142981514303},
        {0.04742587317756678, 0.2689414213699951, 0.3775406687981454, 0.6224593312018546, 0.7310585786300049, 0.9241418199787566},
        {-0.00404969409489031, -0.15865525393145702, -0.15426876936299344, 0.34573123063700656, 0.841344746068543, 2.4844758366855597},
        {-0.14227761953270035, -0.2689414213699951, -0.1887703343990727, 0.3112296656009273, 0.7310585786300049, 2.3103545499468914},
        {-1.6705687287671118, -1.1113307378125625, -0.6917581878028713, 0.5253504936777402, 1.0507009873554805, 2.626752468388701},
    };

    @Test
    void forwardMatchesPyTorch() {
        Activation.Kind[] kinds = Activation.Kind.values();
        for (int k = 0; k < kinds.length; k++) {
            INDArray y = new Activation(kinds[k]).forward(Nd4j.createFromArray(X));
            assertArrayEquals(TORCH[k], y.toDoubleVector(), 1e-14, kinds[k].type());
        }
    }

    /** torch.erf in float64 at 0.1, 0.5, 1, 2, 3, 4.5. */
    @Test
    void erfMatchesPyTorch() {
        double[] x = {0.1, 0.5, 1, 2, 3, 4.5}, torch = {0.1124629160182849, 0.5204998778130465, 0.8427007929497149, 0.9953222650189527,
            0.9999779095030014, 0.9999999998033839};
        for (int i = 0; i < x.length; i++) {
            assertEquals(torch[i], Erf.erf(x[i]), 1e-15, "erf(" + x[i] + ")");
            assertEquals(-torch[i], Erf.erf(-x[i]), 1e-15, "erf(" + -x[i] + ")");
        }
        assertEquals(1.0, Erf.erf(7), 0);
    }

    /** Inputs in ±[0.1, 1] and again ×3 (into the saturated range); SELU's kink at 0 is avoided. */
    @Test
    void backwardMatchesFiniteDifferencesInDouble() {
        Random r = new Random(17);
        long seed = 100;
        for (Activation.Kind kind : Activation.Kind.values()) {
            GradCheck.check(new Activation(kind), GradCheck.awayFromZero(r, 3, 2, 4, 4), seed++);
            GradCheck.check(new Activation(kind), GradCheck.awayFromZero(r, 5, 12).muli(3), seed++);
        }
    }

    /** The float path (Java loop over a float buffer) against the double path, within FastPathTest's 1e-5. */
    @Test
    void floatAgreesWithDouble() {
        INDArray x = Nd4j.randn(DataType.DOUBLE, 4, 3, 5, 5).muli(3), g = Nd4j.randn(DataType.DOUBLE, 4, 3, 5, 5);
        for (Activation.Kind kind : Activation.Kind.values()) {
            Activation d = new Activation(kind), f = new Activation(kind);
            assertArrayEquals(d.forward(x).ravel().toDoubleVector(), f.forward(x.castTo(DataType.FLOAT)).castTo(DataType.DOUBLE).ravel().toDoubleVector(),
                1e-5, kind.type());
            assertArrayEquals(d.backward(g, true).ravel().toDoubleVector(),
                f.backward(g.castTo(DataType.FLOAT), true).castTo(DataType.DOUBLE).ravel().toDoubleVector(), 1e-5, kind.type());
        }
    }

    /** A view (Flatten's reshape of a slice) reads the right elements. */
    @Test
    void viewsAreReadInOrder() {
        INDArray big = Nd4j.randn(DataType.FLOAT, 6, 10);
        INDArray view = big.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 5), org.nd4j.linalg.indexing.NDArrayIndex.all());
        INDArray y = new Activation(Activation.Kind.TANH).forward(view);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 10; j++) assertEquals(Math.tanh(big.getDouble(i + 2, j)), y.getDouble(i, j), 1e-6);
    }

    @Test
    void jsonNamesAreExactlyPyTorchs() throws Exception {
        ObjectMapper om = new ObjectMapper();
        String json = "{\"layers\":[{\"type\":\"Flatten\"},{\"type\":\"Linear\",\"out\":8},{\"type\":\"Tanh\"},{\"type\":\"Sigmoid\"},"
            + "{\"type\":\"GELU\"},{\"type\":\"SiLU\"},{\"type\":\"SELU\"}]}";
        ModelSpec m = om.readValue(json, ModelSpec.class);
        List<String> types = m.layers().stream().map(ModelSpec::typeName).toList();
        assertEquals(List.of("Flatten", "Linear", "Tanh", "Sigmoid", "GELU", "SiLU", "SELU"), types);
        assertEquals(m.layers(), om.readValue(om.writeValueAsString(m), ModelSpec.class).layers());
        Sequential built = m.build(DataType.FLOAT);
        assertEquals(types, built.layers().stream().map(Layer::type).toList());
        assertArrayEquals(new long[] {8}, m.shapes().get(6));
    }
}
