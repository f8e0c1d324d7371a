package org.initlab.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Activations in channel blocks of eight, oneDNN's {@code nChw8c}: a logical {@code [N, C, H, W]}
 * tensor held as {@code [N, C/8, H, W, 8]}, element {@code [n, c, h, w]} at {@code [n, c/8, h, w, c%8]}.
 * oneDNN's convolutions compute in this layout; a convolution whose output goes (through element-wise
 * layers only) into another convolution or a global pool hands it over as it is ({@link Sequential}
 * plans which), so the two reorders to and from NCHW at each such boundary are not made, nor those of
 * its gradient. Statistics read every element, and the order does not change them; the layers that
 * care ({@link Conv2d}, {@link GlobalAvgPool}) read the layout, and {@link #plain} gives NCHW to anyone else.
 */
public final class Blocked {
    /** Channels per block. */
    public static final int BLOCK = 8;

    /** {@code -Dinitlab.activations=plain} keeps every activation in NCHW, to compare the two. */
    static final boolean BY_DEFAULT = !"plain".equals(System.getProperty("initlab.activations"));

    private Blocked() {}

    /** Whether {@code a} is a blocked activation: rank 5 with blocks of {@link #BLOCK} channels last. */
    public static boolean is(INDArray a) {
        return a.rank() == 5 && a.size(4) == BLOCK;
    }

    /** {@code [N, C/8, H, W, 8]} for a logical {@code [N, C, H, W]} whose C is a multiple of 8. */
    static long[] shape(long[] nchw) {
        if (nchw.length != 4 || nchw[1] % BLOCK != 0) throw new IllegalArgumentException("channel blocks need [N, C, H, W] with C a multiple of " + BLOCK + ", got " + Shapes.str(nchw));
        return new long[] {nchw[0], nchw[1] / BLOCK, nchw[2], nchw[3], BLOCK};
    }

    /** The tensor's logical shape: {@code [N, C, H, W]} for channel blocks, its own otherwise. */
    public static long[] shapeOf(INDArray a) {
        return logical(a.shape());
    }

    /** The logical {@code [N, C, H, W]} of a blocked shape; any other shape as it is. */
    static long[] logical(long[] shape) {
        return shape.length == 5 && shape[4] == BLOCK ? new long[] {shape[0], shape[1] * BLOCK, shape[2], shape[3]} : shape;
    }

    /** The tensor in NCHW: a new array for a blocked one, {@code a} itself otherwise. */
    public static INDArray plain(INDArray a) {
        if (!is(a)) return a;
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, logical(a.shape()));
        Floats.write(toNchw(Floats.read(a, null), a.shape(), null), out);
        return out;
    }

    /** A blocked tensor's elements ({@code b}, of that {@code shape}) in NCHW order, into {@code into} when it is large enough. */
    static float[] toNchw(float[] b, long[] shape, float[] into) {
        int n = (int) shape[0], blocks = (int) shape[1], area = (int) (shape[2] * shape[3]), len = n * blocks * area * BLOCK;
        float[] out = into != null && into.length >= len ? into : new float[len];
        for (int i = 0, k = 0; i < n; i++)
            for (int cb = 0; cb < blocks; cb++)
                for (int j = 0; j < area; j++)
                    for (int c = 0; c < BLOCK; c++) out[((i * blocks + cb) * BLOCK + c) * area + j] = b[k++];
        return out;
    }
}
