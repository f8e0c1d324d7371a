package org.initlab.nn;

import java.lang.ref.Reference;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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
        // the NIO view does not keep a copy made above alive: without the fence its memory may be freed mid-read
        Reference.reachabilityFence(a);
        return into;
    }

    public static void write(float[] from, INDArray a) {
        buffer(a).put(from, 0, (int) a.length());
        Reference.reachabilityFence(a);
    }

    /**
     * target += delta, element by element, in Java: cheaper than a native op call for parameter-sized tensors.
     * A chunk at a time through two small per-thread arrays: this runs every step, and whole-tensor heap
     * copies here would be a tenth of the lab's garbage.
     */
    public static void accumulate(INDArray target, INDArray delta) {
        if (!contiguous(delta)) delta = delta.dup('c');
        FloatBuffer t = buffer(target), d = buffer(delta);
        int t0 = t.position(), d0 = d.position(), n = (int) target.length();
        float[][] scratch = CHUNKS.get();
        float[] ts = scratch[0], ds = scratch[1];
        for (int at = 0; at < n; at += CHUNK) {
            int len = Math.min(CHUNK, n - at);
            t.get(t0 + at, ts, 0, len);
            d.get(d0 + at, ds, 0, len);
            for (int i = 0; i < len; i++) ts[i] += ds[i];
            t.put(t0 + at, ts, 0, len);
        }
        Reference.reachabilityFence(target);
        Reference.reachabilityFence(delta);
    }

    /** {@link #accumulate}'s chunk: two of them stay in L1, and the add over a chunk is vector code, where element-wise buffer access is not. */
    private static final int CHUNK = 2048;
    private static final ThreadLocal<float[][]> CHUNKS = ThreadLocal.withInitial(() -> new float[2][CHUNK]);

    /** The array's elements in row-major order as doubles (a copy): for the reference loops, not the hot paths. */
    static double[] doubles(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    /** a = v, v in row-major order, each value rounded once to a's dtype. */
    static void assign(double[] v, INDArray a) {
        a.assign(Nd4j.createFromArray(v).reshape(a.shape()).castTo(a.dataType()));
    }

    /** Only ever read, so one array serves every caller; it grows to the largest tensor zeroed. */
    private static volatile float[] zeros = new float[0];

    /** a = 0 in one bulk copy, without a fresh array per call (zeroGrad runs every step). */
    public static void zero(INDArray a) {
        float[] z = zeros;
        if (z.length < a.length()) zeros = z = new float[(int) a.length()];
        write(z, a);
    }

    /**
     * Row-major and without gaps from its offset. A dimension of size 1 may carry any stride (ND4J gives
     * [N, 1, 1, 1] outputs odd ones): such arrays were copied before, at every read.
     */
    public static boolean contiguous(INDArray a) {
        long[] shape = a.shape(), stride = a.stride();
        long expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] == 1) continue;
            if (stride[i] != expected) return false;
            expected *= shape[i];
        }
        return true;
    }

    /** The same memory as ints (each float's bits), positioned alike: bit tests on floats vectorize as integer code. */
    public static IntBuffer bits(INDArray a) {
        IntBuffer b = a.data().asNio().order(ByteOrder.nativeOrder()).asIntBuffer();
        b.position((int) a.offset());
        return b;
    }

    /** The memory of a float array, positioned at its first element (a view's offset). */
    public static FloatBuffer buffer(INDArray a) {
        FloatBuffer b = a.data().asNioFloat();
        b.position((int) a.offset());
        return b;
    }
}
