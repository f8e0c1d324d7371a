package org.initlab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.stream.Collectors;

/** One sentence for a JSON file that could not be read: where, and what. */
public final class JsonErrors {
    private static final String EMPTY = "the file is empty";

    private JsonErrors() {}

    public static String describe(IOException e) {
        if (e instanceof CharacterCodingException) return "not UTF-8 text";
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        boolean refused = root instanceof IllegalArgumentException; // valid JSON whose value a record refuses
        String what = refused ? root.getMessage() : firstLine(e).startsWith("Non-standard token") ? "NaN and Infinity are not JSON numbers" : firstLine(e);
        if (e instanceof UnrecognizedPropertyException u) what = unknownField(u);
        else if (!refused && e instanceof MismatchedInputException m && m.getTargetType() != null) what = mismatch(m);
        if (EMPTY.equals(what)) return what;
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
            return "field '" + field + "': " + what;
        }
        if (refused) return what;
        if (e instanceof JsonProcessingException p && p.getLocation() != null)
            return "malformed JSON at line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr() + ": " + what;
        return what;
    }

    /** "expected a number, got text": Jackson's own sentence names Java types. */
    private static String mismatch(MismatchedInputException m) {
        if (m.getOriginalMessage().startsWith("No content to map")) return EMPTY;
        java.util.regex.Matcher got = java.util.regex.Pattern.compile("(?:from|coerce) (String|Array|Object|Integer|Floating-point|Boolean|Null)").matcher(m.getOriginalMessage());
        String found = !got.find() ? null : switch (got.group(1)) {
            case "String" -> "text";
            case "Array" -> "a list [ … ]";
            case "Object" -> "an object { … }";
            case "Integer" -> "a whole number";
            case "Floating-point" -> "a number with a decimal point";
            case "Boolean" -> "true or false";
            default -> "null";
        };
        Class<?> t = m.getTargetType();
        boolean whole = java.util.List.of(int.class, Integer.class, long.class, Long.class, short.class, Short.class).contains(t);
        String want = whole ? "a whole number" : kind(t);
        return "expected " + want + (found == null ? "" : ", got " + found);
    }

    /** What a reader calls the value a field wants, not the class that holds it. */
    private static String kind(Class<?> type) {
        if (type == String.class || type.isEnum()) return "text";
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) return "a number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) return "a list [ … ]";
        return "an object { … }";
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
