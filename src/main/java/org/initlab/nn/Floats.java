package org.initlab.nn;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * Bulk copies between float INDArrays and Java arrays (one memcpy each way), so element-wise work
 * runs as plain Java loops instead of many small native calls.
 */
public final class Floats {
    private Floats() {}

    public static boolean fast(INDArray a) {
        return a.dataType() == DataType.FLOAT;
    }

    /** The array's elements in row-major order, into {@code into} if it is large enough. */
    public static float[] read(INDArray a, float[] into) {
        if (!contiguous(a)) a = a.dup('c'); // a reshaped array (Flatten's output) is a view but needs no copy
        int n = (int) a.length();
        if (into == null || into.length < n) into = new float[n];
        buffer(a).get(into, 0, n);
        return into;
    }

    public static void write(float[] from, INDArray a) {
        buffer(a).put(from, 0, (int) a.length());
    }

    /** target += delta, element by element, in Java: cheaper than a native op call for parameter-sized tensors. */
    public static void accumulate(INDArray target, INDArray delta) {
        int n = (int) target.length();
        float[] t = read(target, null), d = read(delta, null);
        for (int i = 0; i < n; i++) t[i] += d[i];
        write(t, target);
    }

    public static void fill(INDArray a, float value) {
        float[] v = new float[(int) a.length()];
        if (value != 0) java.util.Arrays.fill(v, value);
        write(v, a);
    }

    private static boolean contiguous(INDArray a) {
        return a.ordering() == 'c' && Shape.hasDefaultStridesForShape(a);
    }

    /** The memory of a float array, positioned at its first element (a view's offset). */
    static FloatBuffer buffer(INDArray a) {
        FloatBuffer b = a.data().asNioFloat();
        b.position((int) a.offset());
        return b;
    }
}
