package org.initlab.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.initlab.AppFolders;
import org.initlab.engine.Caption;
import org.initlab.engine.LabConfig;
import org.initlab.engine.LabSnapshot;
import org.initlab.engine.Lesson;
import org.initlab.engine.Lessons;

/**
 * The lessons menu's state: the lessons there are, the one shown, and its caption once the lab has
 * measured the numbers in it. Opening a lesson sets the model, init, batch, view and seeds, and pins
 * its comparison inits (each computed on a thread of its own, so the window never waits); the caption
 * is filled in from the first answer that matches the lesson and stays as measured.
 */
public final class LessonsModel {
    private final LabViewModel vm;
    private final ObservableList<Lesson> lessons = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Lesson> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper menuShown = new ReadOnlyBooleanWrapper(false);
    private final List<LabSnapshot> pinned = new ArrayList<>();
    private Path userFolder = AppFolders.userLessons();

    LessonsModel(LabViewModel vm) {
        this.vm = vm;
        vm.chartedProperty().addListener(o -> measure());
    }

    /** Reads the built-in lessons and the user's folder again; problems, one line per file, in {@link #problemsProperty}. */
    public void reload() {
        List<String> report = new ArrayList<>();
        lessons.setAll(Lessons.load(userFolder, report::add));
        problems.set(String.join("\n", report));
    }

    /** Where lessons of the user's own are read from (tests). */
    public void setUserFolder(Path folder) {
        userFolder = folder;
        reload();
    }

    /** Asks the window to open the lessons menu (the presenter's key). */
    public void showMenu() {
        menuShown.set(false);
        menuShown.set(true);
    }

    /** Opens the lesson of this name; false if there is none. */
    public boolean open(String name) {
        if (lessons.isEmpty()) reload();
        for (Lesson l : lessons)
            if (l.name().equals(name)) {
                open(l);
                return true;
            }
        return false;
    }

    public void open(Lesson l) {
        current.set(l);
        caption.set("");
        pinned.clear();
        vm.unpinAll();
        vm.applyModel(l.model(), l.init());
        vm.batchSizeProperty().set(l.batch());
        vm.views().seedsProperty().set(l.seeds());
        vm.views().viewProperty().set(switch (l.view()) {
            case "histograms" -> ViewsModel.View.HISTOGRAMS;
            case "landscape" -> ViewsModel.View.LANDSCAPE;
            default -> ViewsModel.View.CHARTS;
        });
        LabConfig base = config(l);
        for (var init : l.pins())
            CompletableFuture.supplyAsync(() -> Gui.compute(base.withInit(init))).whenComplete((s, e) -> Platform.runLater(() -> {
                if (current.get() != l) return;
                if (e != null) {
                    caption.set("could not compute the pin " + init + ": " + e.getMessage());
                    return;
                }
                pinned.add(s);
                vm.pinSet().pin(s);
                measure();
            }));
    }

    /** The lesson's own config at the window's seed, split, offset and data. */
    private LabConfig config(Lesson l) {
        return new LabConfig(l.model(), l.init(), vm.seedProperty().get(), vm.splitProperty().get(), vm.offsetProperty().get(), l.batch(),
            vm.dataFolderProperty().get(), false);
    }

    /** Fills the caption once the lab answered the lesson's own config and every pin is in; then it stays. */
    private void measure() {
        Lesson l = current.get();
        LabSnapshot s = vm.chartedProperty().get();
        if (l == null || !caption.get().isEmpty() || s == null || !s.hasStats() || pinned.size() < l.pins().size()) return;
        if (!s.config().init().equals(l.init()) || !s.config().spec().layers().equals(l.model().layers()) || s.config().batchSize() != l.batch()) return;
        List<LabSnapshot> ordered = new ArrayList<>();
        for (var init : l.pins()) pinned.stream().filter(p -> p.config().init().equals(init)).findFirst().ifPresent(ordered::add);
        caption.set(Caption.fill(l.caption(), s, ordered));
    }

    /** Closes the caption (the settings stay). */
    public void close() {
        current.set(null);
        caption.set("");
    }

    public ObservableList<Lesson> lessons() { return lessons; }
    public ReadOnlyObjectProperty<Lesson> currentProperty() { return current.getReadOnlyProperty(); }
    /** The caption with the lab's numbers; "" until they are measured. */
    public ReadOnlyStringProperty captionProperty() { return caption.getReadOnlyProperty(); }
    /** One line per lesson file that could not be read. */
    public ReadOnlyStringProperty problemsProperty() { return problems.getReadOnlyProperty(); }
    /** Turns true when the menu is asked for. */
    public ReadOnlyBooleanProperty menuShownProperty() { return menuShown.getReadOnlyProperty(); }
}
