package org.initlab.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import org.initlab.init.InitSpec;
import org.initlab.init.Nonlinearity;
import org.initlab.init.Scheme;

/**
 * Which fields of the Initialization panel the init set now uses, by InitSpec's and Scheme's rules, so
 * the panel enables those and no others.
 */
final class InitFields {
    /** The a slider: where a counts, and under pytorch-default, whose √5 the slider moves off into kaiming-uniform. */
    final BooleanBinding a;
    final BooleanBinding mode, nonlinearity, std, bound;

    InitFields(LabViewModel vm) {
        ObjectProperty<Scheme> s = vm.schemeProperty();
        ObjectProperty<Nonlinearity> n = vm.nonlinearityProperty();
        a = Bindings.createBooleanBinding(() -> InitSpec.usesA(s.get(), n.get()) || s.get() == Scheme.PYTORCH_DEFAULT, s, n);
        mode = Bindings.createBooleanBinding(() -> s.get().usesA(), s);
        nonlinearity = Bindings.createBooleanBinding(() -> s.get().usesNonlinearity(), s);
        std = Bindings.createBooleanBinding(() -> s.get().usesStd(), s);
        bound = Bindings.createBooleanBinding(() -> s.get().usesBound(), s);
    }
}
