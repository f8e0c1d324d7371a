package org.initlab.nn;

import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.initlab.AppLog;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * oneDNN called directly, for the float layers that run on every step (convolutions, ReLUs). ND4J's
 * ops reach the same kernels but describe, choose and allocate everything anew at each call: about a
 * fifth of the engine thread's time in a seed4 step at batch 100 went there (perf). Here a layer
 * makes its primitives once per input shape and only points them at ND4J's arrays on each call. One
 * instance holds the native objects of one layer's primitives, and their stream (a stream is not
 * thread-safe; a layer runs on one thread at a time).
 */
public final class OneDnn implements AutoCloseable {
    static final memory.data_type F32 = memory.data_type.f32;

    /** The CPU engine, made at the first {@link #available} or {@link #engine}; null where oneDNN's natives do not load. */
    private static final class Natives {
        static final engine ENGINE = load();

        private static engine load() {
            try {
                engine e = new engine(engine.kind.cpu, 0);
                loaded = true;
                return e;
            } catch (Throwable e) { // UnsatisfiedLinkError and friends: ND4J's own ops still work
                AppLog.error("oneDNN did not load; layers use ND4J's ops", e);
                return null;
            }
        }
    }

    /** ND4J's backend is CPU, not CUDA; asked at the first layer call, not when this class loads (ND4J may not have yet). */
    private static final class Cpu {
        static final boolean BACKEND = Nd4j.getBackend().getClass().getSimpleName().startsWith("Cpu");
    }

    private static volatile boolean enabled = true, loaded, loadOnFirstUse = true;

    /** False: every layer takes ND4J's ops, to compare the two paths ({@code bench --ops nd4j}, tests). */
    public static void use(boolean on) {
        enabled = on;
    }

    /**
     * Layers take ND4J's ops until {@link #available} has loaded oneDNN, instead of loading it at their
     * first call: loading takes about 0.3 s of a core, which the window's first charts should not wait for.
     */
    public static void loadLater() {
        loadOnFirstUse = false;
    }

    /** Whether oneDNN's natives loaded; the first call loads them. */
    public static boolean available() {
        return Natives.ENGINE != null;
    }

    static engine engine() {
        return Natives.ENGINE;
    }

    /** Whether a layer may take this path: float arrays on the CPU backend (not CUDA's), with oneDNN loaded. */
    static boolean usable(DataType type) {
        return enabled && type == DataType.FLOAT && Cpu.BACKEND && (loaded || loadOnFirstUse && available());
    }

    private final List<Pointer> owned = new ArrayList<>(); // what close() frees: made once per shape, never per call
    final stream stream = own(new stream(engine()));

    <P extends Pointer> P own(P p) {
        owned.add(p);
        return p;
    }

    /** A memory of the layout {@code tag} over no buffer yet: {@link #bind} points it at an array at each call. */
    memory unbound(long[] shape, memory.format_tag tag) {
        return own(new memory(own(new memory.desc(shape, F32, tag)), engine(), null));
    }

    /** Argument slots for one primitive; {@code pairs} alternate DNNL_ARG_* numbers and memories. */
    IntMemoryMap args(Object... pairs) {
        IntMemoryMap map = own(new IntMemoryMap());
        for (int i = 0; i < pairs.length; i += 2) map.put((Integer) pairs[i], (memory) pairs[i + 1]);
        return map;
    }

    /** The same, with the primitive's own scratchpad, allocated here rather than at every call. */
    IntMemoryMap args(memory.desc scratchpad, Object... pairs) {
        IntMemoryMap map = args(pairs);
        map.put(dnnl.DNNL_ARG_SCRATCHPAD, own(new memory(scratchpad, engine())));
        return map;
    }

    /** Points {@code m} at the array's first element; the array must be dense from offset 0 ({@link #dense}). */
    static void bind(memory m, INDArray a) {
        if (a.dataType() != DataType.FLOAT || a.offset() != 0 || !Floats.contiguous(a))
            throw new IllegalArgumentException("oneDNN needs dense float arrays; got " + a.shapeInfoToString());
        m.set_data_handle(a.data().addressPointer());
    }

    /**
     * c = op(a)·op(b) + beta·c, op transposing where asked, for dense float matrices ({@link #denseMatrix}),
     * by oneDNN's own sgemm: the product ND4J's gemm computes, without the op, its shape arrays and its
     * context made at every call (a tenth of a millisecond, a third of the first layer's weight gradient at batch 100).
     */
    static void sgemm(INDArray a, boolean transA, INDArray b, boolean transB, INDArray c, float beta) {
        for (INDArray m : new INDArray[] {a, b, c})
            if (!denseMatrix(m)) throw new IllegalArgumentException("sgemm needs dense float matrices; got " + m.shapeInfoToString());
        long rows = a.size(transA ? 1 : 0), inner = a.size(transA ? 0 : 1), cols = b.size(transB ? 0 : 1);
        if (b.size(transB ? 1 : 0) != inner || c.size(0) != rows || c.size(1) != cols)
            throw new IllegalArgumentException("sgemm of " + Shapes.str(a.shape()) + (transA ? "ᵀ" : "") + "·" + Shapes.str(b.shape())
                + (transB ? "ᵀ" : "") + " into " + Shapes.str(c.shape()));
        int status = dnnl.dnnl_sgemm((byte) (transA ? 'T' : 'N'), (byte) (transB ? 'T' : 'N'), rows, cols, inner, 1f,
            new FloatPointer(a.data().addressPointer()), a.size(1), new FloatPointer(b.data().addressPointer()), b.size(1), beta,
            new FloatPointer(c.data().addressPointer()), cols);
        Reference.reachabilityFence(a); // the pointers do not keep the arrays, whose memory oneDNN reads until here
        Reference.reachabilityFence(b);
        Reference.reachabilityFence(c);
        if (status != dnnl.dnnl_success) throw new IllegalStateException("oneDNN's sgemm failed with status " + status);
    }

    /** A float matrix, row-major and without gaps from offset 0: what {@link #sgemm} reads and writes. */
    static boolean denseMatrix(INDArray m) {
        return m.rank() == 2 && m.dataType() == DataType.FLOAT && m.offset() == 0 && Floats.contiguous(m);
    }

    /** The array itself when dense row-major from offset 0, else a dense copy. */
    static INDArray dense(INDArray a) {
        return a.offset() == 0 && Floats.contiguous(a) ? a : a.dup('c');
    }

    @Override
    public void close() {
        for (int i = owned.size() - 1; i >= 0; i--) owned.get(i).close();
        owned.clear();
    }
}
