package org.initlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One libnd4j custom op that a layer calls on every step, with its native context (integer arguments,
 * array slots) made once. Building op and context per call cost about 50 µs and half a dozen native
 * objects each time; the objects are freed only through the garbage collector, and its pauses grew
 * with them. Not thread-safe: a layer runs on one thread at a time.
 */
final class NativeOp {
    private final DynamicCustomOp op;
    private final OpContext context;

    NativeOp(String name, int... iArgs) {
        op = DynamicCustomOp.builder(name).build();
        context = Nd4j.getExecutioner().buildContext();
        long[] args = new long[iArgs.length];
        for (int i = 0; i < args.length; i++) args[i] = iArgs[i];
        context.setIArguments(args);
    }

    void exec(INDArray[] inputs, INDArray... outputs) {
        context.setInputArrays(inputs);
        context.setOutputArrays(outputs);
        try {
            Nd4j.getExecutioner().exec(op, context);
        } finally {
            // the context keeps a native wrapper of every array it was given until purged: without this,
            // resident memory grew by about 0.5 kB a call (a scratch loop of 300 000 calls: 236 to 360 MB)
            context.purge();
        }
    }
}
