package org.initlab.ui;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.initlab.engine.LabSnapshot;

/**
 * The window's Save menu: the charts panel, or one chart from its context menu, as PNG (1×, 2× or 3×),
 * SVG or PDF into the export folder; and Copy as image, the charts with a caption line saying what
 * they show (model, init, seed, batch, data set).
 */
final class WindowExports {
    private final LabViewModel vm;
    /** The view shown now: the four charts, the histograms or the landscape. */
    private final Supplier<Region> shown;
    private final Supplier<Path> folder;
    private final Consumer<String> message;
    /** PNG pixels per screen pixel: 1, 2 or 3. */
    private final IntegerProperty pngScale = new SimpleIntegerProperty(1);

    /** @param charts the charts that offer "Save this chart" on a right click */
    WindowExports(LabViewModel vm, Supplier<Region> shown, java.util.List<? extends Region> charts, Supplier<Path> folder, Consumer<String> message) {
        this.vm = vm;
        this.shown = shown;
        this.folder = folder;
        this.message = message;
        for (Region p : charts) p.setOnContextMenuRequested(e -> chartMenu(p).show(p, e.getScreenX(), e.getScreenY()));
    }

    /** Saves the view shown now ("png", "svg", "pdf"). */
    CompletableFuture<Path> save(String format) {
        return save(shown.get(), format);
    }

    IntegerProperty pngScaleProperty() {
        return pngScale;
    }

    /**
     * Saves the panel (or one chart) in a format ("png", "svg", "pdf"); PNG at the chosen scale. Drawn
     * now, written in the background ({@link Saves}); the future gives the file, or null on failure.
     */
    CompletableFuture<Path> save(Region what, String format) {
        Path file = folder.get().resolve((what == shown.get() ? "initlab-charts-" : "initlab-" + what.getId() + "-") + stamp() + "." + format);
        int scale = format.equals("png") ? pngScale.get() : 1;
        return Saves.save(file, format, () -> new Saves.Drawn(ChartFiles.render(what, format, scale)), saved(file, format, scale), message);
    }

    /** Puts the charts with their caption line on the clipboard; returns the image (null before the first stats). */
    BufferedImage copy() {
        LabSnapshot s = vm.chartedProperty().get();
        if (s == null) {
            message.accept("no stats yet");
            return null;
        }
        BufferedImage img = captioned(shown.get(), caption(s), pngScale.get());
        boolean copied = Exporter.copy(SwingFXUtils.toFXImage(img, null));
        message.accept(copied ? "copied the charts with their caption" : "no clipboard here: save them instead");
        return img;
    }

    /** "seed4 · kaiming-uniform a=0 fan_in · seed 0 · batch 100 · MNIST test images 0–99": what a pasted chart shows. */
    static String caption(LabSnapshot s) {
        var c = s.config();
        return String.format(Locale.ROOT, "InitLab · %s · %s · seed %d · batch %d · %s, %s images %d–%d", c.spec().name(), c.init(), c.seed(),
            c.batchSize(), s.dataName().isEmpty() ? c.data().getFileName() : s.dataName(), c.split().id(), c.offset(), c.offset() + c.batchSize() - 1);
    }

    /** The panel drawn at {@code scale}, with the caption on a line of its own beneath, in the theme's colours. */
    static BufferedImage captioned(Region panel, String caption, int scale) {
        BufferedImage charts = ChartFiles.image(panel, scale);
        double size = 14, line = Math.ceil(size * 2);
        BufferedImage img = new BufferedImage(charts.getWidth(), charts.getHeight() + (int) (line * scale), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            Color bg = FigurePainter.background(panel);
            g.setColor(AwtPainter.awt(bg));
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.drawImage(charts, 0, 0, null);
            g.scale(scale, scale);
            AwtPainter p = new AwtPainter(g, ChartFiles.FAMILY);
            p.setFill(bg.getBrightness() < 0.5 ? Color.gray(0.85) : Color.gray(0.2));
            p.setFont(javafx.scene.text.Font.font(size));
            p.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
            p.setTextBaseline(javafx.geometry.VPos.CENTER);
            p.fillText(caption, panel.getWidth() / 2, charts.getHeight() / (double) scale + line / 2);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The toolbar's Save menu; {@code more} adds items after the chart formats (CSV, the sweep). */
    MenuButton menu(MenuItem... more) {
        MenuButton m = new MenuButton("Save");
        m.setId("saveMenu");
        m.getItems().addAll(scaleItems(pngScale, "pngScale"));
        m.getItems().addAll(new SeparatorMenuItem(), item("Save charts as PNG", "savePng", () -> save("png")),
            item("Save charts as SVG", "saveSvg", () -> save("svg")), item("Save charts as PDF", "savePdf", () -> save("pdf")),
            item("Copy as image, with caption", "copyImage", this::copy), new SeparatorMenuItem());
        m.getItems().addAll(more);
        return m;
    }

    /** The status line's note for a saved file: a PNG larger than the screen's says its scale. */
    static String saved(Path file, String format, int scale) {
        return "saved " + file.getFileName() + (format.equals("png") && scale > 1 ? " (" + scale + "×)" : "");
    }

    /** "PNG at 1×, 2×, 3×" as radio items that follow and set {@code scale}: a menu of its own shares the one setting. */
    static List<MenuItem> scaleItems(IntegerProperty scale, String idPrefix) {
        ToggleGroup scales = new ToggleGroup();
        List<MenuItem> items = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            int factor = k;
            RadioMenuItem r = new RadioMenuItem("PNG at " + k + "×" + (k == 1 ? " (screen size)" : ""));
            r.setId(idPrefix + k);
            r.setToggleGroup(scales);
            r.setSelected(scale.get() == k);
            r.setOnAction(e -> scale.set(factor));
            scale.addListener((o, was, now) -> r.setSelected(now.intValue() == factor));
            items.add(r);
        }
        return items;
    }

    private ContextMenu chartMenu(Region p) {
        return new ContextMenu(item("Save this chart as PNG", null, () -> save(p, "png")), item("Save this chart as SVG", null, () -> save(p, "svg")),
            item("Save this chart as PDF", null, () -> save(p, "pdf")));
    }

    static MenuItem item(String text, String id, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        i.setOnAction(e -> action.run());
        return i;
    }

    static String stamp() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
    }
}
