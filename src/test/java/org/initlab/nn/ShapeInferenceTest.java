package org.initlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeInferenceTest {
    @Test
    void seed4ShapesAreTheNotebooks() {
        List<long[]> s = Models.seed4().shapes();
        assertEquals(9, s.size());
        assertArrayEquals(new long[] {8, 14, 14}, s.get(0));
        assertArrayEquals(new long[] {16, 7, 7}, s.get(2));
        assertArrayEquals(new long[] {32, 4, 4}, s.get(4));
        assertArrayEquals(new long[] {1, 2, 2}, s.get(6));
        assertArrayEquals(new long[] {1}, s.get(8));
    }

    @Test
    void everyBuiltInModelHasValidShapes() {
        for (String name : Models.names()) assertTrue(Models.byName(name).shapes().size() > 1, name);
    }

    @Test
    void kernelLargerThanInputNamesTheLayer() {
        ModelSpec bad = new ModelSpec("bad", List.of(new LayerSpec.Conv2d(8, 5, 2, 0), new LayerSpec.ReLU(),
            new LayerSpec.Conv2d(8, 5, 4, 0), new LayerSpec.Conv2d(8, 5, 1, 0)), null, "mean");
        ShapeException e = assertThrows(ShapeException.class, bad::shapes);
        assertEquals(3, e.layerIndex());
        assertTrue(e.getMessage().contains("layer 3 (Conv2d): kernel 5 is larger than its padded input 2×2"), e.getMessage());
    }

    @Test
    void impossibleNumbersAreRejectedWithTheirName() {
        assertMessage(new LayerSpec.Conv2d(0, 3, 1, 0), "out channels must be > 0");
        assertMessage(new LayerSpec.Conv2d(4, -1, 1, 0), "kernel must be > 0");
        assertMessage(new LayerSpec.Conv2d(4, 3, -2, 0), "stride must be > 0");
        assertMessage(new LayerSpec.Linear(4), "Linear needs a flat [features] input");
        assertMessage(new LayerSpec.Conv2d(2, 1, 4, 1, 1, true), "declares 2 input channels but receives 1");
        assertMessage(new LayerSpec.Conv2d(0, 1, 3, 0, 1, true), "stride must be > 0 (got 0)"); // an explicit 0 is not the default 1
    }

    private static void assertMessage(LayerSpec l, String expected) {
        ShapeException e = assertThrows(ShapeException.class, () -> new ModelSpec("m", List.of(l), null, "mean").shapes());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void modelsRoundTripThroughJson() throws Exception {
        ObjectMapper om = new ObjectMapper();
        for (String name : Models.names()) {
            ModelSpec m = Models.byName(name);
            ModelSpec back = om.readValue(om.writeValueAsString(m), ModelSpec.class);
            assertEquals(m.layers(), back.layers(), name);
            assertEquals(m.loss(), back.loss(), name);
        }
    }

    @Test
    void modelFromHandWrittenJson() throws Exception {
        String json = "{\"name\":\"mine\",\"layers\":[{\"type\":\"Conv2d\",\"out\":4,\"kernel\":3},{\"type\":\"LeakyReLU\",\"a\":0.1},"
            + "{\"type\":\"MaxPool2d\",\"kernel\":2},{\"type\":\"Flatten\"},{\"type\":\"Linear\",\"out\":10}],\"loss\":\"cross-entropy\"}";
        ModelSpec m = new ObjectMapper().readValue(json, ModelSpec.class);
        assertArrayEquals(new long[] {4, 13, 13}, m.shapes().get(2));
        assertArrayEquals(new long[] {10}, m.shapes().get(4));
    }
}
