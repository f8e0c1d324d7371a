package org.initlab.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Losses over a batch; {@code grad} returns dL/doutput for the mean loss. */
public enum Loss {
    /** As the notebook: the output flattened to {@code [batch]} against the labels as floats. */
    MSE {
        @Override
        public double value(INDArray out, INDArray labels) {
            checkOnePerImage(out);
            if (Floats.fast(out)) { // a hundred numbers: plain Java beats four native calls
                float[] o = Floats.read(out, null), y = Floats.read(labels, null);
                double s = 0;
                for (int i = 0; i < o.length; i++) s += (o[i] - y[i]) * (double) (o[i] - y[i]);
                return s / o.length;
            }
            INDArray d = out.reshape(out.size(0)).sub(labels);
            return d.mul(d).meanNumber().doubleValue();
        }

        @Override
        public INDArray grad(INDArray out, INDArray labels, Reused kept) {
            checkOnePerImage(out);
            if (Floats.fast(out)) {
                float[] o = Floats.read(out, null), y = Floats.read(labels, null);
                for (int i = 0; i < o.length; i++) o[i] = 2f * (o[i] - y[i]) / o.length;
                INDArray g = target(out, kept);
                Floats.write(o, g);
                return g;
            }
            return out.reshape(out.size(0)).sub(labels).muli(2.0 / out.size(0)).reshape(out.shape());
        }

        private void checkOnePerImage(INDArray out) {
            if (out.length() != out.size(0))
                throw new IllegalArgumentException("MSE needs one output per image, but the model outputs " + out.length() / out.size(0));
        }
    },
    /** The mean of all outputs, as {@code out.mean().backward()}: a gradient for nets without labels to fit. */
    MEAN {
        @Override
        public double value(INDArray out, INDArray labels) {
            return out.meanNumber().doubleValue();
        }

        @Override
        public INDArray grad(INDArray out, INDArray labels, Reused kept) {
            return Nd4j.valueArrayOf(out.shape(), 1.0 / out.length(), out.dataType());
        }
    },
    /**
     * Softmax cross-entropy against class indices, over {@code [batch, classes]} logits:
     * {@code L = mean_r(logsumexp(x_r) − x_r[y_r])}, {@code dL/dx_r = (softmax(x_r) − onehot(y_r)) / batch}.
     * Float logits take one Java loop over a copy (a few hundred numbers: plain Java beats a dozen native calls).
     */
    CROSS_ENTROPY {
        @Override
        public double value(INDArray out, INDArray labels) {
            checkLogits(out);
            if (!Floats.fast(out)) {
                INDArray logp = logSoftmax(out);
                double sum = 0;
                for (int i = 0; i < out.size(0); i++) sum -= logp.getDouble(i, labels.getInt(i));
                return sum / out.size(0);
            }
            float[] x = Floats.read(out, null);
            int rows = (int) out.size(0), classes = (int) out.size(1);
            int[] y = classes(labels, rows, classes);
            double sum = 0;
            for (int r = 0; r < rows; r++) sum += logSumExp(x, r * classes, classes) - x[r * classes + y[r]];
            return sum / rows;
        }

        @Override
        public INDArray grad(INDArray out, INDArray labels, Reused kept) {
            checkLogits(out);
            if (!Floats.fast(out)) {
                INDArray g = Transforms.exp(logSoftmax(out), false);
                for (int i = 0; i < out.size(0); i++) g.putScalar(i, labels.getInt(i), g.getDouble(i, labels.getInt(i)) - 1);
                return g.divi(out.size(0));
            }
            float[] x = Floats.read(out, null);
            int rows = (int) out.size(0), classes = (int) out.size(1);
            int[] y = classes(labels, rows, classes);
            for (int r = 0; r < rows; r++) {
                int from = r * classes;
                double lse = logSumExp(x, from, classes);
                for (int c = 0; c < classes; c++) x[from + c] = (float) ((Math.exp(x[from + c] - lse) - (c == y[r] ? 1 : 0)) / rows);
            }
            INDArray g = target(out, kept);
            Floats.write(x, g);
            return g;
        }

        /** log Σ exp over one row, shifted by its largest value so no exp overflows. */
        private double logSumExp(float[] x, int from, int n) {
            double max = Double.NEGATIVE_INFINITY, sum = 0;
            for (int c = 0; c < n; c++) max = Math.max(max, x[from + c]);
            for (int c = 0; c < n; c++) sum += Math.exp(x[from + c] - max);
            return max + Math.log(sum);
        }

        private int[] classes(INDArray labels, int rows, int classes) {
            float[] l = Floats.read(labels.castTo(DataType.FLOAT), null);
            int[] y = new int[rows];
            for (int r = 0; r < rows; r++) {
                y[r] = (int) l[r];
                if (y[r] != l[r] || y[r] < 0 || y[r] >= classes)
                    throw new IllegalArgumentException("cross-entropy needs class indices 0.." + (classes - 1) + " as labels, got " + l[r] + " at row " + r);
            }
            return y;
        }

        private void checkLogits(INDArray out) {
            if (out.rank() != 2 || out.size(1) < 2)
                throw new IllegalArgumentException("cross-entropy needs [batch, classes] outputs, got " + Shapes.str(out.shape()));
        }

        private INDArray logSoftmax(INDArray out) {
            INDArray shifted = out.subColumnVector(out.max(1).reshape(out.size(0), 1));
            INDArray lse = Transforms.log(Transforms.exp(shifted, true).sum(1), false).reshape(out.size(0), 1);
            return shifted.subiColumnVector(lse);
        }
    };

    public abstract double value(INDArray out, INDArray labels);

    public INDArray grad(INDArray out, INDArray labels) {
        return grad(out, labels, null);
    }

    /**
     * dL/doutput; where the float path computes it, written into the array {@code kept} holds for the
     * output's dtype and shape (null: a new array). The result is the array to use.
     */
    public abstract INDArray grad(INDArray out, INDArray labels, Reused kept);

    private static INDArray target(INDArray out, Reused kept) {
        return kept == null ? Nd4j.createUninitialized(out.dataType(), out.shape()) : kept.get(out.dataType(), out.shape());
    }

    public String id() {
        return switch (this) {
            case MSE -> "mse";
            case MEAN -> "mean";
            case CROSS_ENTROPY -> "cross-entropy";
        };
    }

    public static Loss parse(String s) {
        return switch (s.toLowerCase()) {
            case "mse" -> MSE;
            case "mean" -> MEAN;
            case "cross-entropy", "ce", "crossentropy" -> CROSS_ENTROPY;
            default -> throw new IllegalArgumentException("unknown loss '" + s + "' (mse, mean, cross-entropy)");
        };
    }
}
