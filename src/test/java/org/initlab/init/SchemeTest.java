package org.initlab.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * normal, uniform, trunc-normal and lecun-uniform against their formulas for several fans, and
 * PyTorch's calculate_gain table with the schemes that take it.
 */
class SchemeTest {
    /** Linear 500→500, Linear 784→10, Conv 32→64 k3, Conv 64→128 k5. */
    private static final long[][] SHAPES = {{500, 500}, {10, 784}, {64, 32, 3, 3}, {128, 64, 5, 5}};

    /**
     * The sample std of n draws has standard error σ·√((κ−1)/(4n)), κ the kurtosis: 3 for the normal,
     * 1.8 for the uniform, about 2.4 for the normal cut at ±2. Five standard errors with κ = 3 bound all three.
     */
    private static double tolerance(double sigma, int n) {
        return 5 * sigma * Math.sqrt(2.0 / (4 * n));
    }

    private static double[] draw(InitSpec init, long[] shape) {
        float[] w = Initializer.weight(init, shape, new SplittableRandom(11));
        double[] d = new double[w.length];
        for (int i = 0; i < w.length; i++) d[i] = w[i];
        return d;
    }

    private static double std(double[] v) {
        double m = 0, m2 = 0;
        for (double x : v) m += x;
        m /= v.length;
        for (double x : v) m2 += (x - m) * (x - m);
        return Math.sqrt(m2 / v.length);
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) m = Math.max(m, Math.abs(x));
        return m;
    }

    private static InitSpec parse(String scheme, Double std, Double bound) {
        return InitSpec.parse(scheme, null, null, null, null, null, std, bound);
    }

    @Test
    void normalUniformTruncatedAndLecunUniformMatchTheirFormulas() {
        for (long[] shape : SHAPES) {
            long fanIn = Fans.of(shape).in();
            for (double s : new double[] {0.01, 0.02, 1}) {
                double[] normal = draw(parse("normal", s, null), shape);
                assertEquals(s, std(normal), tolerance(s, normal.length), "normal std " + s + " fan_in " + fanIn);

                double[] trunc = draw(parse("trunc-normal", s, null), shape);
                double expected = 0.8796 * s; // REFERENCE.md; the formula's own value is checked below to 1e-4
                assertEquals(expected, std(trunc), tolerance(s, trunc.length) + 1e-4 * s, "trunc-normal std " + s + " fan_in " + fanIn);
                assertTrue(maxAbs(trunc) <= 2 * s * (1 + 1e-6), "trunc-normal cut at ±2·std: max " + maxAbs(trunc));
                assertTrue(maxAbs(trunc) > 1.9 * s, "trunc-normal reaches near its cut: max " + maxAbs(trunc));

                double[] uniform = draw(parse("uniform", null, s), shape);
                assertEquals(s / Math.sqrt(3), std(uniform), tolerance(s, uniform.length), "uniform bound " + s);
                assertTrue(maxAbs(uniform) <= s * (1 + 1e-6) && maxAbs(uniform) > 0.99 * s, "uniform max " + maxAbs(uniform));
            }
            double bound = Math.sqrt(3.0 / fanIn);
            double[] lecun = draw(InitSpec.of(Scheme.LECUN_UNIFORM), shape);
            assertEquals(1 / Math.sqrt(fanIn), InitSpec.of(Scheme.LECUN_UNIFORM).weightStd(shape), 1e-15);
            assertEquals(1 / Math.sqrt(fanIn), std(lecun), tolerance(1 / Math.sqrt(fanIn), lecun.length), "lecun-uniform fan_in " + fanIn);
            assertTrue(maxAbs(lecun) <= bound * (1 + 1e-6) && maxAbs(lecun) > 0.99 * bound, "lecun-uniform max " + maxAbs(lecun) + " bound " + bound);
        }
        assertEquals(0.8796, InitSpec.TRUNC_STD_FACTOR, 1e-4);
    }

    /** torch.nn.init.calculate_gain in PyTorch 1.13.1; leaky_relu at slope 0.01 (its default) and 0.2. */
    @Test
    void calculateGainIsPyTorchsTable() {
        assertEquals(1.0, Nonlinearity.LINEAR.gain(0));
        assertEquals(1.0, Nonlinearity.SIGMOID.gain(0));
        assertEquals(1.6666666666666667, Nonlinearity.TANH.gain(0), 1e-16);
        assertEquals(1.4142135623730951, Nonlinearity.RELU.gain(0.3), 1e-16);
        assertEquals(1.4141428569978354, Nonlinearity.LEAKY_RELU.gain(0.01), 1e-16);
        assertEquals(1.3867504905630728, Nonlinearity.LEAKY_RELU.gain(0.2), 1e-16);
        assertEquals(0.75, Nonlinearity.SELU.gain(0));
    }

    @Test
    void theNonlinearityPicksTheGainOfEachScheme() {
        long[] w = {128, 64, 5, 5};
        double fanIn = 1600, fanOut = 3200;
        InitSpec kaimingTanh = InitSpec.of(Scheme.KAIMING_NORMAL).withNonlinearity(Nonlinearity.TANH);
        assertEquals(5.0 / 3 / Math.sqrt(fanIn), kaimingTanh.weightStd(w), 1e-15);
        // relu ignores a, as PyTorch's kaiming_normal_(a=0.5, nonlinearity='relu')
        assertEquals(Math.sqrt(2 / fanIn), InitSpec.kaiming(Scheme.KAIMING_UNIFORM, 0.5).withNonlinearity(Nonlinearity.RELU).weightStd(w), 1e-15);
        assertEquals(Gains.leakyRelu(0.5) / Math.sqrt(fanIn), InitSpec.kaiming(Scheme.KAIMING_UNIFORM, 0.5).weightStd(w), 1e-15);
        assertEquals(0.75 * Math.sqrt(2 / (fanIn + fanOut)), InitSpec.of(Scheme.XAVIER_NORMAL).withNonlinearity(Nonlinearity.SELU).weightStd(w), 1e-15);
        assertEquals(Gains.leakyRelu(0.2) * Math.sqrt(2 / (fanIn + fanOut)),
            new InitSpec(Scheme.XAVIER_UNIFORM, 0.2, null, null, 1, Nonlinearity.LEAKY_RELU, 1, 1).weightStd(w), 1e-15);
        InitSpec orth = InitSpec.of(Scheme.ORTHOGONAL).withNonlinearity(Nonlinearity.TANH);
        assertEquals(5.0 / 3 / Math.sqrt(fanIn), orth.weightStd(w), 1e-15);
        assertEquals(5.0 / 3 / Math.sqrt(fanIn), std(draw(orth, w)), tolerance(5.0 / 3 / Math.sqrt(fanIn), 128 * 1600));
        double[] kt = draw(kaimingTanh, w);
        assertEquals(5.0 / 3 / Math.sqrt(fanIn), std(kt), tolerance(5.0 / 3 / Math.sqrt(fanIn), kt.length));
    }

    @Test
    void badParametersNameTheField() {
        assertMessage("std must be a finite number ≥ 0 (got -0.1)", () -> parse("normal", -0.1, null));
        assertMessage("bound must be a finite number ≥ 0 (got -1.0)", () -> parse("uniform", null, -1.0));
        assertMessage("std applies to normal and trunc-normal, not to kaiming-normal", () -> parse("kaiming-normal", 0.1, null));
        assertMessage("bound applies to uniform, not to normal", () -> parse("normal", null, 0.1));
        assertMessage("unknown nonlinearity 'swish' (linear, sigmoid, tanh, relu, leaky_relu, selu)", () -> Nonlinearity.parse("swish"));
        assertMessage("nonlinearity applies to kaiming-*, xavier-* and orthogonal, not to lecun-normal",
            () -> InitSpec.parse("lecun-normal", null, null, null, null, Nonlinearity.TANH, null, null));
        assertMessage("give gain or nonlinearity, not both (gain 2.0, nonlinearity tanh)",
            () -> InitSpec.parse("xavier-normal", null, null, null, 2.0, Nonlinearity.TANH, null, null));
    }

    private static void assertMessage(String expected, Runnable r) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, r::run).getMessage());
    }

    @Test
    void jsonRoundTripKeepsEveryField() throws Exception {
        ObjectMapper om = new ObjectMapper();
        for (InitSpec init : new InitSpec[] {parse("normal", 0.01, null), parse("uniform", null, 0.05), parse("trunc-normal", 0.02, null),
                InitSpec.of(Scheme.LECUN_UNIFORM), InitSpec.kaiming(Scheme.KAIMING_NORMAL, 0.1).withNonlinearity(Nonlinearity.LEAKY_RELU),
                InitSpec.of(Scheme.XAVIER_UNIFORM).withNonlinearity(Nonlinearity.TANH), InitSpec.of(Scheme.PYTORCH_DEFAULT)}) {
            String json = om.writeValueAsString(init);
            assertEquals(init, om.readValue(json, InitSpec.class), json);
        }
        assertEquals("{\"scheme\":\"normal\",\"bias\":\"zero\",\"std\":0.01}", om.writeValueAsString(parse("normal", 0.01, null)));
    }

    /**
     * Every scheme, with and without the nonlinearities that change which fields count, written with every
     * field away from its default: the JSON holds exactly the fields the init uses, and reads back equal.
     */
    @Test
    void eachSchemeWritesExactlyTheFieldsItUsesAndReadsThemBack() throws Exception {
        ObjectMapper om = new ObjectMapper();
        for (Scheme s : Scheme.values()) {
            for (Nonlinearity n : s.usesNonlinearity() ? new Nonlinearity[] {null, Nonlinearity.TANH, Nonlinearity.LEAKY_RELU} : new Nonlinearity[] {null}) {
                InitSpec init = new InitSpec(s, s == Scheme.PYTORCH_DEFAULT ? InitSpec.PYTORCH_A : 0.3, InitSpec.Mode.FAN_OUT, InitSpec.Bias.DEFAULT,
                    n == null ? 2.5 : 1, n, 0.02, 0.07);
                String expected = switch (s) {
                    case KAIMING_UNIFORM, KAIMING_NORMAL -> n == Nonlinearity.TANH ? "bias mode nonlinearity scheme" : n == null ? "a bias mode scheme"
                        : "a bias mode nonlinearity scheme";
                    case XAVIER_UNIFORM, XAVIER_NORMAL, ORTHOGONAL -> n == null ? "bias gain scheme" : n == Nonlinearity.TANH ? "bias nonlinearity scheme"
                        : "a bias nonlinearity scheme";
                    case NORMAL, TRUNC_NORMAL -> "bias scheme std";
                    case UNIFORM -> "bias bound scheme";
                    default -> "bias scheme";
                };
                String json = om.writeValueAsString(init);
                java.util.TreeSet<String> names = new java.util.TreeSet<>();
                om.readTree(json).fieldNames().forEachRemaining(names::add);
                assertEquals(expected, String.join(" ", names), json);
                assertEquals(init, om.readValue(json, InitSpec.class), json);
            }
        }
    }

    @Test
    void aFieldTheInitDoesNotUseIsNamedWithTheScheme() {
        ObjectMapper om = new ObjectMapper();
        String a = "a applies to kaiming-uniform and kaiming-normal (without nonlinearity) and to nonlinearity leaky_relu, not to ";
        String[][] cases = {
            {a + "xavier-uniform", "{\"scheme\":\"xavier-uniform\",\"a\":3}"},
            {a + "kaiming-normal with nonlinearity relu", "{\"scheme\":\"kaiming-normal\",\"nonlinearity\":\"relu\",\"a\":0.5}"},
            {a + "lecun-normal", "{\"scheme\":\"lecun-normal\",\"a\":1,\"mode\":\"fan_in\",\"gain\":1}"},
            {"mode applies to kaiming-uniform and kaiming-normal, not to lecun-normal", "{\"scheme\":\"lecun-normal\",\"mode\":\"fan_out\"}"},
            {"mode applies to kaiming-uniform and kaiming-normal, not to pytorch-default", "{\"scheme\":\"pytorch-default\",\"mode\":\"fan_out\"}"},
            {"gain applies to xavier-uniform, xavier-normal and orthogonal, not to kaiming-uniform", "{\"scheme\":\"kaiming-uniform\",\"gain\":2}"},
            {"gain applies to xavier-uniform, xavier-normal and orthogonal, not to lsuv", "{\"scheme\":\"lsuv\",\"gain\":0.5}"}};
        for (String[] c : cases) {
            Throwable t = assertThrows(com.fasterxml.jackson.databind.JsonMappingException.class, () -> om.readValue(c[1], InitSpec.class), c[1]).getCause();
            assertEquals(c[0], t.getMessage(), c[1]);
        }
    }

    /** Explicit defaults, and the form that carries every field (what InitLab wrote while it wrote unused fields too), still read. */
    @Test
    void defaultsAndFilesWithEveryFieldStillRead() throws Exception {
        ObjectMapper om = new ObjectMapper();
        assertEquals(InitSpec.of(Scheme.XAVIER_UNIFORM), om.readValue("{\"scheme\":\"xavier-uniform\",\"a\":0,\"mode\":\"fan_in\",\"gain\":1}", InitSpec.class));
        assertEquals(InitSpec.of(Scheme.PYTORCH_DEFAULT), om.readValue("{\"scheme\":\"pytorch-default\",\"a\":2.23606797749979}", InitSpec.class));
        // the window keeps a, mode and gain across schemes, and such files hold the other scheme's values
        assertEquals(InitSpec.of(Scheme.XAVIER_UNIFORM),
            om.readValue("{\"scheme\":\"xavier-uniform\",\"a\":0.5,\"mode\":\"fan_out\",\"bias\":\"zero\",\"gain\":1.0}", InitSpec.class));
        assertEquals(new InitSpec(Scheme.KAIMING_NORMAL, 0.2, InitSpec.Mode.FAN_OUT, InitSpec.Bias.ZERO, 1),
            om.readValue("{\"scheme\":\"kaiming-normal\",\"a\":0.2,\"mode\":\"fan_out\",\"bias\":\"zero\",\"gain\":1.7}", InitSpec.class));
        assertEquals(InitSpec.of(Scheme.KAIMING_UNIFORM).withNonlinearity(Nonlinearity.TANH),
            om.readValue("{\"scheme\":\"kaiming-uniform\",\"a\":0.4,\"mode\":\"fan_in\",\"bias\":\"zero\",\"gain\":1.0,\"nonlinearity\":\"tanh\"}", InitSpec.class));
    }
}
