package org.initlab.ui;

import java.util.List;
import java.util.Locale;
import org.initlab.nn.LayerSpec;

/** The editable parameters of each layer type, and the layer with one of them changed. */
final class LayerForms {
    private LayerForms() {}

    /** The layer types the builder offers, in menu order. */
    static final List<String> TYPES = List.of("Conv2d", "Linear", "BatchNorm2d", "ReLU", "LeakyReLU", "GeneralReLU", "Tanh", "Sigmoid",
        "GELU", "SiLU", "SELU", "MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d", "Flatten");

    /** One parameter: its label and current value as text ({@code ""} for an empty optional value). */
    record Field(String name, String value) {}

    static LayerSpec create(String type) {
        return switch (type) {
            case "Conv2d" -> new LayerSpec.Conv2d(8, 3, 1, 1);
            case "Linear" -> new LayerSpec.Linear(10);
            case "ReLU" -> new LayerSpec.ReLU();
            case "LeakyReLU" -> new LayerSpec.LeakyReLU(0.01);
            case "GeneralReLU" -> new LayerSpec.GeneralReLU(0.1, 0.4, null);
            case "MaxPool2d" -> new LayerSpec.MaxPool2d(2, 2, 0);
            case "AvgPool2d" -> new LayerSpec.AvgPool2d(2, 2, 0);
            case "AdaptiveAvgPool2d" -> new LayerSpec.AdaptiveAvgPool2d();
            case "Flatten" -> new LayerSpec.Flatten();
            case "BatchNorm2d" -> new LayerSpec.BatchNorm2d();
            case "Tanh" -> new LayerSpec.Tanh();
            case "Sigmoid" -> new LayerSpec.Sigmoid();
            case "GELU" -> new LayerSpec.GELU();
            case "SiLU" -> new LayerSpec.SiLU();
            case "SELU" -> new LayerSpec.SELU();
            default -> throw new IllegalArgumentException("unknown layer type '" + type + "'");
        };
    }

    static List<Field> fields(LayerSpec l) {
        if (l instanceof LayerSpec.Conv2d c)
            return List.of(f("out", c.out()), f("k", c.kernel()), f("s", c.stride()), f("p", c.padding()));
        if (l instanceof LayerSpec.Linear c) return List.of(f("out", c.out()));
        if (l instanceof LayerSpec.LeakyReLU c) return List.of(f("slope", c.a()));
        if (l instanceof LayerSpec.GeneralReLU c)
            return List.of(f("leak", c.leak()), f("sub", c.sub()), new Field("max", c.maxv() == null ? "" : num(c.maxv())));
        if (l instanceof LayerSpec.MaxPool2d c) return List.of(f("k", c.kernel()), f("s", c.stride()), f("p", c.padding()));
        if (l instanceof LayerSpec.AvgPool2d c) return List.of(f("k", c.kernel()), f("s", c.stride()), f("p", c.padding()));
        if (l instanceof LayerSpec.BatchNorm2d c) return List.of(f("eps", c.eps()), f("momentum", c.momentum()));
        return List.of();
    }

    /**
     * The layer with field {@code name} set to {@code text}.
     *
     * @throws NumberFormatException when the text is not a number of the right kind
     */
    static LayerSpec with(LayerSpec l, String name, String text) {
        text = text.strip();
        if (l instanceof LayerSpec.Conv2d c) {
            int v = Integer.parseInt(text);
            return switch (name) {
                case "out" -> new LayerSpec.Conv2d(c.in(), v, c.kernel(), c.stride(), c.padding(), c.bias(), c.init());
                case "k" -> new LayerSpec.Conv2d(c.in(), c.out(), v, c.stride(), c.padding(), c.bias(), c.init());
                case "s" -> new LayerSpec.Conv2d(c.in(), c.out(), c.kernel(), v, c.padding(), c.bias(), c.init());
                default -> new LayerSpec.Conv2d(c.in(), c.out(), c.kernel(), c.stride(), v, c.bias(), c.init());
            };
        }
        if (l instanceof LayerSpec.Linear c) return new LayerSpec.Linear(c.in(), Integer.parseInt(text), c.bias(), c.init());
        if (l instanceof LayerSpec.BatchNorm2d c) {
            double v = Double.parseDouble(text);
            return name.equals("eps") ? new LayerSpec.BatchNorm2d(v, c.momentum()) : new LayerSpec.BatchNorm2d(c.eps(), v);
        }
        if (l instanceof LayerSpec.LeakyReLU) return new LayerSpec.LeakyReLU(Double.parseDouble(text));
        if (l instanceof LayerSpec.GeneralReLU c) {
            return switch (name) {
                case "leak" -> new LayerSpec.GeneralReLU(Double.parseDouble(text), c.sub(), c.maxv());
                case "sub" -> new LayerSpec.GeneralReLU(c.leak(), Double.parseDouble(text), c.maxv());
                default -> new LayerSpec.GeneralReLU(c.leak(), c.sub(), text.isEmpty() ? null : Double.valueOf(text));
            };
        }
        if (l instanceof LayerSpec.MaxPool2d c) {
            int v = Integer.parseInt(text);
            return switch (name) {
                case "k" -> new LayerSpec.MaxPool2d(v, c.stride() == c.kernel() ? v : c.stride(), c.padding());
                case "s" -> new LayerSpec.MaxPool2d(c.kernel(), v, c.padding());
                default -> new LayerSpec.MaxPool2d(c.kernel(), c.stride(), v);
            };
        }
        if (l instanceof LayerSpec.AvgPool2d c) {
            int v = Integer.parseInt(text);
            return switch (name) {
                case "k" -> new LayerSpec.AvgPool2d(v, c.stride() == c.kernel() ? v : c.stride(), c.padding());
                case "s" -> new LayerSpec.AvgPool2d(c.kernel(), v, c.padding());
                default -> new LayerSpec.AvgPool2d(c.kernel(), c.stride(), v);
            };
        }
        return l;
    }

    /** Why {@code text} cannot be field {@code name} of the layer, or null when it can (its range is the model's to judge). */
    static String problem(LayerSpec l, String name, String text) {
        try {
            with(l, name, text);
            return null;
        } catch (NumberFormatException e) {
            boolean whole = l instanceof LayerSpec.Conv2d || l instanceof LayerSpec.Linear || l instanceof LayerSpec.MaxPool2d
                || l instanceof LayerSpec.AvgPool2d;
            String optional = l instanceof LayerSpec.GeneralReLU && name.equals("max") ? " (or empty: no clamp)" : "";
            return name + " must be " + (whole ? "a whole number" : "a number") + optional + ", not '" + text.strip() + "'";
        }
    }

    private static Field f(String name, int v) {
        return new Field(name, Integer.toString(v));
    }

    private static Field f(String name, double v) {
        return new Field(name, num(v));
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
