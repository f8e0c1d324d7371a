package org.initlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real MNIST loads and normalizes; every kind of bad file gets one sentence naming the file. */
class MnistTest {
    @TempDir Path dir;

    @Test
    void bundledMnistIsVerifiedAndNormalizedByTheTrainingSet() throws Exception {
        Mnist m = Mnist.load(Path.of(System.getProperty("initlab.data", "data/mnist")));
        assertTrue(m.verified());
        assertEquals(60000, m.part(Mnist.Split.TRAIN).count());
        assertEquals(10000, m.part(Mnist.Split.TEST).count());
        assertEquals(0.130660, m.mean(), 1e-6);
        assertEquals(0.308108, m.std(), 1e-6);
        assertEquals(7, m.labels(Mnist.Split.TEST, 0, 1)[0]); // the first test digit is a 7
        float[] x = m.images(Mnist.Split.TRAIN, 0, 1000);
        double s = 0;
        for (float v : x) s += v;
        assertEquals(0, s / x.length, 0.05);
    }

    enum Kind { PLAIN, GZ, XZ, BZ2, ZIP }

    /** A tiny data set: n images of 4×4 and their labels, in each file written with the given compression. */
    private void write(int images, int labels, Kind kind, boolean sums) throws IOException {
        byte[] img = idx(0x803, new int[] {images, 4, 4}, images * 16);
        byte[] lab = idx(0x801, new int[] {labels}, labels);
        StringBuilder sb = new StringBuilder();
        for (String prefix : new String[] {"train", "t10k"}) {
            sb.append(put(prefix + "-images-idx3-ubyte", img, kind));
            sb.append(put(prefix + "-labels-idx1-ubyte", lab, kind));
        }
        if (sums) Files.writeString(dir.resolve("SHA256SUMS"), sb.toString());
    }

    private static byte[] idx(int magic, int[] dims, int n) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + n);
        b.putInt(magic);
        for (int d : dims) b.putInt(d);
        for (int i = 0; i < n; i++) b.put((byte) (i % 10));
        return b.array();
    }

    private String put(String name, byte[] data, Kind kind) throws IOException {
        String file = name + switch (kind) { case PLAIN -> ""; case GZ -> ".gz"; case XZ -> ".xz"; case BZ2 -> ".bz2"; case ZIP -> ".zip"; };
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = switch (kind) {
            case PLAIN -> bytes;
            case GZ -> new GZIPOutputStream(bytes);
            case XZ -> new XZCompressorOutputStream(bytes);
            case BZ2 -> new BZip2CompressorOutputStream(bytes);
            case ZIP -> {
                ZipArchiveOutputStream z = new ZipArchiveOutputStream(bytes);
                z.putArchiveEntry(new ZipArchiveEntry(name));
                yield new java.io.FilterOutputStream(z) {
                    @Override public void close() throws IOException { z.closeArchiveEntry(); z.close(); }
                };
            }
        }) {
            out.write(data);
        }
        Files.write(dir.resolve(file), bytes.toByteArray());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray())) + "  " + file + "\n";
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    @Test
    void everyCompressionIsDetectedByContent() throws Exception {
        for (Kind k : Kind.values()) {
            for (Path p : Files.list(dir).toList()) Files.delete(p);
            write(5, 5, k, true);
            Mnist m = Mnist.load(dir);
            assertEquals(5, m.part(Mnist.Split.TEST).count(), k.name());
            assertEquals(3, m.labels(Mnist.Split.TEST, 3, 1)[0], k.name());
        }
        // detected by content, not by name: a gzip file without the .gz suffix
        for (Path p : Files.list(dir).toList()) Files.delete(p);
        write(5, 5, Kind.GZ, false);
        Files.move(dir.resolve("t10k-labels-idx1-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte"));
        assertEquals(5, Mnist.load(dir).part(Mnist.Split.TEST).count());
    }

    @Test
    void folderWithoutChecksumsLoadsUnverified() throws Exception {
        write(5, 5, Kind.GZ, false);
        assertFalse(Mnist.load(dir).verified());
    }

    private String failure() {
        DataException e = assertThrows(DataException.class, () -> Mnist.load(dir));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void missingFile() throws Exception {
        write(5, 5, Kind.GZ, false);
        Files.delete(dir.resolve("t10k-images-idx3-ubyte.gz"));
        assertTrue(failure().matches(".*t10k-images-idx3-ubyte.gz: file is missing"), failure());
    }

    @Test
    void emptyFolderAndMissingFolder() throws Exception {
        assertTrue(failure().contains("train-images-idx3-ubyte.gz: file is missing"), failure());
        dir = dir.resolve("nowhere");
        assertTrue(failure().endsWith("nowhere: data folder is missing"), failure());
    }

    @Test
    void checksumMismatch() throws Exception {
        write(5, 5, Kind.GZ, true);
        byte[] b = Files.readAllBytes(dir.resolve("train-labels-idx1-ubyte.gz"));
        b[b.length - 9] ^= 1;
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), b);
        assertTrue(failure().contains("train-labels-idx1-ubyte.gz: checksum mismatch"), failure());
    }

    @Test
    void truncatedFile() throws Exception {
        write(5, 5, Kind.PLAIN, false);
        byte[] b = Files.readAllBytes(dir.resolve("t10k-images-idx3-ubyte"));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), java.util.Arrays.copyOf(b, b.length - 7));
        assertTrue(failure().contains("t10k-images-idx3-ubyte: truncated"), failure());
    }

    @Test
    void truncatedGzip() throws Exception {
        write(50, 50, Kind.GZ, false);
        byte[] b = Files.readAllBytes(dir.resolve("train-images-idx3-ubyte.gz"));
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), java.util.Arrays.copyOf(b, b.length / 2));
        assertTrue(failure().contains("train-images-idx3-ubyte.gz: "), failure());
    }

    @Test
    void wrongMagic() throws Exception {
        write(5, 5, Kind.PLAIN, false);
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), idx(0x803, new int[] {5}, 5));
        assertTrue(failure().contains("t10k-labels-idx1-ubyte: wrong IDX magic 0x00000803"), failure());
    }

    @Test
    void imageLabelCountMismatch() throws Exception {
        write(5, 4, Kind.GZ, false);
        assertTrue(failure().contains("train-labels-idx1-ubyte.gz: holds 4 labels but train-images-idx3-ubyte.gz holds 5 images"), failure());
    }

    @Test
    void unreadableFile() throws Exception {
        write(5, 5, Kind.GZ, false);
        Path p = dir.resolve("train-images-idx3-ubyte.gz");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(p), "root reads a file without permissions (CI runs as root): aFolderWhereAFileShouldBe checks an unreadable file there");
        assertTrue(failure().contains("permission denied"), failure());
    }

    /** Unreadable for any user, root included: the name is there, but it is a folder. */
    @Test
    void aFolderWhereAFileShouldBe() throws Exception {
        write(5, 5, Kind.GZ, false);
        Path p = dir.resolve("train-images-idx3-ubyte.gz");
        Files.delete(p);
        Files.createDirectory(p);
        assertTrue(failure().endsWith("train-images-idx3-ubyte.gz: cannot be read (Is a directory)"), failure());
    }
}
