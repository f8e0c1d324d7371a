package org.initlab.nn;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

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
        if (a.isView() || a.ordering() != 'c') a = a.dup('c');
        int n = (int) a.length();
        if (into == null || into.length < n) into = new float[n];
        buffer(a).get(into, 0, n);
        return into;
    }

    public static void write(float[] from, INDArray a) {
        buffer(a).put(from, 0, (int) a.length());
    }

    private static FloatBuffer buffer(INDArray a) {
        FloatBuffer b = a.data().asNioFloat();
        b.position((int) a.offset());
        return b;
    }
}
