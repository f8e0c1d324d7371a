package org.initlab.init;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.initlab.nn.BatchNorm2d;
import org.initlab.nn.Layer;
import org.initlab.nn.Param;
import org.initlab.nn.Sequential;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Layer-sequential unit-variance init (Mishkin &amp; Matas 2015, fastai 07a): after an orthonormal
 * start, for each layer with weights in order, shift its bias by the mean of its output and
 * rescale its weight by 1/std of its output, on one batch, until |std − 1| &lt; tol (and |mean| &lt; tol
 * where there is a bias), at most {@link #MAX_PASSES} passes. What it did is returned, layer by layer. Layers with
 * their own init are left as that init made them (and are not in the report).
 */
public final class Lsuv {
    public static final double TOL = 1e-3;
    public static final int MAX_PASSES = 10;

    private Lsuv() {}

    /**
     * One calibrated layer: the passes it took (rescales; 0 when the start was already on target),
     * its output's std and mean at the end, and whether it reached the target; {@code dead} when its
     * output had no spread to rescale (std 0 or not finite).
     */
    public record Layer(int module, String type, int passes, double std, double mean, boolean reached, boolean dead) {
        public String describe() {
            String where = "module " + module + " (" + type + ")";
            if (dead) return where + " could not be calibrated: its output has std " + fmt(std) + " (a dead layer)";
            if (!reached) return where + " did not reach |std − 1| < " + TOL + " in " + passes + " passes (std " + fmt(std) + ", mean " + fmt(mean) + ")";
            return where + " std " + fmt(std) + " after " + passes + (passes == 1 ? " pass" : " passes");
        }
    }

    /** Every weight layer, in order. */
    public record Report(List<Layer> layers) {
        public boolean allReached() {
            return layers.stream().allMatch(Layer::reached);
        }

        /** One line: which layers it could not calibrate first, then every layer's passes. */
        public String summary() {
            String all = layers.stream().map(Layer::describe).collect(Collectors.joining("; "));
            if (allReached()) return "LSUV reached unit std in every layer: " + all;
            String bad = layers.stream().filter(l -> !l.reached()).map(l -> "module " + l.module() + " (" + l.type() + ")").collect(Collectors.joining(", "));
            return "LSUV could not calibrate " + bad + ": " + all;
        }
    }

    /** Adjusts the model in place; the model must already hold its orthonormal weights. */
    public static Report apply(Sequential model, INDArray x) {
        List<Layer> out = new ArrayList<>();
        for (int i = 0; i < model.size(); i++) {
            org.initlab.nn.Layer layer = model.layers().get(i);
            if (layer.params().isEmpty() || layer instanceof BatchNorm2d) continue; // only conv/linear weights
            if (model.spec().layers().get(i).init() != null) continue; // a layer with its own init keeps it
            Param w = layer.params().get(0);
            Param b = layer.params().size() > 1 ? layer.params().get(1) : null;
            String type = layer.getClass().getSimpleName();
            for (int pass = 1; ; pass++) {
                INDArray o = model.forward(x)[i];
                double mean = o.meanNumber().doubleValue(), std = o.stdNumber().doubleValue();
                if (!(std > 0) || !Double.isFinite(std)) { // a dead layer cannot be rescaled
                    out.add(new Layer(i, type, pass - 1, std, mean, false, true));
                    break;
                }
                boolean reached = Math.abs(std - 1) < TOL && (b == null || Math.abs(mean) < TOL);
                if (reached || pass > MAX_PASSES) {
                    out.add(new Layer(i, type, pass - 1, std, mean, reached, false));
                    break;
                }
                if (b != null) b.value().subi(mean);
                w.value().divi(std);
                if (b != null) b.value().divi(std);
            }
        }
        return new Report(List.copyOf(out));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
