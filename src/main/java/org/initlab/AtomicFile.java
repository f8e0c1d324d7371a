package org.initlab;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file's content all at once: the bytes go to a temporary file in the same folder, are
 * flushed to the disk, and the temporary file is then renamed over the target. A crash, a full disk
 * or a read-only folder therefore leaves either the old file or the new one, never half of either,
 * and no temporary file behind (the one exception: a process killed between write and rename leaves
 * a {@code .NAME…tmp} beside the target, which nothing reads). A replaced file keeps its POSIX
 * permissions, and its owner and group where the writer may set them (root may); a new one gets what
 * a plain {@link Files#write} would give it.
 */
public final class AtomicFile {
    private AtomicFile() {}

    /** What writes the new content, all of it, to the stream it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** @throws IOException the target is then as it was */
    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, out -> out.write(bytes));
    }

    /** Streams the content to the temporary file, then replaces the target. @throws IOException the target is then as it was */
    public static void write(Path file, Content content) throws IOException {
        try (Pending p = open(file)) {
            content.writeTo(p.out());
            p.commit();
        }
    }

    /** A replacement to write bit by bit: nothing changes at {@code file} until {@link Pending#commit}. */
    public static Pending open(Path file) throws IOException {
        if (Files.isDirectory(file)) throw new IOException(file + " is a folder, not a file");
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        for (int tries = 0; ; tries++) {
            Path tmp = dir.resolve("." + file.getFileName() + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                // opened as a plain new file, not with createTempFile, so the process's umask sets its mode as it does for Files.write
                return new Pending(file, tmp, FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
            } catch (FileAlreadyExistsException e) {
                if (tries > 100) throw e;
            }
        }
    }

    /** A temporary file beside the target: {@link #commit} moves it over the target, {@link #close} without it deletes it. */
    public static final class Pending implements Closeable {
        private final Path file, tmp;
        private final FileChannel channel;
        private final OutputStream out;

        private Pending(Path file, Path tmp, FileChannel channel) throws IOException {
            this.file = file;
            this.tmp = tmp;
            this.channel = channel;
            this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            try {
                keepPermissions();
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        /** The temporary file's stream; closing it is left to {@link #commit} and {@link #close}. */
        public OutputStream out() {
            return out;
        }

        /** Flushes the content to the disk and renames it over the target. */
        public void commit() throws IOException {
            out.flush();
            channel.force(true);
            channel.close();
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        /** Deletes the temporary file where {@link #commit} did not move it; the target is then as it was. */
        @Override
        public void close() throws IOException {
            try {
                channel.close();
            } finally {
                Files.deleteIfExists(tmp);
            }
        }

        // set before any content is written, so a file only its owner may read never has a readable replacement beside it
        private void keepPermissions() throws IOException {
            PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
            if (view == null || !Files.isRegularFile(file)) return;
            PosixFileAttributes was = Files.readAttributes(file, PosixFileAttributes.class), now = view.readAttributes();
            view.setPermissions(was.permissions());
            try {
                // root replacing another user's file gives it back to them; where the system does not allow it, the writer owns
                // the new file, as any file it creates, and the content is written all the same
                if (!was.owner().equals(now.owner())) view.setOwner(was.owner());
                if (!was.group().equals(now.group())) view.setGroup(was.group());
            } catch (FileSystemException notPermitted) {
                // the owner is kept where the system allows it; the content matters more
            }
        }
    }
}
