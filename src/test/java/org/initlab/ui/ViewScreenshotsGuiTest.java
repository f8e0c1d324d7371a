package org.initlab.ui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's pictures of the Layer stats views, in the light and projector themes: run on demand with
 * {@code mvn verify -Dtest=ViewScreenshotsGuiTest -Dinitlab.screenshots=assets}; skipped otherwise.
 */
class ViewScreenshotsGuiTest extends WindowTestBase {
    @Override
    @BeforeEach
    void openFirst() throws Exception {
        assumeTrue(System.getProperty("initlab.screenshots") != null, "pictures are taken only with -Dinitlab.screenshots=FOLDER");
        super.openFirst();
        Fx.run(() -> stage.setWidth(1600));
        Fx.run(() -> stage.setHeight(1000));
    }

    private void shoot(String name) throws Exception {
        Path dir = Path.of(System.getProperty("initlab.screenshots"));
        for (String theme : new String[] {"light", "projector"}) {
            Fx.run(() -> vm.themeProperty().set(theme));
            Thread.sleep(500);
            Fx.run(() -> {
                try {
                    Exporter.write(window.scene().snapshot(null), dir.resolve("screenshot-" + name + (theme.equals("light") ? "" : "-projector") + ".png"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        Fx.run(() -> vm.themeProperty().set("light"));
    }

    @Test
    void views() throws Exception {
        awaitCharted();
        Fx.run(() -> vm.lessons().open("why-sqrt5"));
        Fx.waitFor("the caption", 120, () -> !vm.lessons().captionProperty().get().isEmpty());
        Fx.run(() -> vm.views().seedsProperty().set(20));
        Fx.waitFor("the band", 300, () -> vm.views().shownBand() != null);
        shoot("lesson-band");
        Fx.run(() -> {
            vm.lessons().close();
            vm.unpinAll();
            vm.views().seedsProperty().set(1);
            vm.schemeProperty().set(org.initlab.init.Scheme.PYTORCH_DEFAULT);
        });
        awaitCharted();
        Fx.run(vm::pin);
        settle(() -> vm.aProperty().set(0));
        Fx.run(vm::pin);
        settle(() -> vm.aProperty().set(1));
        Fx.run(vm::pin);
        settle(() -> vm.schemeProperty().set(org.initlab.init.Scheme.XAVIER_UNIFORM));
        Fx.run(vm::pin);
        settle(() -> vm.schemeProperty().set(org.initlab.init.Scheme.KAIMING_NORMAL));
        shoot("pins");
        Fx.run(() -> vm.views().viewProperty().set(ViewsModel.View.LANDSCAPE));
        Fx.waitFor("the landscape", 300, () -> window.landscape().result() != null);
        shoot("landscape");
        Fx.run(() -> vm.lessons().open("tanh"));
        Fx.waitFor("the caption", 120, () -> !vm.lessons().captionProperty().get().isEmpty());
        Fx.run(() -> vm.views().viewProperty().set(ViewsModel.View.HISTOGRAMS));
        Fx.waitFor("the histograms", 300, () -> window.histograms().shown().size() == 22
            && vm.views().histogramsProperty().get().config().spec().name().equals("tanh10"));
        shoot("histograms");
    }

    /** Makes a change and waits for the charts to answer it. */
    private void settle(Runnable change) throws Exception {
        long before = Fx.call(vm::lastSubmitted);
        Fx.run(change);
        Fx.waitFor("the change to be sent", 10, () -> vm.lastSubmitted() > before);
        awaitCharted();
    }
}
