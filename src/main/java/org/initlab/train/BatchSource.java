package org.initlab.train;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import org.initlab.data.Mnist;
import org.initlab.engine.Batch;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batches of one split in any order, written into two arrays allocated once (images
 * {@code [n, 1, H, W]} normalized as {@link Mnist#images}, labels {@code [n]} as floats), so a
 * training step allocates no new off-heap memory for its data.
 */
final class BatchSource {
    private final Mnist.Part part;
    private final int size, pixels;
    private final float mean, inv;
    private final INDArray x, labels;
    private final float[] xs, ls;
    private final int[] labelInts;

    BatchSource(Mnist data, Mnist.Split split, int size) {
        this.part = data.part(split);
        this.size = size;
        this.pixels = part.rows() * part.cols();
        this.mean = (float) data.mean();
        this.inv = (float) (1 / data.std());
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            x = Nd4j.create(DataType.FLOAT, size, 1, part.rows(), part.cols());
            labels = Nd4j.create(DataType.FLOAT, size);
        }
        xs = new float[size * pixels];
        ls = new float[size];
        labelInts = new int[size];
    }

    int size() { return size; }
    int count() { return part.count(); }

    /**
     * A seeded Fisher–Yates permutation of {@code 0 … order.length-1}, written into {@code order}: one
     * array for the whole run, as a new one each epoch would end up in the old generation.
     */
    static int[] shuffle(int[] order, SplittableRandom rng) {
        for (int i = 0; i < order.length; i++) order[i] = i;
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1), t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Images {@code order[from..from+size-1]}; with order null, images {@code from..from+size-1}. */
    Batch fill(int[] order, int from) {
        return fill(order, from, size);
    }

    /** The first {@code count} ≤ size rows only; the rest keep the last batch's images (an evaluation's last, shorter batch). */
    Batch fill(int[] order, int from, int count) {
        byte[] px = part.pixels(), lb = part.labels();
        for (int k = 0; k < count; k++) {
            int img = order == null ? from + k : order[from + k];
            for (int p = 0, src = img * pixels, dst = k * pixels; p < pixels; p++)
                xs[dst + p] = (((px[src + p] & 0xff) / 255f) - mean) * inv;
            labelInts[k] = lb[img];
            ls[k] = lb[img];
        }
        put(x, xs);
        put(labels, ls);
        return new Batch(x, labels);
    }

    /** The labels of the last filled batch, as ints (read-only). */
    int[] labelInts() { return labelInts; }

    private static void put(INDArray a, float[] values) {
        FloatBuffer b = a.data().asNioFloat();
        b.position((int) a.offset());
        b.put(values);
    }
}
