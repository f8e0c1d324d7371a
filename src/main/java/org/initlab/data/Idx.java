package org.initlab.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;

/**
 * IDX files (LeCun's MNIST format): a big-endian header of magic {@code 0x0000 08 D}, D dimension
 * sizes, then unsigned bytes. The file may be gzip, xz, bzip2, zip or plain, detected by content.
 */
public final class Idx {
    /** The dimension sizes and the unsigned bytes of an IDX file. */
    public record Tensor(int[] dims, byte[] data) {
        public int count() {
            return dims[0];
        }
    }

    private Idx() {}

    public static byte[] readRaw(Path file) throws DataException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataException(file, "file is missing");
        } catch (AccessDeniedException e) {
            throw new DataException(file, "file is not readable (permission denied)");
        } catch (IOException e) {
            throw new DataException(file, "cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Parses the (possibly compressed) bytes of {@code file}, expecting {@code rank} dimensions. */
    public static Tensor parse(Path file, byte[] raw, int rank) throws DataException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(decompress(file, raw), 1 << 16))) {
            int magic;
            try {
                magic = in.readInt();
            } catch (EOFException e) {
                throw new DataException(file, "file is empty or truncated before its IDX header");
            }
            int expected = 0x0800 | rank;
            if (magic != expected)
                throw new DataException(file, String.format("wrong IDX magic 0x%08X (expected 0x%08X: unsigned bytes, %d dimensions)", magic, expected, rank));
            int[] dims = new int[rank];
            long n = 1;
            for (int i = 0; i < rank; i++) {
                dims[i] = in.readInt();
                if (dims[i] < 0) throw new DataException(file, "negative dimension size " + dims[i] + " in the IDX header");
                n *= dims[i];
            }
            if (n > Integer.MAX_VALUE - 16) throw new DataException(file, "IDX header declares " + n + " bytes, more than can be loaded");
            byte[] data = new byte[(int) n];
            int read = in.readNBytes(data, 0, data.length);
            if (read < data.length)
                throw new DataException(file, "truncated: the header declares " + n + " data bytes but the file holds " + read);
            return new Tensor(dims, data);
        } catch (EOFException e) {
            throw new DataException(file, "truncated inside its IDX header");
        } catch (IOException e) {
            throw new DataException(file, "cannot be decompressed (" + e.getMessage() + "): the file is damaged or truncated");
        }
    }

    private static InputStream decompress(Path file, byte[] raw) throws IOException, DataException {
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(raw));
        if (raw.length >= 4 && raw[0] == 'P' && raw[1] == 'K' && raw[2] == 3 && raw[3] == 4) {
            ZipArchiveInputStream zip = new ZipArchiveInputStream(in);
            ZipArchiveEntry e;
            while ((e = zip.getNextEntry()) != null) if (!e.isDirectory()) return zip;
            throw new DataException(file, "zip archive holds no file");
        }
        try {
            String kind = CompressorStreamFactory.detect(in);
            return new CompressorStreamFactory().createCompressorInputStream(kind, in);
        } catch (CompressorException notCompressed) {
            return in; // plain IDX
        }
    }
}
