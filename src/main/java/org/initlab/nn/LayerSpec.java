package org.initlab.nn;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.initlab.init.InitSpec;
import org.initlab.init.Scheme;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The configuration of one layer: immutable, JSON-readable ({@code {"type":"Conv2d","out":8,...}}).
 * Input channels/features are inferred from the previous layer, as PyTorch's lazy modules do;
 * an explicit {@code in} is checked against that.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = LayerSpec.Conv2d.class, name = "Conv2d"),
    @JsonSubTypes.Type(value = LayerSpec.Linear.class, name = "Linear"),
    @JsonSubTypes.Type(value = LayerSpec.ReLU.class, name = "ReLU"),
    @JsonSubTypes.Type(value = LayerSpec.LeakyReLU.class, name = "LeakyReLU"),
    @JsonSubTypes.Type(value = LayerSpec.GeneralReLU.class, name = "GeneralReLU"),
    @JsonSubTypes.Type(value = LayerSpec.MaxPool2d.class, name = "MaxPool2d"),
    @JsonSubTypes.Type(value = LayerSpec.AvgPool2d.class, name = "AvgPool2d"),
    @JsonSubTypes.Type(value = LayerSpec.AdaptiveAvgPool2d.class, name = "AdaptiveAvgPool2d"),
    @JsonSubTypes.Type(value = LayerSpec.Flatten.class, name = "Flatten"),
    @JsonSubTypes.Type(value = LayerSpec.BatchNorm2d.class, name = "BatchNorm2d"),
    @JsonSubTypes.Type(value = LayerSpec.Tanh.class, name = "Tanh"),
    @JsonSubTypes.Type(value = LayerSpec.Sigmoid.class, name = "Sigmoid"),
    @JsonSubTypes.Type(value = LayerSpec.GELU.class, name = "GELU"),
    @JsonSubTypes.Type(value = LayerSpec.SiLU.class, name = "SiLU"),
    @JsonSubTypes.Type(value = LayerSpec.SELU.class, name = "SELU"),
})
public sealed interface LayerSpec {
    /** The output shape for an input shape without the batch dimension; throws with a reason if impossible. */
    long[] outputShape(long[] in);

    Layer build(long[] in, DataType dtype);

    /** PyTorch-like one-line description, e.g. {@code Conv2d(1, 8, k=5, s=2, p=2)}. */
    String describe(long[] in);

    /** This layer's own init, overriding the model's; null for the model's (and for layers without weights). */
    default InitSpec init() {
        return null;
    }

    /** This layer's own init if it has one, else the model's. */
    default InitSpec initOr(InitSpec modelInit) {
        return init() == null ? modelInit : init();
    }

    /**
     * @param stride left out is 1; an explicit 0 is refused by {@link #outputShape}, naming the field
     * @param init this layer's own init, or null for the model's
     */
    record Conv2d(int in, int out, int kernel, Integer stride, int padding, Boolean bias,
                  @JsonInclude(JsonInclude.Include.NON_NULL) InitSpec init) implements LayerSpec {
        public Conv2d {
            if (stride == null) stride = 1;
            if (bias == null) bias = true;
            requireLayerInit(init);
        }

        public Conv2d(int in, int out, int kernel, int stride, int padding, Boolean bias) {
            this(in, out, kernel, stride, padding, bias, null);
        }

        public Conv2d(int out, int kernel, int stride, int padding) {
            this(0, out, kernel, stride, padding, true);
        }

        public Conv2d withInit(InitSpec newInit) {
            return new Conv2d(in, out, kernel, stride, padding, bias, newInit);
        }

        @Override
        public long[] outputShape(long[] s) {
            require(s.length == 3, "Conv2d needs a [C, H, W] input, got " + Shapes.str(s) + " (remove the Flatten before it?)");
            require(out > 0, "out channels must be > 0 (got " + out + ")");
            require(kernel > 0, "kernel must be > 0 (got " + kernel + ")");
            require(stride > 0, "stride must be > 0 (got " + stride + ")");
            require(padding >= 0, "padding must be ≥ 0 (got " + padding + ")");
            require(in <= 0 || in == s[0], "declares " + in + " input channels but receives " + s[0]);
            long h = s[1] + 2L * padding, w = s[2] + 2L * padding;
            require(kernel <= h && kernel <= w, "kernel " + kernel + " is larger than its padded input " + h + "×" + w);
            return new long[] {out, (h - kernel) / stride + 1, (w - kernel) / stride + 1};
        }

        @Override
        public Layer build(long[] s, DataType dtype) {
            return new org.initlab.nn.Conv2d((int) s[0], out, kernel, stride, padding, bias, dtype);
        }

        @Override
        public String describe(long[] s) {
            return "Conv2d(" + s[0] + ", " + out + ", k=" + kernel + ", s=" + stride + ", p=" + padding + (bias ? "" : ", no bias") + ")" + initSuffix(init);
        }
    }

    /** @param init this layer's own init, or null for the model's */
    record Linear(int in, int out, Boolean bias, @JsonInclude(JsonInclude.Include.NON_NULL) InitSpec init) implements LayerSpec {
        public Linear {
            if (bias == null) bias = true;
            requireLayerInit(init);
        }

        public Linear(int in, int out, Boolean bias) {
            this(in, out, bias, null);
        }

        public Linear(int out) {
            this(0, out, true);
        }

        public Linear withInit(InitSpec newInit) {
            return new Linear(in, out, bias, newInit);
        }

        @Override
        public long[] outputShape(long[] s) {
            require(s.length == 1, "Linear needs a flat [features] input, got " + Shapes.str(s) + " (add a Flatten before it)");
            require(out > 0, "out features must be > 0 (got " + out + ")");
            require(in <= 0 || in == s[0], "declares " + in + " input features but receives " + s[0]);
            return new long[] {out};
        }

        @Override
        public Layer build(long[] s, DataType dtype) {
            return new org.initlab.nn.Linear((int) s[0], out, bias, dtype);
        }

        @Override
        public String describe(long[] s) {
            return "Linear(" + s[0] + ", " + out + (bias ? "" : ", no bias") + ")" + initSuffix(init);
        }
    }

    record ReLU() implements LayerSpec {
        @Override public long[] outputShape(long[] s) { return s; }
        @Override public Layer build(long[] s, DataType dtype) { return Relu.relu(); }
        @Override public String describe(long[] s) { return "ReLU"; }
    }

    record LeakyReLU(double a) implements LayerSpec {
        @Override
        public long[] outputShape(long[] s) {
            require(Double.isFinite(a), "negative slope must be a finite number");
            return s;
        }

        @Override public Layer build(long[] s, DataType dtype) { return Relu.leaky(a); }
        @Override public String describe(long[] s) { return "LeakyReLU(" + a + ")"; }
    }

    /** fastai's GeneralRelu; {@code maxv} null for no clamp. */
    record GeneralReLU(double leak, double sub, Double maxv) implements LayerSpec {
        @Override
        public long[] outputShape(long[] s) {
            require(Double.isFinite(leak) && Double.isFinite(sub), "leak and sub must be finite numbers");
            return s;
        }

        @Override
        public Layer build(long[] s, DataType dtype) {
            return Relu.general(leak, sub, maxv == null ? Double.NaN : maxv);
        }

        @Override
        public String describe(long[] s) {
            return "GeneralReLU(leak=" + leak + ", sub=" + sub + (maxv == null ? "" : ", maxv=" + maxv) + ")";
        }
    }

    /** {@code stride} left out is the kernel (PyTorch's default); an explicit 0 is refused, naming the field. */
    record MaxPool2d(int kernel, Integer stride, int padding) implements LayerSpec {
        public MaxPool2d {
            if (stride == null) stride = kernel;
        }

        @Override public long[] outputShape(long[] s) { return poolShape("MaxPool2d", s, kernel, stride, padding); }
        @Override public Layer build(long[] s, DataType dtype) { return new Pool2d(true, kernel, stride, padding); }
        @Override public String describe(long[] s) { return "MaxPool2d(k=" + kernel + ", s=" + stride + ", p=" + padding + ")"; }
    }

    /** {@code stride} left out is the kernel (PyTorch's default); an explicit 0 is refused, naming the field. */
    record AvgPool2d(int kernel, Integer stride, int padding) implements LayerSpec {
        public AvgPool2d {
            if (stride == null) stride = kernel;
        }

        @Override public long[] outputShape(long[] s) { return poolShape("AvgPool2d", s, kernel, stride, padding); }
        @Override public Layer build(long[] s, DataType dtype) { return new Pool2d(false, kernel, stride, padding); }
        @Override public String describe(long[] s) { return "AvgPool2d(k=" + kernel + ", s=" + stride + ", p=" + padding + ")"; }
    }

    record AdaptiveAvgPool2d() implements LayerSpec {
        @Override
        public long[] outputShape(long[] s) {
            require(s.length == 3, "AdaptiveAvgPool2d needs a [C, H, W] input, got " + Shapes.str(s));
            return new long[] {s[0], 1, 1};
        }

        @Override public Layer build(long[] s, DataType dtype) { return new GlobalAvgPool(); }
        @Override public String describe(long[] s) { return "AdaptiveAvgPool2d(1)"; }
    }

    record Flatten() implements LayerSpec {
        @Override
        public long[] outputShape(long[] s) {
            long n = 1;
            for (long d : s) n *= d;
            return new long[] {n};
        }

        @Override public Layer build(long[] s, DataType dtype) { return new org.initlab.nn.Flatten(); }
        @Override public String describe(long[] s) { return "Flatten"; }
    }

    /** BatchNorm2d over the channels; {@code eps} (default 1e-5) and {@code momentum} (default 0.1) as PyTorch. */
    record BatchNorm2d(Double eps, Double momentum) implements LayerSpec {
        public BatchNorm2d {
            if (eps == null) eps = 1e-5;
            if (momentum == null) momentum = 0.1;
        }

        public BatchNorm2d() {
            this(null, null);
        }

        @Override
        public long[] outputShape(long[] s) {
            require(s.length == 3, "BatchNorm2d needs a [C, H, W] input, got " + Shapes.str(s));
            require(Double.isFinite(eps) && eps > 0, "eps must be a finite number > 0 (got " + eps + ")");
            require(momentum >= 0 && momentum <= 1, "momentum must be between 0 and 1 (got " + momentum + ")");
            return s;
        }

        @Override
        public Layer build(long[] s, DataType dtype) {
            return new org.initlab.nn.BatchNorm2d((int) s[0], eps, momentum, dtype);
        }

        @Override
        public String describe(long[] s) {
            return "BatchNorm2d(" + s[0] + ", eps=" + eps + ", momentum=" + momentum + ")";
        }
    }

    /** tanh; see {@link Activation.Kind} for each activation's forward and derivative. */
    record Tanh() implements LayerSpec {
        @Override public long[] outputShape(long[] s) { return s; }
        @Override public Layer build(long[] s, DataType dtype) { return new Activation(Activation.Kind.TANH); }
        @Override public String describe(long[] s) { return "Tanh"; }
    }

    record Sigmoid() implements LayerSpec {
        @Override public long[] outputShape(long[] s) { return s; }
        @Override public Layer build(long[] s, DataType dtype) { return new Activation(Activation.Kind.SIGMOID); }
        @Override public String describe(long[] s) { return "Sigmoid"; }
    }

    /** The exact GELU x·Φ(x), PyTorch's default (approximate='none'). */
    record GELU() implements LayerSpec {
        @Override public long[] outputShape(long[] s) { return s; }
        @Override public Layer build(long[] s, DataType dtype) { return new Activation(Activation.Kind.GELU); }
        @Override public String describe(long[] s) { return "GELU"; }
    }

    record SiLU() implements LayerSpec {
        @Override public long[] outputShape(long[] s) { return s; }
        @Override public Layer build(long[] s, DataType dtype) { return new Activation(Activation.Kind.SILU); }
        @Override public String describe(long[] s) { return "SiLU"; }
    }

    record SELU() implements LayerSpec {
        @Override public long[] outputShape(long[] s) { return s; }
        @Override public Layer build(long[] s, DataType dtype) { return new Activation(Activation.Kind.SELU); }
        @Override public String describe(long[] s) { return "SELU"; }
    }

    /** LSUV calibrates the whole net in order, so a single layer cannot ask for it. */
    private static void requireLayerInit(InitSpec init) {
        require(init == null || init.scheme() != Scheme.LSUV, "init: lsuv applies to the whole model, not to one layer");
    }

    private static String initSuffix(InitSpec init) {
        return init == null ? "" : " · " + init;
    }

    private static long[] poolShape(String name, long[] s, int kernel, int stride, int padding) {
        require(s.length == 3, name + " needs a [C, H, W] input, got " + Shapes.str(s));
        require(kernel > 0, "kernel must be > 0 (got " + kernel + ")");
        require(stride > 0, "stride must be > 0 (got " + stride + ")");
        require(padding >= 0 && 2 * padding <= kernel, "padding must be between 0 and kernel/2 (got " + padding + ")");
        long h = s[1] + 2L * padding, w = s[2] + 2L * padding;
        require(kernel <= h && kernel <= w, "kernel " + kernel + " is larger than its padded input " + h + "×" + w);
        return new long[] {s[0], (h - kernel) / stride + 1, (w - kernel) / stride + 1};
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
