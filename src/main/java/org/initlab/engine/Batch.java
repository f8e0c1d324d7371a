package org.initlab.engine;

import org.initlab.data.Mnist;
import org.initlab.nn.Loss;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Images {@code [n, 1, H, W]} and labels {@code [n]} (the digit, as a float) on the engine thread. */
public record Batch(INDArray x, INDArray labels) {
    public static Batch of(Mnist data, Mnist.Split split, int offset, int n, DataType dtype) {
        Mnist.Part p = data.part(split);
        INDArray x = Nd4j.createFromArray(data.images(split, offset, n)).reshape(n, 1, p.rows(), p.cols()).castTo(dtype);
        int[] l = data.labels(split, offset, n);
        float[] f = new float[n];
        for (int i = 0; i < n; i++) f[i] = l[i];
        return new Batch(x, Nd4j.createFromArray(f).castTo(dtype));
    }

    public int size() {
        return (int) x.size(0);
    }

    /** The loss against these labels (cross-entropy reads them as class indices). */
    public double loss(Loss loss, INDArray out) {
        return loss.value(out, labels);
    }
}
