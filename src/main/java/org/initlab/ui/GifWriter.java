package org.initlab.ui;

import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.initlab.AtomicFile;

/**
 * An animated GIF written frame by frame with {@code javax.imageio}, looping forever (the NETSCAPE2.0
 * extension): each frame is reduced to 256 colours by the JDK's writer, which suits flat charts. The
 * frames go to a temporary file ({@link AtomicFile}); only {@link #commit} puts it in place of the
 * target, so a failure or a cancel leaves the target as it was.
 */
final class GifWriter implements Closeable {
    private final ImageWriter writer = ImageIO.getImageWritersBySuffix("gif").next();
    private final Path file;
    private final AtomicFile.Pending pending;
    private final ImageOutputStream out;
    private final int delayCentiseconds;
    private int frames;
    private boolean outClosed;

    GifWriter(Path file, int delayMillis) throws IOException {
        ChartFiles.notAFolder(file);
        this.file = file;
        try {
            pending = AtomicFile.open(file);
        } catch (IOException e) {
            throw ChartFiles.notWritten(file, e);
        }
        ImageOutputStream o = null;
        try {
            o = new MemoryCacheImageOutputStream(pending.out()); // not ImageIO's default, a file in the temporary folder: a second disk that can be full
            writer.setOutput(o);
            writer.prepareWriteSequence(null);
        } catch (IOException e) {
            discard();
            throw ChartFiles.notWritten(file, e);
        } catch (RuntimeException e) {
            discard();
            throw e;
        }
        out = o;
        delayCentiseconds = Math.max(1, delayMillis / 10);
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
        try {
            writer.writeToSequence(new IIOImage(frame, null, meta), null);
        } catch (IOException e) {
            throw ChartFiles.notWritten(file, e);
        }
        frames++;
    }

    /** Ends the animation, at least a frame long, and puts it in place of the file. */
    void commit() throws IOException {
        if (frames == 0) throw new IllegalStateException(file + ": a GIF needs a frame");
        try {
            writer.endWriteSequence();
            outClosed = true; // the image stream's cache may not be closed twice
            out.close();
            pending.commit();
        } catch (IOException e) {
            throw ChartFiles.notWritten(file, e);
        }
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

    private void discard() throws IOException {
        writer.dispose();
        pending.close();
    }

    /** Without {@link #commit} first, deletes the temporary file: the target stays as it was. */
    @Override
    public void close() throws IOException {
        try {
            writer.dispose();
            if (!outClosed) out.close();
        } finally {
            pending.close();
        }
    }
}
