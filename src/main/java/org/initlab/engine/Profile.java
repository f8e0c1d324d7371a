package org.initlab.engine;

import org.initlab.nn.Sequential;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Time spent per module, summed over the steps it watched ({@code bench --profile}): a hook on the
 * pass, so the model times nothing itself. The statistics' time is added by whoever takes them.
 * One thread.
 */
public final class Profile implements Sequential.Hook {
    private final long[] forward, backward, stats;
    private long started;

    public Profile(int modules) {
        forward = new long[modules];
        backward = new long[modules];
        stats = new long[modules];
    }

    /** Nanoseconds per module, summed; live arrays. */
    public long[] forward() { return forward; }
    public long[] backward() { return backward; }
    public long[] stats() { return stats; }

    @Override
    public void beforeForward(int i) {
        started = System.nanoTime();
    }

    @Override
    public void output(int i, INDArray out) {
        forward[i] += System.nanoTime() - started;
    }

    @Override
    public void gradient(int i, INDArray grad) {
        started = System.nanoTime();
    }

    @Override
    public void afterBackward(int i) {
        backward[i] += System.nanoTime() - started;
    }
}
