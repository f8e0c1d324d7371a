package org.initlab.init;

import org.initlab.nn.BatchNorm2d;
import org.initlab.nn.Layer;
import org.initlab.nn.Param;
import org.initlab.nn.Sequential;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Layer-sequential unit-variance init (Mishkin &amp; Matas 2015, fastai 07a): after an orthonormal
 * start, for each layer with weights in order, shift its bias by the mean of its output and
 * rescale its weight by 1/std of its output, on one batch, until |std − 1| &lt; tol. Layers with their
 * own init are left as that init made them.
 */
public final class Lsuv {
    public static final double TOL = 1e-3;
    public static final int MAX_PASSES = 10;

    private Lsuv() {}

    /** Adjusts the model in place; the model must already hold its orthonormal weights. */
    public static void apply(Sequential model, INDArray x) {
        for (int i = 0; i < model.size(); i++) {
            Layer layer = model.layers().get(i);
            if (layer.params().isEmpty() || layer instanceof BatchNorm2d) continue; // only conv/linear weights
            if (model.spec().layers().get(i).init() != null) continue; // a layer with its own init keeps it
            Param w = layer.params().get(0);
            Param b = layer.params().size() > 1 ? layer.params().get(1) : null;
            for (int pass = 0; pass < MAX_PASSES; pass++) {
                INDArray out = model.forward(x)[i];
                double mean = out.meanNumber().doubleValue(), std = out.stdNumber().doubleValue();
                if (!(std > 0) || !Double.isFinite(std)) break; // a dead layer cannot be rescaled
                if (Math.abs(std - 1) < TOL && (b == null || Math.abs(mean) < TOL)) break;
                if (b != null) b.value().subi(mean);
                w.value().divi(std);
                if (b != null) b.value().divi(std);
            }
        }
    }
}
