package org.initlab.init;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An initialization: scheme, Kaiming's leaky gain {@code a} and fan mode, Xavier/orthogonal
 * {@code gain}, and what happens to biases. Every scheme but pytorch-default zeroes the bias
 * unless {@code bias} is {@link Bias#DEFAULT}.
 */
public record InitSpec(Scheme scheme, double a, Mode mode, Bias bias, double gain) {
    public enum Mode {
        FAN_IN, FAN_OUT;

        @JsonValue
        public String id() {
            return name().toLowerCase();
        }

        @JsonCreator
        public static Mode parse(String s) {
            for (Mode m : values()) if (m.id().equalsIgnoreCase(s)) return m;
            throw new IllegalArgumentException("unknown mode '" + s + "' (fan_in, fan_out)");
        }
    }

    /** DEFAULT is PyTorch's U(±1/√fan_in); ZERO is 0. */
    public enum Bias {
        DEFAULT, ZERO;

        @JsonValue
        public String id() {
            return name().toLowerCase();
        }

        @JsonCreator
        public static Bias parse(String s) {
            for (Bias b : values()) if (b.id().equalsIgnoreCase(s)) return b;
            throw new IllegalArgumentException("unknown bias '" + s + "' (default, zero)");
        }
    }

    public InitSpec {
        if (scheme == null) throw new IllegalArgumentException("init scheme is missing");
        if (!Double.isFinite(a) || a < 0) throw new IllegalArgumentException("a must be a finite number ≥ 0 (got " + a + ")");
        if (!Double.isFinite(gain) || gain <= 0) throw new IllegalArgumentException("gain must be a finite number > 0 (got " + gain + ")");
        if (mode == null) mode = Mode.FAN_IN;
        if (bias == null) bias = scheme == Scheme.PYTORCH_DEFAULT ? Bias.DEFAULT : Bias.ZERO;
    }

    @JsonCreator
    static InitSpec fromJson(@JsonProperty("scheme") String scheme, @JsonProperty("a") Double a, @JsonProperty("mode") Mode mode,
                             @JsonProperty("bias") Bias bias, @JsonProperty("gain") Double gain) {
        return new InitSpec(Scheme.parse(scheme == null ? "" : scheme), a == null ? 0 : a, mode, bias, gain == null ? 1 : gain);
    }

    public static InitSpec of(Scheme scheme) {
        return new InitSpec(scheme, 0, null, null, 1);
    }

    public static InitSpec kaiming(Scheme scheme, double a) {
        return new InitSpec(scheme, a, null, null, 1);
    }

    public InitSpec withA(double newA) {
        return new InitSpec(scheme, newA, mode, bias, gain);
    }

    public InitSpec withScheme(Scheme s) {
        return new InitSpec(s, a, mode, s == scheme ? bias : null, gain);
    }

    @JsonProperty("scheme")
    String schemeId() {
        return scheme.id();
    }

    /** The weight std this scheme targets for a weight of this shape (LSUV: its orthogonal start). */
    public double weightStd(long[] weightShape) {
        Fans f = Fans.of(weightShape);
        long fanIn = f.in(), fanOut = f.out();
        long fan = mode == Mode.FAN_IN ? fanIn : fanOut;
        return switch (scheme) {
            case PYTORCH_DEFAULT -> Gains.kaimingStd(Math.sqrt(5), fanIn);
            case KAIMING_UNIFORM, KAIMING_NORMAL -> Gains.kaimingStd(a, fan);
            case XAVIER_UNIFORM, XAVIER_NORMAL -> Gains.xavierStd(gain, fanIn, fanOut);
            case LECUN_NORMAL -> Gains.lecunStd(fanIn);
            // orthonormal rows (or columns) of the [out, fan_in] matrix: each entry has variance 1/max(out, fan_in)
            case ORTHOGONAL, LSUV -> gain / Math.sqrt(Math.max(weightShape[0], fanIn));
            case ZEROS -> 0;
        };
    }

    /** The gain used by the formula (for display): gain(a) for Kaiming, 1/√3 for pytorch-default. */
    public double formulaGain() {
        return switch (scheme) {
            case PYTORCH_DEFAULT -> Gains.leakyRelu(Math.sqrt(5));
            case KAIMING_UNIFORM, KAIMING_NORMAL -> Gains.leakyRelu(a);
            case XAVIER_UNIFORM, XAVIER_NORMAL, ORTHOGONAL, LSUV -> gain;
            case LECUN_NORMAL -> 1;
            case ZEROS -> 0;
        };
    }

    public boolean uniform() {
        return scheme == Scheme.PYTORCH_DEFAULT || scheme == Scheme.KAIMING_UNIFORM || scheme == Scheme.XAVIER_UNIFORM;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(scheme.id());
        if (scheme.usesA()) b.append(" a=").append(fmt(a)).append(' ').append(mode.id());
        if (scheme.usesGain() && gain != 1) b.append(" gain=").append(fmt(gain));
        if ((scheme == Scheme.PYTORCH_DEFAULT) != (bias == Bias.DEFAULT)) b.append(" bias=").append(bias.id());
        return b.toString();
    }

    private static String fmt(double v) {
        // Locale.US, not ROOT: for any other locale Formatter builds a DecimalFormatSymbols per call, and this runs on every update
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(java.util.Locale.US, "%.3f", v);
    }
}
