package org.initlab.init;

/** fan_in and fan_out of a weight as PyTorch computes them: Linear {@code [out, in]}, Conv {@code [out, in, kH, kW]}. */
public record Fans(long in, long out) {
    public static Fans of(long[] weightShape) {
        if (weightShape.length < 2) throw new IllegalArgumentException("fans need a weight with at least 2 dimensions");
        long field = 1;
        for (int i = 2; i < weightShape.length; i++) field *= weightShape[i];
        return new Fans(weightShape[1] * field, weightShape[0] * field);
    }
}
