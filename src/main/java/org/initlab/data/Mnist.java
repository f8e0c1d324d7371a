package org.initlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * An IDX image/label data set (MNIST, Fashion-MNIST, ...) from one folder: train and test splits,
 * normalized by the training set's pixel mean and std. Files are checked against {@code SHA256SUMS}
 * when the folder has one.
 */
public final class Mnist {
    public static final String[] FILES = {
        "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};

    public enum Split {
        TRAIN, TEST;

        public static Split parse(String s) {
            return switch (s.toLowerCase()) {
                case "train" -> TRAIN;
                case "test", "valid", "validation" -> TEST;
                default -> throw new IllegalArgumentException("unknown split '" + s + "' (train, test)");
            };
        }

        public String id() {
            return name().toLowerCase();
        }
    }

    /** One split: images as unsigned bytes, row-major, and labels. */
    public record Part(int count, int rows, int cols, byte[] pixels, byte[] labels) {}

    private final Path folder;
    private final Part train, test;
    private final double mean, std;
    private final boolean verified;

    private Mnist(Path folder, Part train, Part test, boolean verified) {
        this.folder = folder;
        this.train = train;
        this.test = test;
        this.verified = verified;
        long s = 0, ss = 0; // exact integer sums: a tight loop even before the JIT has warmed up, at start
        for (byte b : train.pixels) {
            int v = b & 0xff;
            s += v;
            ss += v * v;
        }
        long n = train.pixels.length;
        double sum = s / 255.0, squares = ss / (255.0 * 255.0);
        this.mean = sum / n;
        this.std = Math.sqrt((squares - sum * sum / n) / (n - 1));
    }

    public static Mnist load(Path folder) throws DataException {
        if (Files.isRegularFile(folder)) throw new DataException(folder, "is a file; the data is a folder of IDX files");
        if (!Files.isDirectory(folder)) throw new DataException(folder, "data folder is missing");
        Map<String, String> sums = readSums(folder);
        Part train = part(folder, FILES[0], FILES[1], sums);
        Part test = part(folder, FILES[2], FILES[3], sums);
        if (train.rows != test.rows || train.cols != test.cols)
            throw new DataException(folder, "train images are " + train.rows + "×" + train.cols + " but test images " + test.rows + "×" + test.cols);
        return new Mnist(folder, train, test, sums != null);
    }

    public Path folder() { return folder; }
    public Part part(Split s) { return s == Split.TRAIN ? train : test; }
    /** Training-set pixel mean, for pixels/255. */
    public double mean() { return mean; }
    public double std() { return std; }
    /** Whether the files were checked against SHA256SUMS. */
    public boolean verified() { return verified; }

    /** Images {@code from..from+n-1} of a split, normalized, as {@code [n, 1, rows, cols]} row-major floats. */
    public float[] images(Split split, int from, int n) {
        Part p = part(split);
        checkRange(p, from, n);
        int size = p.rows * p.cols;
        float[] out = new float[n * size];
        float m = (float) mean, inv = (float) (1 / std);
        for (int i = 0, o = from * size; i < out.length; i++, o++) out[i] = (((p.pixels[o] & 0xff) / 255f) - m) * inv;
        return out;
    }

    public int[] labels(Split split, int from, int n) {
        Part p = part(split);
        checkRange(p, from, n);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = p.labels[from + i];
        return out;
    }

    private static void checkRange(Part p, int from, int n) {
        if (n <= 0) throw new IllegalArgumentException("batch must be > 0 (got " + n + ")");
        if (from < 0 || (long) from + n > p.count) // in long: an offset near the int limit must not wrap inside the range
            throw new IllegalArgumentException("images " + from + ".." + ((long) from + n - 1) + " are outside the split's " + p.count + " images");
    }

    private static Part part(Path folder, String imagesName, String labelsName, Map<String, String> sums) throws DataException {
        Path imagesFile = find(folder, imagesName), labelsFile = find(folder, labelsName);
        Idx.Tensor images = Idx.parse(imagesFile, verify(imagesFile, sums), 3);
        Idx.Tensor labels = Idx.parse(labelsFile, verify(labelsFile, sums), 1);
        if (images.count() != labels.count())
            throw new DataException(labelsFile, "holds " + labels.count() + " labels but " + imagesFile.getFileName() + " holds " + images.count() + " images");
        for (byte l : labels.data())
            if (l < 0 || l > 9) throw new DataException(labelsFile, "label " + l + " is outside 0..9");
        return new Part(images.count(), images.dims()[1], images.dims()[2], images.data(), labels.data());
    }

    /** The file under its plain name or with a compression suffix. */
    private static Path find(Path folder, String name) throws DataException {
        for (String ext : List.of(".gz", "", ".xz", ".bz2", ".zip")) {
            Path p = folder.resolve(name + ext);
            if (Files.exists(p)) return p;
        }
        throw new DataException(folder.resolve(name + ".gz"), "file is missing");
    }

    private static byte[] verify(Path file, Map<String, String> sums) throws DataException {
        byte[] raw = Idx.readRaw(file);
        if (sums == null) return raw;
        String expected = sums.get(file.getFileName().toString());
        if (expected == null) throw new DataException(file, "is not listed in SHA256SUMS");
        String actual;
        try {
            actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (!actual.equalsIgnoreCase(expected))
            throw new DataException(file, "checksum mismatch (SHA-256 " + actual.substring(0, 12) + "… but SHA256SUMS says " + expected.substring(0, Math.min(12, expected.length())) + "…): the file is damaged or was replaced");
        return raw;
    }

    /** {@code sha256  name} lines; null when the folder has no SHA256SUMS (the data is then unverified). */
    private static Map<String, String> readSums(Path folder) throws DataException {
        Path f = folder.resolve("SHA256SUMS");
        if (!Files.exists(f)) return null;
        Map<String, String> m = new HashMap<>();
        try {
            for (String line : Files.readAllLines(f)) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] parts = line.split("\\s+\\*?", 2);
                if (parts.length != 2 || !parts[0].matches("[0-9a-fA-F]{64}"))
                    throw new DataException(f, "malformed line '" + line + "' (expected: sha256 filename)");
                m.put(parts[1].strip(), parts[0]);
            }
        } catch (IOException e) {
            throw new DataException(f, "cannot be read (" + e.getMessage() + ")");
        }
        return m;
    }
}
