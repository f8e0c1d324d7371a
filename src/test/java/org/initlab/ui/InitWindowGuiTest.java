package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.initlab.engine.LabSnapshot;
import org.initlab.init.InitSpec;
import org.initlab.init.Nonlinearity;
import org.initlab.init.Scheme;
import org.initlab.nn.LayerSpec;
import org.initlab.nn.ModelSpec;
import org.initlab.train.Experiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The new layers, schemes, nonlinearity and per-layer inits through the window's own controls. */
class InitWindowGuiTest extends WindowTestBase {
    @Override double width() { return 1600; }
    @Override double height() { return 1000; }

    /** The window as a PNG under target/, to look at. */
    void shoot(String name) throws Exception {
        javafx.scene.image.WritableImage img = Fx.call(() -> window.scene().snapshot(null));
        Exporter.write(img, Path.of("target", name));
    }
    @Test
    void builderOffersTheNewLayersWithTheirShapes() throws Exception {
        ComboBox<String> type = node("addType");
        assertTrue(Fx.call(() -> type.getItems().containsAll(List.of("BatchNorm2d", "Tanh", "Sigmoid", "GELU", "SiLU", "SELU"))));
        Fx.run(() -> vm.selectedLayerProperty().set(0));
        Fx.run(() -> type.setValue("BatchNorm2d"));
        Fx.run(() -> ((Button) node("addLayer")).fire());
        Fx.run(() -> type.setValue("GELU"));
        Fx.run(() -> ((Button) node("addLayer")).fire()); // after the BatchNorm2d: a new layer is selected
        awaitCharted();
        List<String> types = Fx.call(() -> vm.rows().stream().map(LabViewModel.LayerRow::type).toList());
        assertEquals(List.of("Conv2d", "BatchNorm2d", "GELU", "ReLU"), types.subList(0, 4));
        assertEquals("→ [8×14×14]", Fx.call(() -> ((Label) node("shape1")).getText()));
        assertEquals("→ [8×14×14]", Fx.call(() -> ((Label) node("shape2")).getText()));
    }

    /** CS231n's net from the MLP row; xavier-normal takes tanh from the layer after; layer 1 gets its own N(0, 0.01²). */
    @Test
    void mlpNonlinearityPresetAndPerLayerInitReachTheFormulaAndTheEngine() throws Exception {
        Fx.run(() -> ((Button) node("mlpBuild")).fire()); // depth 10, width 500, tanh
        assertEquals("mlp-tanh-10x500", Fx.call(() -> vm.modelNameProperty().get()));
        assertEquals(22, Fx.call(() -> vm.rows().size()));
        ComboBox<Scheme> scheme = node("scheme");
        Fx.run(() -> scheme.setValue(Scheme.XAVIER_NORMAL));
        assertEquals(Nonlinearity.TANH, Fx.call(() -> vm.nonlinearityProperty().get()), "preset from the Tanh after the first Linear");
        assertTrue(Fx.call(() -> ((Label) node("formula")).getText()).contains("calculate_gain(tanh)"));

        Fx.run(() -> vm.selectedLayerProperty().set(1));
        ComboBox<String> own = node("layer1-init");
        Fx.run(() -> own.setValue("normal"));
        TextField std = node("layer1-init-std");
        Fx.run(() -> {
            std.setText("0.01");
            std.getOnAction().handle(null);
        });
        awaitCharted();
        LayerSpec l1 = Fx.call(() -> vm.layers().get(1));
        assertEquals(InitSpec.parse("normal", null, null, null, null, null, 0.01, null), l1.init());
        assertTrue(Fx.call(() -> ((Label) node("formulaNumbers")).getText()).startsWith("std = 0.01"), "the formula follows layer 1's own init");
        LabSnapshot s = Fx.call(() -> vm.chartedProperty().get());
        // the model's xavier-normal (tanh) would give 784·(5/3)²·2/1284 ≈ 44 times the variance of N(0, 0.01²)
        double theory = s.theoryStd()[1], measured = s.stats().modules().get(1).act().std();
        assertEquals(measured, theory, 0.1 * measured, "the theory line follows layer 1's own init");
        assertEquals(Scheme.XAVIER_NORMAL, Fx.call(() -> vm.layers().get(3).initOr(vm.initSpec())).scheme(), "the other layers keep the model's init");
        TextField stdAgain = node("layer1-init-std"); // the row was rebuilt
        Fx.run(() -> {
            stdAgain.setText("-1");
            stdAgain.getOnAction().handle(null);
        });
        assertEquals(0.01, Fx.call(() -> vm.layers().get(1).init().std()), "a negative std is refused at the field, not sent");
        TextField depth = node("mlpDepth");
        Fx.run(() -> depth.setText("0"));
        Fx.run(() -> ((Button) node("mlpBuild")).fire());
        assertEquals(22, Fx.call(() -> vm.rows().size()), "depth 0 is refused at the field; the model stays");
        shoot("init-window.png");
    }

    /** The a slider is live exactly where a reaches the weights: Kaiming's gain(a), or leaky_relu's slope under any scheme that takes it. */
    @Test
    void aSliderIsEnabledWhereACounts() throws Exception {
        javafx.scene.control.Slider slider = node("aSlider");
        ComboBox<Scheme> scheme = node("scheme");
        ComboBox<Nonlinearity> nonlinearity = node("nonlinearity");
        Object[][] cases = {
            {Scheme.XAVIER_UNIFORM, Nonlinearity.LEAKY_RELU, true}, {Scheme.ORTHOGONAL, Nonlinearity.LEAKY_RELU, true},
            {Scheme.KAIMING_NORMAL, Nonlinearity.TANH, false}, {Scheme.KAIMING_NORMAL, Nonlinearity.RELU, false},
            {Scheme.KAIMING_NORMAL, null, true}, {Scheme.XAVIER_NORMAL, null, false}, {Scheme.XAVIER_NORMAL, Nonlinearity.TANH, false},
            {Scheme.LECUN_NORMAL, null, false}};
        for (Object[] c : cases) {
            Fx.run(() -> {
                scheme.setValue((Scheme) c[0]);
                nonlinearity.setValue((Nonlinearity) c[1]);
            });
            String what = c[0] + " " + c[1];
            assertEquals(c[2], !Fx.call(slider::isDisabled), what);
            assertEquals(c[2], Fx.call(() -> vm.initSpec().usesA()), what + ": the slider follows the init's own rule");
            if (c[0] == Scheme.XAVIER_UNIFORM) shoot("init-xavier-leaky.png");
            if (c[1] == Nonlinearity.TANH && c[0] == Scheme.KAIMING_NORMAL) shoot("init-kaiming-tanh.png");
        }
        Fx.run(() -> {
            scheme.setValue(Scheme.XAVIER_UNIFORM);
            nonlinearity.setValue(Nonlinearity.LEAKY_RELU);
            slider.setValue(1);
        });
        assertEquals(1, Fx.call(() -> vm.initSpec().a()), "the slider sets leaky_relu's slope under xavier");
        Fx.run(() -> scheme.setValue(Scheme.PYTORCH_DEFAULT));
        assertTrue(!Fx.call(slider::isDisabled), "under pytorch-default the slider moves a off √5, into kaiming-uniform");
    }

    /** A model file with a per-layer init, opened in the lab, saved as an experiment and read back: unchanged. */
    @Test
    void perLayerInitSurvivesModelFileLabAndExperimentFile(@TempDir Path dir) throws Exception {
        String json = "{\"name\":\"mixed\",\"loss\":\"cross-entropy\",\"layers\":[{\"type\":\"Flatten\"},"
            + "{\"type\":\"Linear\",\"out\":64,\"init\":{\"scheme\":\"trunc-normal\",\"std\":0.02,\"bias\":\"default\"}},{\"type\":\"SELU\"},"
            + "{\"type\":\"Linear\",\"out\":10,\"init\":{\"scheme\":\"xavier-uniform\",\"nonlinearity\":\"leaky_relu\",\"a\":0.2}}]}";
        ModelSpec file = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, ModelSpec.class);
        InitSpec modelInit = InitSpec.of(Scheme.LECUN_UNIFORM);
        TrainingViewModel training = Fx.call(() -> new TrainingViewModel(vm, dir));
        Fx.run(() -> vm.applyModel(file, modelInit));
        awaitCharted();
        assertEquals(file.layers(), Fx.call(() -> List.copyOf(vm.layers())));
        Experiment e = Fx.call(training::experiment);
        Path saved = dir.resolve("mixed.json");
        e.save(saved);
        Experiment back = Experiment.load(saved);
        assertEquals(file.layers(), back.model().layers());
        assertEquals(modelInit, back.init());
        assertTrue(Files.readString(saved).contains("\"std\" : 0.02"), Files.readString(saved));
        // the layer row offers a only where it counts: leaky_relu's slope, not beside kaiming's tanh gain
        Fx.run(() -> vm.selectedLayerProperty().set(3));
        assertNotNull(Fx.call(() -> window.scene().lookup("#layer3-init-a")), "xavier-uniform leaky_relu takes a");
        Fx.run(() -> vm.setLayerInit(3, () -> InitSpec.of(Scheme.KAIMING_NORMAL).withNonlinearity(Nonlinearity.TANH)));
        assertNotNull(Fx.call(() -> window.scene().lookup("#layer3-init")), "the row is shown");
        assertNull(Fx.call(() -> window.scene().lookup("#layer3-init-a")), "kaiming-normal tanh has no use for a");
        Fx.run(() -> vm.setLayerInit(1, () -> null)); // back to the model's init
        assertNull(Fx.call(() -> vm.layers().get(1).init()));
        Fx.run(training::close);
    }
}
