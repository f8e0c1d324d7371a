package org.initlab.train;

/** NaN or ±Inf appeared during training: the step and the first place it showed, as one sentence. */
public final class DivergenceException extends RuntimeException {
    private final long step;

    public DivergenceException(long step, int epoch, String where) {
        super("training diverged at step " + step + " (epoch " + epoch + "): " + where);
        this.step = step;
    }

    public long step() {
        return step;
    }
}
