package org.initlab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write replaces the whole file or nothing, and the file keeps the permissions it had. */
class AtomicFileTest {
    @Test
    void replacedFileKeepsItsPermissions(@TempDir Path dir) throws Exception {
        for (String mode : List.of("rw-r-----", "rw-------", "rwxr-xr-x")) {
            Path f = dir.resolve("kept-" + mode);
            Files.writeString(f, "old");
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
            AtomicFile.write(f, "new".getBytes());
            assertEquals("new", Files.readString(f));
            assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.getFileName().toString());
        }
    }

    /** Root (the only writer allowed to) keeps the owner and group of another user's file; skipped where the test cannot give a file away. */
    @Test
    void aFileReplacedByRootKeepsItsOwnerAndGroup(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("theirs");
        Files.writeString(f, "old");
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal nobody;
        GroupPrincipal nogroup;
        try {
            nobody = users.lookupPrincipalByName("nobody");
            nogroup = users.lookupPrincipalByGroupName("nogroup");
            Files.setOwner(f, nobody);
            Files.getFileAttributeView(f, PosixFileAttributeView.class).setGroup(nogroup);
        } catch (IOException | UnsupportedOperationException e) {
            Assumptions.abort("needs root, POSIX files and the user nobody and group nogroup: " + e);
            return;
        }
        Assumptions.assumeFalse(nobody.equals(Files.getOwner(dir)), "the writer is nobody itself");
        AtomicFile.write(f, "new".getBytes());
        assertEquals("new", Files.readString(f));
        assertEquals(nobody, Files.getOwner(f));
        assertEquals(nogroup, Files.readAttributes(f, PosixFileAttributes.class).group());
    }

    @Test
    void newFileGetsThePermissionsOfAPlainWrite(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("plain"), atomic = dir.resolve("atomic");
        Files.write(plain, new byte[] {1});
        AtomicFile.write(atomic, new byte[] {1});
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(atomic));
    }

    @Test
    void contentThatFailsHalfWayLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("keep.png");
        byte[] old = {1, 2, 3, 4};
        Files.write(f, old);
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(f, out -> {
            out.write(new byte[100_000]); // more than the stream buffers, so part of it reaches the temporary file
            throw new IOException("File too large");
        }));
        assertEquals("File too large", e.getMessage());
        assertArrayEquals(old, Files.readAllBytes(f));
        assertEquals(List.of(f), list(dir));
    }

    @Test
    void pendingClosedWithoutCommitLeavesTheTargetAsItWas(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("anim.gif");
        Files.writeString(f, "old");
        try (AtomicFile.Pending p = AtomicFile.open(f)) {
            p.out().write("half".getBytes());
        }
        assertEquals("old", Files.readString(f));
        assertEquals(List.of(f), list(dir));
    }

    @Test
    void folderIsRefusedAndLeftAlone(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("dir.png"));
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(folder, new byte[] {1}));
        assertEquals(folder + " is a folder, not a file", e.getMessage());
        assertTrue(Files.isDirectory(folder));
        assertEquals(List.of(folder), list(dir));
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
