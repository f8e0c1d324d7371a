package org.initlab.nn;

/**
 * The error function and the standard normal CDF and density, in double, for GELU and the truncated
 * normal. {@code erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1))}: every term is positive,
 * so nothing cancels and the sum is good to a few ulps; beyond |x| = 6, erf is ±1 in double.
 */
public final class Erf {
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private Erf() {}

    public static double erf(double x) {
        if (Double.isNaN(x)) return x;
        double ax = Math.abs(x);
        if (ax >= 6) return Math.signum(x);
        double x2 = ax * ax, term = ax, sum = ax;
        for (int n = 1; term > sum * 1e-17; n++) {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
        }
        return Math.copySign(TWO_OVER_SQRT_PI * Math.exp(-x2) * sum, x);
    }

    /** Φ(x), the standard normal CDF: ½(1 + erf(x/√2)), as PyTorch's exact GELU computes it. */
    public static double phiCdf(double x) {
        return 0.5 * (1 + erf(x / Math.sqrt(2)));
    }

    /** φ(x), the standard normal density. */
    public static double phiPdf(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }
}
