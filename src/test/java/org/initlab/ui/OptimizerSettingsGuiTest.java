package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.initlab.train.OptimizerSpec.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Training tab's "More…" pop-over: momentum, weight decay and Adam's settings reach the experiment; a refused value is named and not sent. */
class OptimizerSettingsGuiTest extends WindowTestBase {
    @TempDir Path session;

    @Override boolean openBeforeEach() { return false; }
    @Override Path sessionDir() { return session; }

    private OptimizerSettings settings;

    private TextField field(String id) {
        return (TextField) settings.popOver().getContentNode().lookup("#" + id);
    }

    /** Types {@code text} into the field and presses Enter, as a user would. */
    private void enter(String id, String text) throws Exception {
        Fx.run(() -> {
            TextField f = field(id);
            f.setText(text);
            f.fireEvent(new javafx.event.ActionEvent(f, f));
        });
    }

    @Test
    void settingsReachTheExperimentAndRefusalsAreNamed() throws Exception {
        open(DATA, "seed4", "training", false);
        TrainingViewModel tvm = window.training();
        Button more = node("trainMore");
        Fx.run(() -> {
            settings = (OptimizerSettings) more.getProperties().get(OptimizerSettings.class);
            more.fire();
        });
        Fx.waitFor("the pop-over shows", 10, () -> settings.popOver().isShowing());

        Fx.run(() -> tvm.optimizerProperty().set(Kind.ADAM));
        assertTrue(Fx.call(() -> field("trainMomentum").isDisabled()), "adam has no momentum");
        assertFalse(Fx.call(() -> field("trainBeta1").isDisabled()));
        Fx.run(() -> tvm.optimizerProperty().set(Kind.MOMENTUM));
        assertFalse(Fx.call(() -> field("trainMomentum").isDisabled()));
        assertTrue(Fx.call(() -> field("trainEps").isDisabled()), "eps is adam's");

        enter("trainMomentum", "0.5");
        enter("trainWeightDecay", "1e-4");
        assertEquals(0.5, Fx.call(() -> tvm.experiment().optimizer().momentum()));
        assertEquals(1e-4, Fx.call(() -> tvm.experiment().optimizer().weightDecay()));

        enter("trainMomentum", "1.5");
        assertEquals(0.5, Fx.call(() -> tvm.momentumProperty().get()), "a refused value is not sent");
        Label problem = (Label) Fx.call(() -> settings.popOver().getContentNode().lookup("#trainSettingsProblem"));
        assertEquals("momentum must be in [0, 1), e.g. 0.9 (got 1.50)", Fx.call(problem::getText));
        assertTrue(Fx.call(() -> field("trainMomentum").getStyleClass().contains("field-refused")));
        enter("trainWeightDecay", "2e-4"); // another field's good value leaves the standing refusal named
        assertEquals("momentum must be in [0, 1), e.g. 0.9 (got 1.50)", Fx.call(problem::getText));
        enter("trainMomentum", "0.8");
        assertEquals("", Fx.call(problem::getText), "a good value clears the reason");
        assertFalse(Fx.call(() -> field("trainMomentum").getStyleClass().contains("field-refused")));

        Fx.run(() -> tvm.optimizerProperty().set(Kind.ADAM));
        enter("trainBeta2", "0.99");
        enter("trainEps", "abc");
        assertEquals("not a number: 'abc'", Fx.call(problem::getText));
        assertEquals(0.99, Fx.call(() -> tvm.experiment().optimizer().beta2()));
        assertEquals(1e-8, Fx.call(() -> tvm.experiment().optimizer().eps()));

        Fx.run(() -> tvm.beta1Property().set(0.8)); // an opened file: the field follows
        assertEquals("0.800", Fx.call(() -> field("trainBeta1").getText()));
    }
}
