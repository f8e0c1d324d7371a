package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.Set;
import java.util.TreeSet;
import org.initlab.init.InitSpec;
import org.initlab.nn.LayerSpec;
import org.initlab.nn.ModelSpec;
import org.junit.jupiter.api.Test;

/**
 * The round-trip generator reaches every field of the experiment format: the fields are read from the
 * records themselves (as Jackson writes them), so a field added to a record, or a new layer type,
 * fails here until {@link ExperimentArbitraries} generates it.
 */
class ExperimentArbitrariesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<Class<?>> NESTED = Set.of(ModelSpec.class, InitSpec.class, Experiment.Data.class, OptimizerSpec.class);

    @Test
    void everyFieldOfTheFormatIsGenerated() {
        Set<String> expected = new TreeSet<>(), seen = new TreeSet<>();
        fields(Experiment.class, "", expected);
        assertTrue(expected.contains("model.layers[].Conv2d.init.std") && expected.contains("optimizer.weight_decay"), "the records' fields are found: " + expected);
        ExperimentArbitraries.experiments().sampleStream().limit(500).forEach(e -> seen(JSON.valueToTree(e), "", seen));
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(seen);
        assertEquals(Set.of(), missing, "fields the generator never writes (of " + expected.size() + ")");
    }

    /** Every JSON field path of a record type; a layer's fields under its type name. */
    static void fields(Class<?> type, String prefix, Set<String> out) {
        for (BeanPropertyDefinition p : JSON.getSerializationConfig().introspect(JSON.constructType(type)).findProperties()) {
            if (!p.couldSerialize()) continue;
            Class<?> t = p.getRawPrimaryType();
            String path = prefix + p.getName();
            if (NESTED.contains(t)) {
                fields(t, path + ".", out);
            } else if (p.getName().equals("layers")) {
                for (JsonSubTypes.Type sub : LayerSpec.class.getAnnotation(JsonSubTypes.class).value()) {
                    out.add(path + "[]." + sub.name() + ".type");
                    fields(sub.value(), path + "[]." + sub.name() + ".", out);
                }
            } else {
                out.add(path);
            }
        }
    }

    static void seen(JsonNode n, String path, Set<String> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(f -> seen(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), out));
            return;
        }
        if (n.isArray() && n.size() > 0 && n.get(0).isObject()) {
            for (JsonNode layer : n) {
                String at = path + "[]." + layer.get("type").asText() + ".";
                out.add(at + "type");
                layer.fields().forEachRemaining(f -> { if (!f.getKey().equals("type")) seenIn(f.getValue(), at + f.getKey(), out); });
            }
            return;
        }
        out.add(path);
    }

    private static void seenIn(JsonNode n, String path, Set<String> out) {
        if (n.isObject()) n.fields().forEachRemaining(f -> seenIn(f.getValue(), path + "." + f.getKey(), out));
        else out.add(path);
    }
}
