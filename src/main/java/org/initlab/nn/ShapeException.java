package org.initlab.nn;

/** An impossible architecture, found by shape inference before anything runs. */
public final class ShapeException extends IllegalArgumentException {
    private final int layerIndex;

    public ShapeException(int layerIndex, String message) {
        super(message);
        this.layerIndex = layerIndex;
    }

    /** The index of the offending layer. */
    public int layerIndex() {
        return layerIndex;
    }
}
