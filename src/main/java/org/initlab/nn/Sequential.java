package org.initlab.nn;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Layers in a row. {@link #forward} returns every module's output (index i = output of layer i),
 * {@link #backward} every module's output-gradient, so statistics can be taken from outside.
 */
public final class Sequential {
    private final ModelSpec spec;
    private final List<Layer> layers;
    private final List<long[]> outShapes;

    Sequential(ModelSpec spec, List<Layer> layers, List<long[]> outShapes) {
        this.spec = spec;
        this.layers = List.copyOf(layers);
        this.outShapes = List.copyOf(outShapes);
    }

    public ModelSpec spec() { return spec; }
    public List<Layer> layers() { return layers; }
    public int size() { return layers.size(); }

    /** Frees every layer's native kernels ({@link Layer#release}); for a model about to be dropped. */
    public void release() {
        layers.forEach(Layer::release);
    }

    /** Output shape of layer i without the batch dimension. */
    public long[] outShape(int i) { return outShapes.get(i).clone(); }

    public INDArray[] forward(INDArray x) {
        return forward(x, null);
    }

    /** @param nanos if not null, each layer's time is added to its slot (for {@code bench --profile}) */
    public INDArray[] forward(INDArray x, long[] nanos) {
        INDArray[] outs = new INDArray[layers.size()];
        for (int i = 0; i < outs.length; i++) {
            long t = System.nanoTime();
            x = outs[i] = layers.get(i).forward(x);
            if (nanos != null) nanos[i] += System.nanoTime() - t;
        }
        return outs;
    }

    /** @return dL/d(output of layer i) for each i */
    public INDArray[] backward(INDArray gradLast) {
        return backward(gradLast, null);
    }

    public INDArray[] backward(INDArray gradLast, long[] nanos) {
        return backward(gradLast, nanos, null, true);
    }

    /**
     * @param ready      if not null, told each module's output-gradient as soon as it is final
     * @param paramGrads false when nobody reads the parameter gradients (the lab charts none): then the
     *                   first layer's backward, which would compute nothing else, is skipped
     */
    public INDArray[] backward(INDArray gradLast, long[] nanos, java.util.function.ObjIntConsumer<INDArray> ready, boolean paramGrads) {
        INDArray[] grads = new INDArray[layers.size()];
        INDArray g = gradLast;
        for (int i = layers.size() - 1; i >= 0; i--) {
            grads[i] = g;
            if (ready != null) ready.accept(g, i);
            if (i == 0 && !paramGrads) break;
            long t = System.nanoTime();
            g = layers.get(i).backward(g, i > 0); // nobody needs dL/dimages
            if (nanos != null) nanos[i] += System.nanoTime() - t;
        }
        return grads;
    }

    public void zeroGrad() {
        for (Layer l : layers) for (Param p : l.params()) p.zeroGrad();
    }
}
