package org.initlab.init;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An initialization: scheme, Kaiming's leaky gain {@code a} and fan mode, Xavier/orthogonal
 * {@code gain}, PyTorch's {@code nonlinearity} (null: Kaiming's leaky_relu with {@code a}, or the
 * explicit {@code gain}), the {@code std} of normal and trunc-normal, the {@code bound} of uniform, and
 * what happens to biases. Every scheme but pytorch-default zeroes the bias unless {@code bias} is
 * {@link Bias#DEFAULT}. A field the init does not use is kept at its default (a 0, fan_in, gain 1, std 1, bound 1),
 * so equal inits are equal records, and is left out of the JSON.
 * pytorch-default is {@code kaiming_uniform(a=√5)}: its {@code a} is always √5 (a file or the command line
 * may leave it out or give 0, which reads as unset; another value is an error).
 */
public record InitSpec(Scheme scheme, @JsonIgnore double a, @JsonIgnore Mode mode, Bias bias, @JsonIgnore double gain,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Nonlinearity nonlinearity,
                       @JsonIgnore double std, @JsonIgnore double bound) {
    /** The sample std of N(0, 1) cut at ±2: √(1 − 4φ(2)/(2Φ(2) − 1)) ≈ 0.8796. */
    public static final double TRUNC_STD_FACTOR = Math.sqrt(1 - 4 * org.initlab.nn.Erf.phiPdf(2) / (2 * org.initlab.nn.Erf.phiCdf(2) - 1));

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
        if (scheme == Scheme.PYTORCH_DEFAULT) {
            if (a != 0 && Math.abs(a - PYTORCH_A) > 1e-9)
                throw new IllegalArgumentException("a = " + a + " does not apply to pytorch-default, whose a is √5 (leave it out, or use kaiming-uniform for another a)");
            a = PYTORCH_A;
        }
        if (!Double.isFinite(gain) || gain <= 0) throw new IllegalArgumentException("gain must be a finite number > 0 (got " + gain + ")");
        if (!scheme.usesGain()) gain = 1;
        if (!Double.isFinite(std) || std < 0) throw new IllegalArgumentException("std must be a finite number ≥ 0 (got " + std + ")");
        if (!Double.isFinite(bound) || bound < 0) throw new IllegalArgumentException("bound must be a finite number ≥ 0 (got " + bound + ")");
        if (nonlinearity != null && !scheme.usesNonlinearity())
            throw new IllegalArgumentException("nonlinearity applies to kaiming-*, xavier-* and orthogonal, not to " + scheme.id());
        if (nonlinearity != null && gain != 1)
            throw new IllegalArgumentException("give gain or nonlinearity, not both (gain " + gain + ", nonlinearity " + nonlinearity.id() + ")");
        if (mode == null || !scheme.usesA()) mode = Mode.FAN_IN;
        if (!usesA(scheme, nonlinearity) && scheme != Scheme.PYTORCH_DEFAULT) a = 0;
        if (bias == null) bias = scheme == Scheme.PYTORCH_DEFAULT ? Bias.DEFAULT : Bias.ZERO;
        if (!scheme.usesStd()) std = 1;
        if (!scheme.usesBound()) bound = 1;
    }

    public InitSpec(Scheme scheme, double a, Mode mode, Bias bias, double gain) {
        this(scheme, a, mode, bias, gain, null, 1, 1);
    }

    /** The a of pytorch-default: √5. */
    public static final double PYTORCH_A = Math.sqrt(5);

    /**
     * From JSON or the command line, where a field the scheme does not use is an error rather than
     * ignored; absent fields take PyTorch's defaults (a 0, fan_in, gain 1, std 1, bound 1). A record with
     * every one of a, mode, bias and gain is a file saved in full, where an unused a, mode or gain is the
     * window's setting for another scheme: it is dropped, so such saved experiments keep opening.
     */
    @JsonCreator
    public static InitSpec parse(@JsonProperty("scheme") String scheme, @JsonProperty("a") Double a, @JsonProperty("mode") Mode mode,
                                 @JsonProperty("bias") Bias bias, @JsonProperty("gain") Double gain,
                                 @JsonProperty("nonlinearity") Nonlinearity nonlinearity,
                                 @JsonProperty("std") Double std, @JsonProperty("bound") Double bound) {
        Scheme s = Scheme.parse(scheme == null ? "" : scheme);
        if (std != null && !s.usesStd()) throw new IllegalArgumentException("std applies to normal and trunc-normal, not to " + s.id());
        if (bound != null && !s.usesBound()) throw new IllegalArgumentException("bound applies to uniform, not to " + s.id());
        boolean everyField = a != null && mode != null && bias != null && gain != null;
        if (!everyField) {
            // 0, fan_in and 1 are the values an unused field holds; pytorch-default's a is checked by the constructor
            if (a != null && a != 0 && s != Scheme.PYTORCH_DEFAULT && !usesA(s, nonlinearity)) throw new IllegalArgumentException(unused("a", s, nonlinearity, ""));
            if (mode != null && mode != Mode.FAN_IN && !s.usesA()) throw new IllegalArgumentException(unused("mode", s, nonlinearity, ""));
            if (gain != null && gain != 1 && !s.usesGain()) throw new IllegalArgumentException(unused("gain", s, nonlinearity, ""));
        }
        return new InitSpec(s, a == null ? 0 : a, mode, bias, gain == null ? 1 : gain, nonlinearity, std == null ? 1 : std, bound == null ? 1 : bound);
    }

    /**
     * Whether a counts: Kaiming's leaky gain gain(a) (no nonlinearity), or the slope of nonlinearity leaky_relu.
     * pytorch-default's a is always √5.
     */
    public static boolean usesA(Scheme s, Nonlinearity n) {
        return s.usesA() && n == null || s.usesNonlinearity() && n == Nonlinearity.LEAKY_RELU;
    }

    /** Whether this init's a counts (see {@link #usesA(Scheme, Nonlinearity)}). */
    public boolean usesA() {
        return usesA(scheme, nonlinearity);
    }

    /**
     * The one line for a field ({@code a}, {@code mode} or {@code gain}, after {@code prefix}, e.g. "--") given
     * to an init that does not use it.
     */
    public static String unused(String field, Scheme s, Nonlinearity n, String prefix) {
        String owners = switch (field) {
            case "a" -> "kaiming-uniform and kaiming-normal (without " + prefix + "nonlinearity) and to " + prefix + "nonlinearity leaky_relu";
            case "mode" -> "kaiming-uniform and kaiming-normal";
            case "gain" -> "xavier-uniform, xavier-normal and orthogonal";
            default -> throw new IllegalArgumentException("no init field " + field);
        };
        return prefix + field + " applies to " + owners + ", not to " + s.id() + (n == null ? "" : " with " + prefix + "nonlinearity " + n.id());
    }

    public static InitSpec of(Scheme scheme) {
        return new InitSpec(scheme, 0, null, null, 1);
    }

    public static InitSpec kaiming(Scheme scheme, double a) {
        return new InitSpec(scheme, a, null, null, 1);
    }

    public InitSpec withA(double newA) {
        return new InitSpec(scheme, newA, mode, bias, gain, nonlinearity, std, bound);
    }

    /** Another scheme with the same parameters; a nonlinearity the new scheme does not use is dropped. */
    public InitSpec withScheme(Scheme s) {
        return new InitSpec(s, a, mode, s == scheme ? bias : null, gain, s.usesNonlinearity() ? nonlinearity : null, std, bound);
    }

    /** PyTorch's calculate_gain for this nonlinearity (null: none); the explicit gain goes back to 1 when one is set. */
    public InitSpec withNonlinearity(Nonlinearity n) {
        return new InitSpec(scheme, a, mode, bias, n == null ? gain : 1, scheme.usesNonlinearity() ? n : null, std, bound);
    }

    /** Whether this init's explicit gain counts: Xavier's and orthogonal's, unless a nonlinearity gives the gain. */
    public boolean usesGain() {
        return scheme.usesGain() && nonlinearity == null;
    }

    @JsonProperty("a")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    Double aIfUsed() {
        return usesA() ? a : null;
    }

    @JsonProperty("mode")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    Mode modeIfUsed() {
        return scheme.usesA() ? mode : null;
    }

    @JsonProperty("gain")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    Double gainIfUsed() {
        return usesGain() ? gain : null;
    }

    @JsonProperty("std")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    Double stdIfUsed() {
        return scheme.usesStd() ? std : null;
    }

    @JsonProperty("bound")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    Double boundIfUsed() {
        return scheme.usesBound() ? bound : null;
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
            case KAIMING_UNIFORM, KAIMING_NORMAL -> formulaGain() / Math.sqrt(fan);
            case XAVIER_UNIFORM, XAVIER_NORMAL -> Gains.xavierStd(formulaGain(), fanIn, fanOut);
            case LECUN_NORMAL, LECUN_UNIFORM -> Gains.lecunStd(fanIn);
            case NORMAL -> std;
            case UNIFORM -> bound / Math.sqrt(3);
            case TRUNC_NORMAL -> std * TRUNC_STD_FACTOR;
            // orthonormal rows (or columns) of the [out, fan_in] matrix: each entry has variance 1/max(out, fan_in)
            case ORTHOGONAL, LSUV -> formulaGain() / Math.sqrt(Math.max(weightShape[0], fanIn));
            case ZEROS -> 0;
        };
    }

    /**
     * The gain the formula uses: calculate_gain(nonlinearity, a) when a nonlinearity is set, else gain(a)
     * for Kaiming (PyTorch's default nonlinearity leaky_relu), the explicit gain for Xavier and orthogonal,
     * 1/√3 for pytorch-default; 1 for the schemes without a gain.
     */
    public double formulaGain() {
        return switch (scheme) {
            case PYTORCH_DEFAULT -> Gains.leakyRelu(Math.sqrt(5));
            case KAIMING_UNIFORM, KAIMING_NORMAL -> nonlinearity == null ? Gains.leakyRelu(a) : nonlinearity.gain(a);
            case XAVIER_UNIFORM, XAVIER_NORMAL, ORTHOGONAL -> nonlinearity == null ? gain : nonlinearity.gain(a);
            case LSUV -> gain;
            case LECUN_NORMAL, LECUN_UNIFORM, NORMAL, UNIFORM, TRUNC_NORMAL -> 1;
            case ZEROS -> 0;
        };
    }

    public boolean uniform() {
        return switch (scheme) {
            case PYTORCH_DEFAULT, KAIMING_UNIFORM, XAVIER_UNIFORM, LECUN_UNIFORM, UNIFORM -> true;
            default -> false;
        };
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(scheme.id());
        if (nonlinearity != null) b.append(' ').append(nonlinearity.id());
        if (usesA()) b.append(" a=").append(fmt(a));
        if (scheme.usesA()) b.append(' ').append(mode.id());
        if (scheme.usesStd()) b.append(" std=").append(fmtG(std));
        if (scheme.usesBound()) b.append(" bound=").append(fmtG(bound));
        if (scheme.usesGain() && gain != 1) b.append(" gain=").append(fmt(gain));
        if ((scheme == Scheme.PYTORCH_DEFAULT) != (bias == Bias.DEFAULT)) b.append(" bias=").append(bias.id());
        return b.toString();
    }

    private static String fmtG(double v) {
        return String.format(java.util.Locale.US, "%.4g", v).replaceAll("\\.?0+$", "").replaceAll("\\.?0+e", "e");
    }

    private static String fmt(double v) {
        // Locale.US, not ROOT: for any other locale Formatter builds a DecimalFormatSymbols per call, and this runs on every update
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(java.util.Locale.US, "%.3f", v);
    }
}
