package org.initlab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.util.stream.Collectors;

/** One sentence for a JSON file that could not be read: where, and what. */
public final class JsonErrors {
    private JsonErrors() {}

    public static String describe(IOException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String what = root instanceof IllegalArgumentException ? root.getMessage() : firstLine(e);
        if (e instanceof UnrecognizedPropertyException u) what = unknownField(u);
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
            return "field '" + field + "': " + what;
        }
        if (e instanceof JsonProcessingException p && p.getLocation() != null)
            return "malformed JSON at line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr() + ": " + firstLine(e);
        return what;
    }

    /** e.g. "ReLU has no field 'init' (only Conv2d and Linear have weights to initialize)". */
    private static String unknownField(UnrecognizedPropertyException u) {
        String owner = u.getReferringClass() == null ? "this object" : u.getReferringClass().getSimpleName();
        String hint = "init".equals(u.getPropertyName()) ? " (only Conv2d and Linear have weights to initialize)"
            : u.getKnownPropertyIds() == null || u.getKnownPropertyIds().isEmpty() ? " (it takes none)"
            : " (known: " + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")";
        return owner + " has no field '" + u.getPropertyName() + "'" + hint;
    }

    private static String firstLine(IOException e) {
        String m = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse("");
    }
}
