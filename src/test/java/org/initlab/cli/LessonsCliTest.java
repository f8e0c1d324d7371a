package org.initlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `lessons --format json`: the contracted list of every lesson. */
class LessonsCliTest {
    @Test
    void lessonsListsNameTitleAndCaption() throws Exception {
        CliTest.Run r = CliTest.run("lessons", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode list = new ObjectMapper().readTree(r.out());
        List<String> names = new ArrayList<>();
        for (JsonNode l : list) {
            assertEquals(List.of("name", "title", "caption"), iterable(l.fieldNames()));
            names.add(l.get("name").asText());
        }
        assertEquals(List.of("why-sqrt5", "deep-linear", "tanh", "relu-needs-he", "zero-init", "selu", "per-layer"), names);
    }

    @Test
    void aBadFormatIsRefused() {
        CliTest.Run r = CliTest.run("lessons", "--format", "xml");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--format"), r.err());
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> l = new ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }
}
