package org.initlab.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Optimizer settings (configuration only; run-time state lives in the {@link Optimizer}).
 * {@code sgd} is plain SGD (its momentum is 0); {@code momentum} is SGD with momentum (default 0.9);
 * {@code adam} uses beta1, beta2, eps (defaults 0.9, 0.999, 1e-8). Fields a kind does not use are kept as given.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OptimizerSpec(Kind kind, double lr, double momentum, @JsonProperty("weight_decay") double weightDecay,
                            double beta1, double beta2, double eps) {
    public enum Kind {
        SGD, MOMENTUM, ADAM;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Kind parse(String s) {
            for (Kind k : values()) if (k.id().equalsIgnoreCase(s)) return k;
            throw new IllegalArgumentException("unknown optimizer '" + s + "' (sgd, momentum, adam)");
        }
    }

    public OptimizerSpec {
        if (kind == null) throw new IllegalArgumentException("optimizer kind is missing (sgd, momentum, adam)");
        if (!(lr > 0) || !Double.isFinite(lr)) throw new IllegalArgumentException("lr must be a finite number > 0 (got " + lr + ")");
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("momentum must be in [0, 1) (got " + momentum + ")");
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) throw new IllegalArgumentException("weight_decay must be a finite number ≥ 0 (got " + weightDecay + ")");
        if (!(beta1 >= 0 && beta1 < 1)) throw new IllegalArgumentException("beta1 must be in [0, 1) (got " + beta1 + ")");
        if (!(beta2 >= 0 && beta2 < 1)) throw new IllegalArgumentException("beta2 must be in [0, 1) (got " + beta2 + ")");
        if (!(eps > 0) || !Double.isFinite(eps)) throw new IllegalArgumentException("eps must be a finite number > 0 (got " + eps + ")");
        if (kind == Kind.SGD && momentum != 0)
            throw new IllegalArgumentException("momentum must be 0 for kind sgd (got " + momentum + "); kind momentum uses it");
    }

    /** Defaults for a kind: momentum 0.9 for MOMENTUM, Adam's betas and eps. */
    public static OptimizerSpec of(Kind kind, double lr, double weightDecay) {
        return new OptimizerSpec(kind, lr, kind == Kind.MOMENTUM ? 0.9 : 0, weightDecay, 0.9, 0.999, 1e-8);
    }

    @JsonCreator
    static OptimizerSpec fromJson(@JsonProperty("kind") Kind kind, @JsonProperty("lr") Double lr, @JsonProperty("momentum") Double momentum,
                                  @JsonProperty("weight_decay") Double wd, @JsonProperty("beta1") Double b1,
                                  @JsonProperty("beta2") Double b2, @JsonProperty("eps") Double eps) {
        if (kind == null) throw new IllegalArgumentException("optimizer kind is missing (sgd, momentum, adam)");
        if (lr == null) throw new IllegalArgumentException("lr is missing");
        return new OptimizerSpec(kind, lr, momentum != null ? momentum : kind == Kind.MOMENTUM ? 0.9 : 0, wd == null ? 0 : wd,
            b1 == null ? 0.9 : b1, b2 == null ? 0.999 : b2, eps == null ? 1e-8 : eps);
    }

    public Optimizer build() {
        return kind == Kind.ADAM ? new Adam(lr, beta1, beta2, eps, weightDecay) : new Sgd(lr, momentum, weightDecay);
    }

    @Override
    public String toString() {
        String s = kind.id() + " lr=" + lr;
        if (kind == Kind.MOMENTUM) s += " momentum=" + momentum;
        if (kind == Kind.ADAM && (beta1 != 0.9 || beta2 != 0.999 || eps != 1e-8)) s += " betas=(" + beta1 + ", " + beta2 + ") eps=" + eps;
        if (weightDecay != 0) s += " weight_decay=" + weightDecay;
        return s;
    }
}
