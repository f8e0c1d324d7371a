package org.initlab.init;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The initialization schemes, by their CLI names. */
public enum Scheme {
    PYTORCH_DEFAULT("pytorch-default"),
    KAIMING_UNIFORM("kaiming-uniform"),
    KAIMING_NORMAL("kaiming-normal"),
    XAVIER_UNIFORM("xavier-uniform"),
    XAVIER_NORMAL("xavier-normal"),
    LECUN_NORMAL("lecun-normal"),
    LECUN_UNIFORM("lecun-uniform"),
    NORMAL("normal"),
    UNIFORM("uniform"),
    TRUNC_NORMAL("trunc-normal"),
    ORTHOGONAL("orthogonal"),
    LSUV("lsuv"),
    ZEROS("zeros");

    private final String id;

    Scheme(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Whether the leaky gain a and the fan mode apply. */
    public boolean usesA() {
        return this == KAIMING_UNIFORM || this == KAIMING_NORMAL;
    }

    public boolean usesGain() {
        return this == XAVIER_UNIFORM || this == XAVIER_NORMAL || this == ORTHOGONAL;
    }

    /** Whether {@code nonlinearity} picks the gain: Kaiming's {@code nonlinearity=}, and the gain of Xavier and orthogonal. */
    public boolean usesNonlinearity() {
        return usesA() || usesGain();
    }

    /** normal and trunc-normal take an explicit std. */
    public boolean usesStd() {
        return this == NORMAL || this == TRUNC_NORMAL;
    }

    /** uniform takes an explicit bound. */
    public boolean usesBound() {
        return this == UNIFORM;
    }

    public static Scheme parse(String s) {
        for (Scheme v : values()) if (v.id.equalsIgnoreCase(s)) return v;
        throw new IllegalArgumentException("unknown init '" + s + "' (" + Arrays.stream(values()).map(Scheme::id).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return id;
    }
}
