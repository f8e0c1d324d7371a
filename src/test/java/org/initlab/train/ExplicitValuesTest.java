package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.initlab.init.InitSpec;
import org.initlab.init.Scheme;
import org.initlab.nn.LayerSpec;
import org.initlab.nn.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A value a file states is honoured or refused with the file, the field and the allowed range; a value it leaves out takes its default. */
class ExplicitValuesTest {
    @TempDir Path dir;

    String json() {
        return new Experiment("explicit", Models.cnn(), InitSpec.kaiming(Scheme.KAIMING_NORMAL, 0.1), Experiment.Data.of("data/mnist"),
            OptimizerSpec.of(OptimizerSpec.Kind.MOMENTUM, 0.05, 0), 1, 2, 32).toJson();
    }

    String failure(String json) throws Exception {
        Path f = dir.resolve("e.json");
        Files.writeString(f, json);
        return assertThrows(IllegalArgumentException.class, () -> Experiment.load(f)).getMessage();
    }

    Experiment load(String json) throws Exception {
        Path f = dir.resolve("e.json");
        Files.writeString(f, json);
        return Experiment.load(f);
    }

    /**
     * A value out of range or of the wrong kind names the file, the field and what it should be, in the
     * reader's words: no Java class names.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"stride\" : 2,|\"stride\" : 0,|stride must be > 0 (got 0)",
        "\"epochs\" : 2|\"epochs\" : 10001|epochs must be in 1..10000 (got 10001)",
        "\"momentum\" : 0.9,|\"momentum\" : 1.5,|momentum must be in [0, 1) (got 1.5)",
        "\"kind\" : \"momentum\"|\"kind\" : \"sgd\"|momentum must be 0 for kind sgd (got 0.9)",
        "\"batch\" : 32|\"batch\" : 0|batch must be > 0 (got 0)",
        "\"seed\" : 1|\"seed\" : 1.7|field 'seed': expected a whole number, got a number with a decimal point",
        "\"epochs\" : 2|\"epochs\" : \"many\"|field 'epochs': expected a whole number, got text",
        "\"lr\" : 0.05|\"lr\" : NaN|NaN and Infinity are not JSON numbers",
        "\"kaiming-normal\"|\"lecun-normal\"|a applies to kaiming-uniform and kaiming-normal (without nonlinearity) and to nonlinearity leaky_relu, not to lecun-normal",
    })
    void aWrongValueNamesTheFileTheFieldAndTheRange(String from, String to, String expected) throws Exception {
        assertTrue(json().contains(from), from);
        String m = failure(json().replaceFirst(java.util.regex.Pattern.quote(from), to));
        assertTrue(m.startsWith(dir.resolve("e.json") + ": "), "names the file: " + m);
        assertTrue(m.contains(expected), m);
        assertFalse(m.contains("org.initlab") || m.contains("`") || m.contains("Cannot") || m.contains("malformed") && !expected.startsWith("NaN"), m);
    }

    @Test
    void pytorchDefaultsAIsRootFive() throws Exception {
        String pd = json().replace("\"kaiming-normal\"", "\"pytorch-default\"");
        String m = failure(pd.replace("\"a\" : 0.1", "\"a\" : 0.5"));
        assertTrue(m.contains("a = 0.5 does not apply to pytorch-default"), m);
        assertEquals(InitSpec.PYTORCH_A, load(pd.replace("\"a\" : 0.1,", "")).init().a(), "left out: √5");
        assertEquals(InitSpec.PYTORCH_A, load(pd.replace("\"a\" : 0.1", "\"a\" : 0")).init().a(), "0 reads as unset");
    }

    @Test
    void aLeftOutStrideIsOneForAConvAndTheKernelForAPool() throws Exception {
        String noStride = json().replaceFirst("\"stride\" : 2,", "");
        assertEquals(1, (int) ((LayerSpec.Conv2d) load(noStride).model().layers().get(0)).stride());
        LayerSpec pool = new com.fasterxml.jackson.databind.ObjectMapper().readValue("{\"type\":\"MaxPool2d\",\"kernel\":3}", LayerSpec.class);
        assertEquals(3, (int) ((LayerSpec.MaxPool2d) pool).stride());
        LayerSpec zero = new com.fasterxml.jackson.databind.ObjectMapper().readValue("{\"type\":\"AvgPool2d\",\"kernel\":2,\"stride\":0}", LayerSpec.class);
        String m = assertThrows(IllegalArgumentException.class, () -> zero.outputShape(new long[] {1, 8, 8})).getMessage();
        assertEquals("stride must be > 0 (got 0)", m);
    }
}
