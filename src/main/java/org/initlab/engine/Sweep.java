package org.initlab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.initlab.init.InitSpec;
import org.initlab.nn.Models;

/**
 * One setting stepped over a range, {@code a=0:3:0.1}: a figure per value, from {@code from} to
 * {@code to} inclusive, {@code step} apart. Parameters: {@code a} (Kaiming's leaky gain, or the
 * slope of nonlinearity leaky_relu), {@code gain} (xavier, orthogonal, without nonlinearity), {@code std}
 * (normal, trunc-normal), {@code bound} (uniform), and {@code depth}, the D of an {@code mlp-ACT-DxW} model.
 */
public record Sweep(String parameter, double from, double to, double step) {
    /** At most this many frames: a GIF of the full chart panel stays well under 20 MB. */
    public static final int MAX_VALUES = 200;
    public static final List<String> PARAMETERS = List.of("a", "gain", "std", "bound", "depth");
    private static final java.util.regex.Pattern MLP = java.util.regex.Pattern.compile("mlp-([a-z]+)-(\\d+)x(\\d+)");

    public Sweep {
        if (!PARAMETERS.contains(parameter))
            throw new IllegalArgumentException("--sweep: unknown parameter '" + parameter + "' (" + String.join(", ", PARAMETERS) + ")");
        if (!(step > 0) || !Double.isFinite(from) || !Double.isFinite(to) || to < from)
            throw new IllegalArgumentException("--sweep " + parameter + ": needs from ≤ to and a step > 0 (got " + fmt(from) + ":" + fmt(to) + ":" + fmt(step) + ")");
        long n = Math.round((to - from) / step) + 1;
        if (n > MAX_VALUES) throw new IllegalArgumentException("--sweep " + parameter + ": " + n + " values, at most " + MAX_VALUES + " (take a larger step)");
    }

    /** Parses "name=from:to:step". */
    public static Sweep parse(String text) {
        String[] kv = text.split("=", 2), r = kv.length == 2 ? kv[1].split(":") : new String[0];
        if (r.length != 3) throw new IllegalArgumentException("--sweep must look like a=0:3:0.1 (name=from:to:step), got '" + text + "'");
        try {
            return new Sweep(kv[0].trim(), Double.parseDouble(r[0]), Double.parseDouble(r[1]), Double.parseDouble(r[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--sweep " + kv[0] + ": from, to and step must be numbers, got '" + kv[1] + "'");
        }
    }

    /** The values swept, {@code from + i·step} (rounded to the step's decimals, so 0.30000000000000004 reads 0.3). */
    public List<Double> values() {
        long n = Math.round((to - from) / step) + 1;
        double unit = Math.pow(10, Math.max(0, -Math.floor(Math.log10(step))) + 6);
        List<Double> v = new ArrayList<>();
        for (long i = 0; i < n; i++) v.add(Math.round((from + i * step) * unit) / unit);
        return v;
    }

    /**
     * Whether this parameter is a setting the init uses, by the init's own rules ({@link InitSpec#usesA()},
     * {@link InitSpec#usesGain()}), so a sweep never steps a value the weights do not see; depth is the model's.
     */
    public static boolean counts(String parameter, InitSpec init) {
        return switch (parameter) {
            case "a" -> init.usesA();
            case "gain" -> init.usesGain();
            case "std" -> init.scheme().usesStd();
            case "bound" -> init.scheme().usesBound();
            default -> true;
        };
    }

    /** The parameter a sweep of this config starts from: the init's own gain, std, bound or a, else an mlp's depth, else a. */
    public static String firstParameter(LabConfig c) {
        for (String p : List.of("gain", "std", "bound", "a")) if (counts(p, c.init())) return p;
        return MLP.matcher(c.spec().name()).matches() ? "depth" : "a";
    }

    /** Fails naming the init (or the model) unless this parameter is one of its settings. */
    public void check(LabConfig c) {
        InitSpec init = c.init();
        if (!counts(parameter, init)) {
            String owners = switch (parameter) {
                case "a" -> "kaiming-uniform and kaiming-normal without nonlinearity; kaiming-*, xavier-* and orthogonal with nonlinearity leaky_relu";
                case "gain" -> "xavier-uniform, xavier-normal and orthogonal without nonlinearity";
                case "std" -> "normal, trunc-normal";
                default -> "uniform";
            };
            String name = init.scheme().id() + (init.nonlinearity() == null ? "" : " with nonlinearity " + init.nonlinearity().id());
            throw new IllegalArgumentException("--sweep " + parameter + ": the init " + name + " has no " + parameter + " (" + owners + ")");
        }
        if (parameter.equals("depth")) {
            if (!MLP.matcher(c.spec().name()).matches())
                throw new IllegalArgumentException("--sweep depth: needs a model named mlp-ACT-DxW, e.g. mlp-tanh-10x500 (got " + c.spec().name() + ")");
            if (from < 1 || step != Math.rint(step) || from != Math.rint(from))
                throw new IllegalArgumentException("--sweep depth: whole numbers from 1, e.g. depth=1:20:1 (got " + fmt(from) + ":" + fmt(to) + ":" + fmt(step) + ")");
        }
        if ((parameter.equals("gain") || parameter.equals("std") || parameter.equals("bound")) && !(from > 0))
            throw new IllegalArgumentException("--sweep " + parameter + ": must start above 0 (got " + fmt(from) + ")");
    }

    /** The config with this parameter set to {@code value}. */
    public LabConfig apply(LabConfig c, double value) {
        InitSpec i = c.init();
        if (parameter.equals("depth")) {
            var m = MLP.matcher(c.spec().name());
            if (!m.matches()) throw new IllegalArgumentException("--sweep depth: needs an mlp-ACT-DxW model (got " + c.spec().name() + ")");
            return new LabConfig(Models.byName("mlp-" + m.group(1) + "-" + Math.round(value) + "x" + m.group(3)), i, c.seed(), c.split(), c.offset(),
                c.batchSize(), c.data(), c.running());
        }
        return c.withInit(new InitSpec(i.scheme(), parameter.equals("a") ? value : i.a(), i.mode(), i.bias(), parameter.equals("gain") ? value : i.gain(),
            i.nonlinearity(), parameter.equals("std") ? value : i.std(), parameter.equals("bound") ? value : i.bound()));
    }

    /** "a = 0.10": a frame's label, in the step's decimals. */
    public String label(double value) {
        int places = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
        return parameter + " = " + String.format(Locale.US, "%." + places + "f", value);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
