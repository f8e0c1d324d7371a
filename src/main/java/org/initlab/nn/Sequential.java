package org.initlab.nn;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Layers in a row. {@link #forward} returns every module's output (index i = output of layer i),
 * {@link #backward} every module's output-gradient, so statistics can be taken from outside. A
 * convolution's output that only convolutions or a global pool read (through element-wise layers)
 * stays in oneDNN's channel blocks ({@link Blocked}), as does its gradient; the last module's output is
 * always in its plain shape.
 */
public final class Sequential {
    private final ModelSpec spec;
    private final List<Layer> layers;
    private final List<long[]> outShapes;

    /** @param blocks let convolutions hand channel blocks to each other ({@link Blocked}) */
    Sequential(ModelSpec spec, List<Layer> layers, List<long[]> outShapes, boolean blocks) {
        this.spec = spec;
        this.layers = List.copyOf(layers);
        this.outShapes = List.copyOf(outShapes);
        if (blocks) planBlocks();
    }

    private void planBlocks() {
        for (int i = 0; i < layers.size(); i++) {
            if (!(layers.get(i) instanceof Conv2d conv)) continue;
            int j = i + 1;
            while (j < layers.size() && (layers.get(j) instanceof Relu || layers.get(j) instanceof Activation)) j++;
            if (j < layers.size() && (layers.get(j) instanceof Conv2d || layers.get(j) instanceof GlobalAvgPool)) conv.blockedOutput();
        }
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

    /**
     * What a watcher of a pass is told (fastai's hooks): statistics, telemetry and profiling listen
     * here, and the model does not know who watches. What a hook is given is valid until that module
     * runs again: copy it to keep it. It may be in channel blocks: {@link Blocked#plain} gives NCHW.
     */
    public interface Hook {
        Hook NONE = new Hook() {};

        /** Module i is about to run forward. */
        default void beforeForward(int i) {}

        /** Module i's output. */
        default void output(int i, INDArray out) {}

        /** dL/d(output of module i), final; module i runs backward next. */
        default void gradient(int i, INDArray grad) {}

        /** Module i ran backward: its parameter gradients are final. */
        default void afterBackward(int i) {}
    }

    /** @return every module's output (index i: output of module i) */
    public INDArray[] forward(INDArray x) {
        return forward(x, Hook.NONE);
    }

    public INDArray[] forward(INDArray x, Hook hook) {
        INDArray[] outs = new INDArray[layers.size()];
        for (int i = 0; i < outs.length; i++) {
            hook.beforeForward(i);
            x = outs[i] = layers.get(i).forward(x);
            hook.output(i, x);
        }
        return outs;
    }

    /** @return dL/d(output of module i) for each i */
    public INDArray[] backward(INDArray gradLast) {
        return backward(gradLast, Hook.NONE, true);
    }

    /**
     * @param firstModule false: the first module does not run backward, for a caller that reads no
     *                    parameter gradient (that module's would be its only result: nobody reads dL/dimages)
     */
    public INDArray[] backward(INDArray gradLast, Hook hook, boolean firstModule) {
        INDArray[] grads = new INDArray[layers.size()];
        INDArray g = gradLast;
        for (int i = layers.size() - 1; i >= 0; i--) {
            grads[i] = g;
            hook.gradient(i, g);
            if (i == 0 && !firstModule) break;
            g = layers.get(i).backward(g, i > 0); // nobody needs dL/dimages
            hook.afterBackward(i);
        }
        return grads;
    }

    public void zeroGrad() {
        for (Layer l : layers) for (Param p : l.params()) p.zeroGrad();
    }
}
