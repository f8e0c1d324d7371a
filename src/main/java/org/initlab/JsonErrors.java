package org.initlab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.util.stream.Collectors;

/** One sentence for a JSON file that could not be read: where, and what. */
public final class JsonErrors {
    private JsonErrors() {}

    public static String describe(IOException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String what = root instanceof IllegalArgumentException ? root.getMessage() : firstLine(e);
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

    private static String firstLine(IOException e) {
        String m = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse("");
    }
}
