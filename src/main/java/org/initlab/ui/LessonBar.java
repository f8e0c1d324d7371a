package org.initlab.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.initlab.engine.Lesson;

/** The open lesson's title and caption, read aloud from the screen, with a × to put it away. */
final class LessonBar extends HBox {
    LessonBar(LessonsModel lessons) {
        super(12);
        getStyleClass().add("lesson-bar");
        setAlignment(Pos.CENTER_LEFT);
        Label title = new Label();
        title.setId("lessonTitle");
        title.getStyleClass().add("lesson-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> lessons.currentProperty().get() == null ? "" : lessons.currentProperty().get().title(),
            lessons.currentProperty()));
        Label caption = new Label();
        caption.setId("lessonCaption");
        caption.getStyleClass().add("lesson-caption");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE); // two or three sentences, every line shown
        caption.setMaxWidth(Double.MAX_VALUE);
        caption.textProperty().bind(Bindings.when(lessons.captionProperty().isEmpty()).then("measuring…").otherwise(lessons.captionProperty()));
        VBox text = new VBox(4, title, caption);
        text.setMinWidth(0);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button close = Controls.button("×", "lessonClose", "Put the lesson away (its settings stay)", lessons::close);
        getChildren().addAll(text, close);
        visibleProperty().bind(lessons.currentProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }

    /** The Lessons menu: one item per lesson, rebuilt each time it opens, so a new file in the user's folder shows up. */
    static MenuButton menu(LessonsModel lessons) {
        MenuButton m = new MenuButton("Lessons");
        m.setId("lessons");
        m.setOnShowing(e -> fill(m, lessons));
        lessons.menuShownProperty().addListener((o, was, now) -> { if (now) { fill(m, lessons); m.show(); } });
        fill(m, lessons);
        return m;
    }

    private static void fill(MenuButton m, LessonsModel lessons) {
        lessons.reload();
        m.getItems().clear();
        for (Lesson l : lessons.lessons()) {
            MenuItem item = new MenuItem(l.title());
            item.setId("lesson-" + l.name());
            item.setOnAction(e -> lessons.open(l));
            m.getItems().add(item);
        }
        if (!lessons.problemsProperty().get().isEmpty()) {
            MenuItem bad = new MenuItem(lessons.problemsProperty().get());
            bad.setDisable(true);
            m.getItems().add(bad);
        }
    }
}
