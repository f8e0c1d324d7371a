package org.initlab.engine;

import java.util.ArrayList;
import java.util.List;
import org.initlab.init.InitSpec;
import org.initlab.init.Initializer;
import org.initlab.nn.Sequential;
import org.initlab.stats.Histogram;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One forward and backward pass of a freshly initialized model on a batch, keeping a histogram of every
 * module's output and output-gradient (CS231n's per-layer picture). Watches from outside: it reads the
 * arrays {@link Sequential#forward} and {@link Sequential#backward} return. Engine threads only.
 */
public final class HistogramProbe {
    /** One module's two histograms; {@code type} as in the model file ("ReLU"). */
    public record ModuleHistograms(int index, String type, Histogram act, Histogram grad) {}

    private HistogramProbe() {}

    public static List<ModuleHistograms> run(Sequential model, InitSpec init, long seed, Batch batch) {
        Initializer.init(model, init, seed, batch.x());
        model.zeroGrad();
        INDArray[] outs = model.forward(batch.x());
        INDArray last = outs[outs.length - 1];
        INDArray[] grads = model.backward(model.spec().lossFunction().grad(last, batch.labels()));
        List<ModuleHistograms> out = new ArrayList<>(outs.length);
        for (int i = 0; i < outs.length; i++)
            out.add(new ModuleHistograms(i, model.layers().get(i).type(), Histogram.of(outs[i]), Histogram.of(grads[i])));
        return out;
    }
}
