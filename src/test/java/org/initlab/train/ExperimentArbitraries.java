package org.initlab.train;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.initlab.data.Mnist;
import org.initlab.init.InitSpec;
import org.initlab.init.Nonlinearity;
import org.initlab.init.Scheme;
import org.initlab.nn.LayerSpec;
import org.initlab.nn.ModelSpec;

/**
 * Experiments whose every field differs from its default (jqwik), for the window's round-trip
 * property. One arbitrary per field, composed per record: a new field of a record gets one line in
 * that record's {@code combine}, a new layer type one entry in {@link #activation()} or {@link #block()}.
 * Doubles carry up to ten decimals, so a control that shows fewer digits and reads them back is caught.
 */
public final class ExperimentArbitraries {
    private ExperimentArbitraries() {}

    public static Arbitrary<Experiment> experiments() {
        return Combinators.combine(names(), models(), inits(), data(), optimizers(), seeds(), Arbitraries.integers().between(2, Experiment.MAX_EPOCHS),
                Arbitraries.integers().between(1, 100_000).filter(b -> b != 64))
            .as(Experiment::new);
    }

    static Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '-', '_', 'é', '√').ofMinLength(1).ofMaxLength(24)
            .filter(s -> !s.isBlank());
    }

    static Arbitrary<Long> seeds() {
        return Arbitraries.longs().filter(s -> s != 0);
    }

    static Arbitrary<Double> doubles(double min, double max) {
        return Arbitraries.doubles().between(min, max).ofScale(10);
    }

    /** A nonlinearity only where the scheme takes one (then gain stays 1: one or the other); std and bound only where used. */
    public static Arbitrary<InitSpec> inits() {
        return Arbitraries.of(Scheme.class).flatMap(scheme -> Combinators.combine(
                scheme == Scheme.PYTORCH_DEFAULT ? Arbitraries.just(InitSpec.PYTORCH_A) : doubles(0.001, 6), Arbitraries.of(InitSpec.Mode.FAN_OUT),
                Arbitraries.of(InitSpec.Bias.class), doubles(0.05, 4).filter(g -> g != 1),
                scheme.usesNonlinearity() ? Arbitraries.of(Nonlinearity.class).injectNull(0.4) : Arbitraries.just((Nonlinearity) null),
                doubles(0.001, 3).filter(v -> v != 1), doubles(0.001, 3).filter(v -> v != 1))
            .as((a, mode, bias, gain, nl, std, bound) -> new InitSpec(scheme, a, mode, bias, nl == null ? gain : 1, nl, std, bound)));
    }

    /** A layer's own init (issue: per-layer inits in model files): any scheme but lsuv, which calibrates the whole model. */
    static Arbitrary<InitSpec> layerInits() {
        return inits().filter(i -> i.scheme() != Scheme.LSUV).injectNull(0.5);
    }

    static Arbitrary<Experiment.Data> data() {
        Arbitrary<String> folder = Combinators.combine(Arbitraries.of("data/", "/tmp/initlab-", "./sets/", "~/fashion "),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12), Arbitraries.of("", "/"))
            .as((a, b, c) -> a + b + c);
        Arbitrary<String> split = Arbitraries.of(Mnist.Split.class).map(Mnist.Split::id);
        return Combinators.combine(folder, split, split).as(Experiment.Data::new)
            .filter(d -> !(d.train().equals("train") && d.eval().equals("test")));
    }

    static Arbitrary<OptimizerSpec> optimizers() {
        return Arbitraries.of(OptimizerSpec.Kind.class).flatMap(kind -> Combinators.combine(doubles(1e-6, 2).filter(lr -> lr != 1e-3),
                kind == OptimizerSpec.Kind.SGD ? Arbitraries.just(0.0) : doubles(0.01, 0.99).filter(m -> m != 0.9),
                doubles(1e-7, 0.5), doubles(0.01, 0.89), doubles(0.5, 0.998), doubles(1e-10, 1e-3).filter(e -> e != 1e-8))
            .as((lr, m, wd, b1, b2, eps) -> new OptimizerSpec(kind, lr, m, wd, b1, b2, eps)));
    }

    /** A conv stack, then a head; models whose shapes do not work out are filtered (rare with these sizes). */
    static Arbitrary<ModelSpec> models() {
        Arbitrary<List<List<LayerSpec>>> blocks = Combinators.combine(block(), activation()).as(List::of).list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<List<LayerSpec>> head = Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(1, 12), Arbitraries.of(true, false),
                layerInits())
            .as((pool, out, bias, init) -> pool ? List.of(new LayerSpec.AdaptiveAvgPool2d(), new LayerSpec.Flatten(), new LayerSpec.Linear(0, out, bias, init))
                : List.<LayerSpec>of(new LayerSpec.Flatten(), new LayerSpec.Linear(0, out, bias, init)));
        Arbitrary<long[]> input = Combinators.combine(Arbitraries.integers().between(1, 3), Arbitraries.integers().between(12, 32))
            .as((c, hw) -> new long[] {c, hw, hw});
        return Combinators.combine(names(), blocks, head, input, Arbitraries.of("mse", "mean", "cross-entropy"))
            .as((name, bs, h, in, loss) -> {
                List<LayerSpec> layers = new ArrayList<>();
                bs.forEach(layers::addAll);
                layers.addAll(h);
                return new ModelSpec(name, layers, in, loss);
            })
            .filter(m -> {
                try {
                    m.shapes();
                    return true;
                } catch (IllegalArgumentException e) {
                    return false;
                }
            });
    }

    static Arbitrary<LayerSpec> block() {
        return Combinators.combine(Arbitraries.integers().between(1, 16), Arbitraries.integers().between(1, 4), Arbitraries.integers().between(2, 3),
                Arbitraries.integers().between(1, 2), Arbitraries.of(false), layerInits())
            .as((out, k, s, p, bias, init) -> new LayerSpec.Conv2d(0, out, k, s, Math.min(p, k), bias, init));
    }

    static Arbitrary<LayerSpec> activation() {
        return Arbitraries.oneOf(
            Arbitraries.<LayerSpec>of(new LayerSpec.ReLU(), new LayerSpec.Tanh(), new LayerSpec.Sigmoid(), new LayerSpec.GELU(), new LayerSpec.SiLU(),
                new LayerSpec.SELU()),
            doubles(0.001, 0.9).map(LayerSpec.LeakyReLU::new),
            Combinators.combine(doubles(0.001, 0.5), doubles(0.01, 1), doubles(1, 10).injectNull(0.3)).as(LayerSpec.GeneralReLU::new),
            Combinators.combine(doubles(1e-8, 1e-2).filter(e -> e != 1e-5), doubles(0.01, 1).filter(m -> m != 0.1)).as(LayerSpec.BatchNorm2d::new),
            Combinators.combine(Arbitraries.integers().between(1, 2), Arbitraries.integers().between(1, 2)).as((k, s) -> new LayerSpec.MaxPool2d(k, s, 0)),
            Combinators.combine(Arbitraries.integers().between(1, 2), Arbitraries.integers().between(1, 2)).as((k, s) -> new LayerSpec.AvgPool2d(k, s, 0)));
    }
}
