package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.Label;
import org.initlab.engine.TrainingRunner.State;
import org.initlab.init.Scheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LSUV says in the window what it did per layer: in the status bar for the lab, in the training tab for a run. */
class LsuvReportGuiTest extends WindowTestBase {
    static final String REACHED = "LSUV reached unit std in every layer: module 0 (Conv2d) std 1.000 after ";

    @TempDir Path session;
    @Override Path sessionDir() { return session; }

    String text(String id) throws Exception {
        return Fx.call(() -> ((Label) window.scene().lookup("#" + id)).getText());
    }

    @Test
    void theLabAndATrainingRunReportLsuvPerLayer() throws Exception {
        Fx.run(() -> vm.schemeProperty().set(Scheme.LSUV));
        Fx.waitFor("LSUV's report in the status bar", 120, () -> ((Label) window.scene().lookup("#message")).getText().startsWith(REACHED));
        String m = text("message");
        assertTrue(m.contains("module 2 (Conv2d)") && m.contains("module 4 (Conv2d)") && m.contains("module 6 (Conv2d)"), "every conv of seed4: " + m);

        TrainingViewModel t = window.training();
        Fx.run(() -> {
            window.showTab("training");
            t.stepLimitProperty().set(1);
            t.run();
        });
        Fx.waitFor("the run", 120, () -> t.stateProperty().get() == State.FINISHED);
        assertTrue(text("trainMessage").startsWith(REACHED), text("trainMessage"));
    }
}
