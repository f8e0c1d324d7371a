package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.initlab.data.Mnist;
import org.initlab.init.InitSpec;
import org.initlab.init.Nonlinearity;
import org.initlab.init.Scheme;
import org.initlab.nn.LayerSpec;
import org.initlab.train.Experiment;
import org.initlab.train.ExperimentArbitraries;
import org.initlab.train.OptimizerSpec;

/**
 * Every field of an experiment survives the window: a generated experiment (every field away from
 * its default) is written to a file, opened in the real window (headless), its text fields and
 * spinners are committed as a user leaving them would, and then Save… and the autosave must give
 * back the FILE THAT WAS OPENED, field for field. Then one control is changed, and exactly its
 * field (plus the couplings the controls document) differs from the opened file.
 */
class ExperimentRoundTripGuiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static Path dir;
    static LabViewModel vm;
    static LabWindow window;
    static TrainingViewModel tvm;
    static Stage stage;

    @BeforeContainer
    static void openWindow() throws Exception {
        Fx.start();
        dir = Files.createTempDirectory("initlab-roundtrip");
        Fx.run(() -> {
            vm = new LabViewModel(LabWindowGuiTest.DATA); // the engine is not started: only settings travel here
            window = new LabWindow(vm, 1400, 900, dir.resolve("session"));
            tvm = window.training();
            stage = new Stage();
            stage.setScene(window.scene());
            stage.show();
            window.showTab("training");
        });
    }

    @AfterContainer
    static void closeWindow() throws Exception {
        Fx.run(() -> stage.close());
        vm.close();
    }

    @Provide
    Arbitrary<Experiment> experiments() {
        return ExperimentArbitraries.experiments();
    }

    @Property(tries = 75)
    void openThenSaveGivesTheOpenedFileBack(@ForAll("experiments") Experiment e) throws Exception {
        Path opened = open(e);
        Path saved = dir.resolve("saved.json");
        assertTrue(Fx.call(() -> tvm.save(saved)), () -> message());
        assertEquals(Map.of(), diff(opened, saved), "Save… changed these fields (opened → saved)");
        Fx.call(() -> tvm.autosaveNow()).get(30, TimeUnit.SECONDS);
        assertEquals(Map.of(), diff(opened, tvm.sessionDir().resolve(TrainingViewModel.AUTOSAVE)), "the autosave changed these fields");
    }

    @Property(tries = 75)
    void oneControlChangesExactlyItsField(@ForAll("experiments") Experiment e, @ForAll long salt) throws Exception {
        Path opened = open(e);
        Random r = new Random(salt);
        Set<String> expected = Fx.call(() -> changeOneControl(e, r));
        Path saved = dir.resolve("changed.json");
        assertTrue(Fx.call(() -> tvm.save(saved)), () -> message());
        Map<String, String> changed = diff(opened, saved);
        assertEquals(new TreeSet<>(expected), new TreeSet<>(changed.keySet()), "changed: " + changed);
    }

    /** Writes the experiment, opens it in the window and commits every text control as a user tabbing through would. */
    Path open(Experiment e) throws Exception {
        Path f = dir.resolve("opened.json");
        e.save(f);
        assertTrue(Fx.call(() -> tvm.open(f)), () -> message());
        Fx.run(() -> {
            TextField lr = node("trainLr");
            lr.getOnAction().handle(null);
            for (String id : new String[] {"trainEpochs", "trainBatch", "trainSeed"}) ((Spinner<?>) node(id)).commitValue();
            for (Node n : window.scene().getRoot().lookupAll(".field"))
                if (n instanceof TextField t && t.getOnAction() != null) t.getOnAction().handle(null);
        });
        return f;
    }

    /** Changes one control, chosen by r, through the window where a control exists; returns the fields that should differ. */
    Set<String> changeOneControl(Experiment e, Random r) {
        Set<String> fields = new HashSet<>();
        OptimizerSpec o = e.optimizer();
        InitSpec init = e.init();
        switch (r.nextInt(16)) {
            case 0 -> {
                TextField lr = node("trainLr");
                lr.setText(String.valueOf(o.lr() * 1.5));
                lr.getOnAction().handle(null);
                fields.add("optimizer.lr");
            }
            case 1 -> set("trainEpochs", e.epochs() == 1 ? 2 : e.epochs() - 1, fields, "epochs");
            case 2 -> set("trainBatch", e.batch() + 1, fields, "batch");
            case 3 -> set("trainSeed", e.seed() ^ 1, fields, "seed");
            case 4 -> {
                OptimizerSpec.Kind k = OptimizerSpec.Kind.values()[(o.kind().ordinal() + 1 + r.nextInt(2)) % 3];
                ExperimentRoundTripGuiTest.<OptimizerSpec.Kind>combo("trainOptimizer").setValue(k);
                fields.add("optimizer.kind");
                // sgd has no momentum: the documented coupling (saved as 0; leaving sgd brings the momentum field's value back)
                double momentumAfter = k == OptimizerSpec.Kind.SGD ? 0 : tvm.momentumProperty().get();
                if (momentumAfter != o.momentum()) fields.add("optimizer.momentum");
            }
            case 5 -> {
                if (o.kind() == OptimizerSpec.Kind.SGD) return fields; // sgd saves no momentum: the field stays 0
                tvm.momentumProperty().set(o.momentum() / 2);
                fields.add("optimizer.momentum");
            }
            case 6 -> {
                tvm.weightDecayProperty().set(o.weightDecay() * 3);
                fields.add("optimizer.weight_decay");
            }
            case 7 -> {
                switch (r.nextInt(3)) {
                    case 0 -> { tvm.beta1Property().set(o.beta1() / 2); fields.add("optimizer.beta1"); }
                    case 1 -> { tvm.beta2Property().set(o.beta2() / 2); fields.add("optimizer.beta2"); }
                    default -> { tvm.epsProperty().set(o.eps() * 2); fields.add("optimizer.eps"); }
                }
            }
            case 8 -> {
                tvm.nameProperty().set(e.name() + "x");
                fields.add("name");
            }
            case 9 -> {
                boolean train = r.nextBoolean();
                var p = train ? tvm.trainSplitProperty() : tvm.evalSplitProperty();
                p.set(p.get() == Mnist.Split.TRAIN ? Mnist.Split.TEST : Mnist.Split.TRAIN);
                fields.add(train ? "data.train" : "data.eval");
            }
            case 10 -> {
                vm.dataFolderProperty().set(Path.of(e.data().folder()).resolveSibling("elsewhere"));
                fields.add("data.folder");
            }
            case 11 -> {
                Scheme s = Scheme.values()[(init.scheme().ordinal() + 1 + r.nextInt(Scheme.values().length - 1)) % Scheme.values().length];
                ExperimentRoundTripGuiTest.<Scheme>combo("scheme").setValue(s);
                // the picker's documented couplings: pytorch-default fixes a = √5 and its bias; another scheme zeroes the bias,
                // except pytorch-default → kaiming-uniform (the same draw with another a); a nonlinearity, std or bound shows
                // only under a scheme that uses it (the window keeps it for the next such scheme)
                InitSpec.Bias bias = s == Scheme.PYTORCH_DEFAULT ? InitSpec.Bias.DEFAULT
                    : init.scheme() == Scheme.PYTORCH_DEFAULT && s == Scheme.KAIMING_UNIFORM ? init.bias() : InitSpec.Bias.ZERO;
                // the picker presets the nonlinearity from the activation after the weight layer; one in effect replaces the gain
                Nonlinearity nl = s.usesNonlinearity() ? vm.nonlinearityProperty().get() : null;
                InitSpec after = new InitSpec(s, s == Scheme.PYTORCH_DEFAULT ? InitSpec.PYTORCH_A : init.a(), init.mode(), bias,
                    nl == null ? init.gain() : 1, nl, init.std(), init.bound());
                fields.addAll(changed(init, after, "init."));
            }
            case 12 -> {
                Slider a = node("aSlider");
                a.setValue(init.a() == 0.5 ? 0.25 : 0.5);
                if (init.usesA()) fields.add("init.a"); // an a the init does not use is not saved
                if (init.scheme() == Scheme.PYTORCH_DEFAULT) fields.addAll(Set.of("init.scheme", "init.a", "init.mode")); // moving a away from √5 is kaiming-uniform
            }
            case 13 -> {
                switch (r.nextInt(3)) {
                    case 0 -> {
                        ExperimentRoundTripGuiTest.<InitSpec.Mode>combo("mode").setValue(InitSpec.Mode.FAN_IN);
                        if (init.scheme().usesA()) fields.add("init.mode"); // a mode the init does not use is not saved
                    }
                    case 1 -> {
                        ExperimentRoundTripGuiTest.<InitSpec.Bias>combo("bias").setValue(init.bias() == InitSpec.Bias.ZERO ? InitSpec.Bias.DEFAULT : InitSpec.Bias.ZERO);
                        fields.add("init.bias");
                    }
                    default -> {
                        if (init.nonlinearity() != null) return fields; // gain or nonlinearity, not both: the gain is not the control here
                        vm.gainProperty().set(init.gain() + 0.25);
                        if (init.scheme().usesGain()) fields.add("init.gain"); // a gain the init does not use is not saved
                    }
                }
            }
            case 14 -> {
                if (init.scheme().usesStd()) {
                    vm.stdProperty().set(init.std() * 2);
                    fields.add("init.std");
                } else if (init.scheme().usesBound()) {
                    vm.boundProperty().set(init.bound() * 2);
                    fields.add("init.bound");
                } else if (init.nonlinearity() != null) {
                    Nonlinearity next = Nonlinearity.values()[(init.nonlinearity().ordinal() + 1) % Nonlinearity.values().length];
                    vm.nonlinearityProperty().set(next);
                    // to or from leaky_relu, a starts or stops counting, and is saved or dropped with it
                    fields.addAll(changed(init, init.withNonlinearity(next), "init."));
                }
            }
            default -> changeOneLayerField(e, r, fields);
        }
        return fields;
    }

    /** A layer's parameter, typed into its field in the layer builder. */
    void changeOneLayerField(Experiment e, Random r, Set<String> fields) {
        var layers = e.model().layers();
        int i = r.nextInt(layers.size());
        var form = LayerForms.fields(layers.get(i));
        if (form.isEmpty()) return; // ReLU, Flatten…: nothing to type
        var f = form.get(r.nextInt(form.size()));
        boolean integer = layers.get(i) instanceof LayerSpec.Conv2d || layers.get(i) instanceof LayerSpec.Linear
            || layers.get(i) instanceof LayerSpec.MaxPool2d || layers.get(i) instanceof LayerSpec.AvgPool2d;
        String text = integer ? String.valueOf(Integer.parseInt(f.value()) + 1) : f.value().isEmpty() ? "7.5" : String.valueOf(Double.parseDouble(f.value()) / 2);
        var edited = new java.util.ArrayList<>(layers);
        edited.set(i, LayerForms.with(layers.get(i), f.name(), text));
        try {
            e.model().withLayers(edited).shapes();
        } catch (IllegalArgumentException impossible) {
            return; // a value the shapes cannot take is refused by the builder, not saved: not this property's business
        }
        TextField t = node("layer" + i + "-" + f.name());
        t.setText(text);
        t.getOnAction().handle(null);
        String json = switch (f.name()) {
            case "k" -> "kernel";
            case "s" -> "stride";
            case "p" -> "padding";
            case "slope" -> "a";
            case "max" -> "maxv";
            default -> f.name();
        };
        fields.add("model.layers[" + i + "]." + json);
        if (!e.model().name().equals("custom")) fields.add("model.name"); // an edited model is no longer the one named: "custom"
        // a pool's stride that follows its kernel (PyTorch's stride = kernel) follows it on
        if (json.equals("kernel") && (layers.get(i) instanceof LayerSpec.MaxPool2d m && m.stride() == m.kernel()
            || layers.get(i) instanceof LayerSpec.AvgPool2d a && a.stride() == a.kernel())) fields.add("model.layers[" + i + "].stride");
    }

    /** The leaf fields (under prefix) that differ between two records as JSON. */
    static Set<String> changed(Object before, Object after, String prefix) {
        Map<String, JsonNode> a = new TreeMap<>(), b = new TreeMap<>();
        leaves("", JSON.valueToTree(before), a);
        leaves("", JSON.valueToTree(after), b);
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        Set<String> out = new TreeSet<>();
        for (String k : keys) if (!java.util.Objects.equals(a.get(k), b.get(k))) out.add(prefix + k);
        return out;
    }

    <T> void set(String id, T value, Set<String> fields, String field) {
        @SuppressWarnings("unchecked")
        Spinner<T> s = (Spinner<T>) window.scene().lookup("#" + id);
        s.getValueFactory().setValue(value);
        fields.add(field);
    }

    @SuppressWarnings("unchecked")
    static <T> ComboBox<T> combo(String id) {
        return (ComboBox<T>) node(id);
    }

    @SuppressWarnings("unchecked")
    static <T> T node(String id) {
        Node n = window.scene().lookup("#" + id);
        if (n == null) throw new AssertionError("no node #" + id);
        return (T) n;
    }

    static String message() {
        try {
            return Fx.call(() -> tvm.messageProperty().get());
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** Leaf fields that differ between two JSON files, as "path: before → after". */
    static Map<String, String> diff(Path before, Path after) throws IOException {
        Map<String, JsonNode> a = new TreeMap<>(), b = new TreeMap<>();
        leaves("", JSON.readTree(before.toFile()), a);
        leaves("", JSON.readTree(after.toFile()), b);
        Map<String, String> out = new TreeMap<>();
        Set<String> keys = new HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys)
            if (!java.util.Objects.equals(a.get(k), b.get(k))) out.put(k, a.get(k) + " → " + b.get(k));
        return out;
    }

    static void leaves(String path, JsonNode n, Map<String, JsonNode> out) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                var f = it.next();
                leaves(path.isEmpty() ? f.getKey() : path + "." + f.getKey(), f.getValue(), out);
            }
        } else if (n.isArray() && n.size() > 0 && n.get(0).isContainerNode()) {
            for (int i = 0; i < n.size(); i++) leaves(path + "[" + i + "]", n.get(i), out);
        } else {
            out.put(path, n);
        }
    }
}
