package org.initlab.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.initlab.JsonErrors;

/**
 * The lessons: the built-in ones (assets/lessons/*.json, shipped in the jar as /lessons/) and the
 * user's own folder's, by name, a user's lesson replacing a built-in one of the same name. A file that
 * cannot be read is reported in one line naming the file and the field, and skipped.
 */
public final class Lessons {
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT); // "batch": 7.5 is a mistake, not 7

    private Lessons() {}

    /** Every lesson, built-in first then the user's, in file-name order; problems go to {@code report}. */
    public static List<Lesson> load(Path userFolder, Consumer<String> report) {
        Map<String, Lesson> byName = new LinkedHashMap<>();
        for (Path f : builtIn()) read(f, "lessons" + "/" + f.getFileName(), report, byName);
        if (userFolder != null && Files.isDirectory(userFolder)) {
            Map<String, Path> userFiles = new LinkedHashMap<>(); // two of the user's files with one name: the first in file-name order stands
            for (Path f : list(userFolder)) {
                Map<String, Lesson> one = new LinkedHashMap<>();
                read(f, f.toString(), report, one);
                for (Lesson l : one.values()) {
                    Path first = userFiles.putIfAbsent(l.name(), f);
                    if (first == null) byName.put(l.name(), l);
                    else report.accept("lesson " + f + ": the name '" + l.name() + "' is taken by " + first.getFileName() + "; skipped");
                }
            }
        }
        return List.copyOf(byName.values());
    }

    /** The lesson of this name; throws naming the ones there are. */
    public static Lesson byName(String name, Path userFolder, Consumer<String> report) {
        List<Lesson> all = load(userFolder, report);
        for (Lesson l : all) if (l.name().equals(name)) return l;
        throw new IllegalArgumentException("unknown lesson '" + name + "' (" + String.join(", ", all.stream().map(Lesson::name).toList()) + ")");
    }

    /** Reads one file; a problem is reported, not thrown. */
    static void read(Path f, String shownAs, Consumer<String> report, Map<String, Lesson> into) {
        try {
            Lesson l = parse(Files.readString(f));
            into.put(l.name(), l);
        } catch (IOException e) {
            report.accept("lesson " + shownAs + ": " + JsonErrors.describe(e) + "; skipped");
        } catch (IllegalArgumentException e) {
            report.accept("lesson " + shownAs + ": " + e.getMessage() + "; skipped");
        }
    }

    public static Lesson parse(String json) throws IOException {
        Lesson l = JSON.readValue(json, Lesson.class);
        if (l == null) throw new IllegalArgumentException("the file is empty");
        return l;
    }

    private static List<Path> builtIn() {
        URL u = Lessons.class.getResource("/lessons");
        if (u == null) return List.of();
        try {
            URI uri = u.toURI();
            if (!uri.getScheme().equals("jar")) return list(Path.of(uri));
            FileSystem fs;
            try {
                fs = FileSystems.getFileSystem(uri);
            } catch (FileSystemNotFoundException e) {
                fs = FileSystems.newFileSystem(uri, Map.of());
            }
            return list(fs.getPath("/lessons"));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("the built-in lessons cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList());
        } catch (IOException e) {
            return List.of();
        }
    }
}
