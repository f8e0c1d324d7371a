package org.initlab.ui;

import java.net.URL;
import java.util.List;
import javafx.scene.Scene;

/** The stylesheets in the jar under /themes: lab.css for layout, then one of light, dark, projector. */
public final class Themes {
    public static final List<String> NAMES = List.of("light", "dark", "projector");

    private Themes() {}

    /** Fails with the list of names unless {@code theme} is one of them (before any work is started). */
    public static void check(String theme) {
        if (!NAMES.contains(theme)) throw new IllegalArgumentException("unknown theme '" + theme + "' (" + String.join(", ", NAMES) + ")");
    }

    public static void apply(Scene scene, String theme) {
        check(theme);
        scene.getStylesheets().setAll(url("lab"), url(theme));
        scene.getRoot().getStyleClass().removeAll(NAMES);
        scene.getRoot().getStyleClass().add(theme);
    }

    private static String url(String name) {
        URL u = Themes.class.getResource("/themes/" + name + ".css");
        if (u == null) throw new IllegalStateException("theme " + name + ".css is missing from the jar");
        return u.toExternalForm();
    }
}
