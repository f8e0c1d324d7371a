package org.initlab.nn;

import java.util.Arrays;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Which kernel a layer's arithmetic runs in ({@link ConvKernel}, {@link ReluKernel}), chosen by one
 * rule ({@link #choose}) once per input shape and dtype, and the kernels a layer made for its last two
 * shapes ({@link PerShape}).
 */
final class Kernels {
    private Kernels() {}

    /** What every kernel has: natives (oneDNN's primitives) freed at {@link #close}, or nothing to free. */
    interface Kernel extends AutoCloseable {
        @Override
        default void close() {}
    }

    enum Choice {
        /** The layer's plain Java loops: the readable definition, which the finite-difference checks cover. */
        REFERENCE,
        /** libnd4j's ops. */
        ND4J,
        /** oneDNN's primitives, made once per shape ({@link OneDnn}). */
        ONEDNN
    }

    /** {@code -Dinitlab.kernels=reference} runs every layer through its reference loops. */
    private static volatile boolean referenceOnly = "reference".equals(System.getProperty("initlab.kernels"));

    /** Tests: true runs every layer through its reference loops until set back. */
    static void referenceOnly(boolean on) {
        referenceOnly = on;
    }

    /**
     * The rule: the reference when forced; a float op the reference loop does in one pass where ND4J
     * needs several ({@code loopFirst}) → the reference; a float op oneDNN has, on the CPU with oneDNN
     * loaded and not switched off ({@code OneDnn.use(false)}, {@code bench --ops nd4j}) → oneDNN;
     * anything else (doubles, CUDA) → ND4J's ops.
     */
    static Choice choose(DataType type, boolean inOneDnn, boolean loopFirst) {
        if (referenceOnly) return Choice.REFERENCE;
        if (loopFirst && type == DataType.FLOAT) return Choice.REFERENCE;
        if (inOneDnn && OneDnn.usable(type)) return Choice.ONEDNN;
        return Choice.ND4J;
    }

    /**
     * One layer's kernels, made once per input shape, dtype and choice; the last two kept ({@link LastTwo}),
     * closed when evicted or cleared.
     */
    static final class PerShape<K extends Kernel> {
        private record Made<K>(long[] shape, DataType type, Choice choice, K kernel) {
            boolean fits(INDArray x, Choice c) {
                return choice == c && type == x.dataType() && Arrays.equals(shape, x.shape());
            }
        }

        private final LastTwo<Made<K>> kept = new LastTwo<>(m -> m.kernel.close());

        /** The kernel for {@code x}'s shape and dtype under {@code choice}, made by {@code make} the first time. */
        K get(INDArray x, Choice choice, Function<Choice, K> make) {
            return kept.get(m -> m.fits(x, choice), () -> new Made<>(x.shape(), x.dataType(), choice, make.apply(choice))).kernel;
        }

        void clear() {
            kept.clear();
        }
    }
}
