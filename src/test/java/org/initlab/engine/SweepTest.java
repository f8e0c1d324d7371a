package org.initlab.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.initlab.data.Mnist;
import org.initlab.init.InitSpec;
import org.initlab.init.Nonlinearity;
import org.initlab.init.Scheme;
import org.initlab.nn.Models;
import org.junit.jupiter.api.Test;

/** A sweep steps a parameter exactly where the init uses it: where it does not, the frames would all be the same. */
class SweepTest {
    private static final long[] CONV = {8, 1, 3, 3};

    private static LabConfig config(String model, Scheme s, Nonlinearity n) {
        return new LabConfig(Models.byName(model), InitSpec.of(s).withNonlinearity(n), 0, Mnist.Split.TEST, 0, 10, Path.of("data/mnist"), false);
    }

    @Test
    void aSweepsWhereverItIsTheLeakySlope() {
        Sweep a = Sweep.parse("a=0:1:1");
        for (Scheme s : new Scheme[] {Scheme.XAVIER_UNIFORM, Scheme.XAVIER_NORMAL, Scheme.ORTHOGONAL, Scheme.KAIMING_NORMAL}) {
            LabConfig c = config("seed4", s, Nonlinearity.LEAKY_RELU);
            assertDoesNotThrow(() -> a.check(c), s.id());
            assertNotEquals(a.apply(c, 0).init().weightStd(CONV), a.apply(c, 1).init().weightStd(CONV), s.id() + ": each a gives other weights");
        }
        assertDoesNotThrow(() -> a.check(config("seed4", Scheme.KAIMING_UNIFORM, null)));
    }

    @Test
    void aIsRefusedWhereTheNonlinearityFixesTheGain() {
        Sweep a = Sweep.parse("a=0:1:1");
        for (Nonlinearity n : new Nonlinearity[] {Nonlinearity.TANH, Nonlinearity.RELU}) {
            LabConfig c = config("seed4", Scheme.KAIMING_NORMAL, n);
            assertEquals(c.init().weightStd(CONV), a.apply(c, 1).init().weightStd(CONV), "the weights do not see a under " + n.id());
            var e = assertThrows(IllegalArgumentException.class, () -> a.check(c));
            assertEquals("--sweep a: the init kaiming-normal with nonlinearity " + n.id() + " has no a (kaiming-uniform and kaiming-normal without"
                + " nonlinearity; kaiming-*, xavier-* and orthogonal with nonlinearity leaky_relu)", e.getMessage());
        }
        var e = assertThrows(IllegalArgumentException.class, () -> a.check(config("seed4", Scheme.XAVIER_UNIFORM, null)));
        assertEquals("--sweep a: the init xavier-uniform has no a (kaiming-uniform and kaiming-normal without nonlinearity;"
            + " kaiming-*, xavier-* and orthogonal with nonlinearity leaky_relu)", e.getMessage());
    }

    /** A nonlinearity gives Xavier's gain, and an explicit gain beside it is an error: no gain to sweep. */
    @Test
    void gainIsRefusedUnderANonlinearity() {
        Sweep gain = Sweep.parse("gain=0.5:1:0.5");
        assertDoesNotThrow(() -> gain.check(config("seed4", Scheme.XAVIER_UNIFORM, null)));
        var e = assertThrows(IllegalArgumentException.class, () -> gain.check(config("seed4", Scheme.XAVIER_UNIFORM, Nonlinearity.TANH)));
        assertEquals("--sweep gain: the init xavier-uniform with nonlinearity tanh has no gain (xavier-uniform, xavier-normal and orthogonal"
            + " without nonlinearity)", e.getMessage());
    }

    @Test
    void theFirstParameterIsOneTheInitUses() {
        assertEquals("a", Sweep.firstParameter(config("seed4", Scheme.XAVIER_UNIFORM, Nonlinearity.LEAKY_RELU)));
        assertEquals("gain", Sweep.firstParameter(config("seed4", Scheme.XAVIER_UNIFORM, null)));
        assertEquals("a", Sweep.firstParameter(config("seed4", Scheme.KAIMING_UNIFORM, null)));
        assertEquals("depth", Sweep.firstParameter(config("mlp-tanh-2x32", Scheme.KAIMING_NORMAL, Nonlinearity.TANH)));
        assertEquals("depth", Sweep.firstParameter(config("mlp-tanh-2x32", Scheme.XAVIER_NORMAL, Nonlinearity.TANH)));
    }
}
