package org.initlab.ui;

import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * An animated GIF written frame by frame with {@code javax.imageio}, looping forever (the NETSCAPE2.0
 * extension): each frame is reduced to 256 colours by the JDK's writer, which suits flat charts.
 */
final class GifWriter implements Closeable {
    private final ImageWriter writer = ImageIO.getImageWritersBySuffix("gif").next();
    private final ImageOutputStream out;
    private final int delayCentiseconds;
    private int frames;

    GifWriter(Path file, int delayMillis) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.deleteIfExists(file);
        out = ImageIO.createImageOutputStream(file.toFile());
        if (out == null) throw new IOException(file + ": cannot be written");
        delayCentiseconds = Math.max(1, delayMillis / 10);
        writer.setOutput(out);
        writer.prepareWriteSequence(null);
    }

    /** Appends a frame, shown for the writer's delay. */
    void add(BufferedImage frame) throws IOException {
        add(frame, delayCentiseconds * 10);
    }

    /** Appends a frame, shown for {@code showMillis}. */
    void add(BufferedImage frame, int showMillis) throws IOException {
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), null);
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(Math.max(1, showMillis / 10)));
        gce.setAttribute("transparentColorIndex", "0");
        if (frames == 0) {
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0}); // loop count 0: forever
            child(root, "ApplicationExtensions").appendChild(app);
        }
        meta.setFromTree(format, root);
        writer.writeToSequence(new IIOImage(frame, null, meta), null);
        frames++;
    }

    int frames() {
        return frames;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++)
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) root.item(i);
        IIOMetadataNode n = new IIOMetadataNode(name);
        root.appendChild(n);
        return n;
    }

    @Override
    public void close() throws IOException {
        try {
            if (frames > 0) writer.endWriteSequence();
        } finally {
            writer.dispose();
            out.close();
        }
    }
}
