package org.initlab.nn;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;

/** A named list of layer configurations, the input shape (without batch) and the loss. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelSpec(String name, List<LayerSpec> layers, long[] input, String loss) {
    public static final long[] MNIST = {1, 28, 28};

    public ModelSpec {
        if (name == null || name.isBlank()) name = "custom";
        if (layers == null || layers.isEmpty()) throw new IllegalArgumentException("a model needs at least one layer");
        if (layers.stream().anyMatch(java.util.Objects::isNull)) throw new IllegalArgumentException("layers must not contain null");
        layers = List.copyOf(layers);
        if (input == null) input = MNIST.clone();
        if (loss == null) loss = "mse";
        Loss.parse(loss);
    }

    public Loss lossFunction() {
        return Loss.parse(loss);
    }

    /** Output shape (without batch) after each layer; throws {@link ShapeException} at the first impossible one. */
    public List<long[]> shapes() {
        List<long[]> out = new ArrayList<>();
        long[] s = input;
        for (int i = 0; i < layers.size(); i++) {
            try {
                s = layers.get(i).outputShape(s);
            } catch (IllegalArgumentException e) {
                throw new ShapeException(i, "layer " + i + " (" + typeName(layers.get(i)) + "): " + e.getMessage());
            }
            out.add(s);
        }
        return out;
    }

    public Sequential build(DataType dtype) {
        return build(dtype, Blocked.BY_DEFAULT);
    }

    /** @param blocks let convolutions hand their outputs to each other in channel blocks ({@link Blocked}) */
    Sequential build(DataType dtype, boolean blocks) {
        List<long[]> shapes = shapes();
        List<Layer> built = new ArrayList<>();
        long[] s = input;
        for (int i = 0; i < layers.size(); i++) {
            built.add(layers.get(i).build(s, dtype));
            s = shapes.get(i);
        }
        return new Sequential(this, built, shapes, blocks);
    }

    public ModelSpec withLayers(List<LayerSpec> newLayers) {
        return new ModelSpec(name, newLayers, input, loss);
    }

    public static String typeName(LayerSpec l) {
        return l.getClass().getSimpleName();
    }
}
