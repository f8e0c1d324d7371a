package org.initlab.init;

/** PyTorch's {@code calculate_gain} and the standard deviations the init schemes target. */
public final class Gains {
    private Gains() {}

    /** gain for leaky_relu with negative slope a: √(2/(1+a²)); a = 0 is ReLU's √2, a = √5 gives 1/√3. */
    public static double leakyRelu(double a) {
        return Math.sqrt(2.0 / (1 + a * a));
    }

    /** Kaiming (He et al. 2015): std = gain(a)/√fan. */
    public static double kaimingStd(double a, long fan) {
        return leakyRelu(a) / Math.sqrt(fan);
    }

    /** Xavier (Glorot & Bengio 2010): std = gain·√(2/(fan_in+fan_out)). */
    public static double xavierStd(double gain, long fanIn, long fanOut) {
        return gain * Math.sqrt(2.0 / (fanIn + fanOut));
    }

    /** LeCun: std = 1/√fan_in. */
    public static double lecunStd(long fanIn) {
        return 1 / Math.sqrt(fanIn);
    }

    /** A uniform distribution U(−b, b) with this std has b = √3·std. */
    public static double uniformBound(double std) {
        return Math.sqrt(3) * std;
    }
}
