package org.initlab.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.util.List;
import org.initlab.init.InitSpec;
import org.initlab.nn.ModelSpec;
import org.initlab.nn.Models;

/**
 * A one-click lesson, read from JSON: the model (a built-in name or a model object), the init it
 * charts, the inits pinned beside it, the view, how many seeds the charts average, and a caption of
 * two or three sentences whose numbers are {@link Caption} placeholders the lab fills in.
 *
 * @param view   "charts", "histograms" or "landscape"
 * @param seeds  1 … 100
 */
public record Lesson(String name, String title, @JsonDeserialize(using = Lesson.ModelField.class) ModelSpec model, InitSpec init,
                     List<InitSpec> pins, String view, int seeds, int batch, String caption) {
    public static final List<String> VIEWS = List.of("charts", "histograms", "landscape");

    public Lesson {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) throw new IllegalArgumentException("name must be lower-case letters, digits and dashes (got " + name + ")");
        if (title == null || title.isBlank()) throw new IllegalArgumentException("title is missing");
        if (model == null) throw new IllegalArgumentException("model is missing");
        if (init == null) throw new IllegalArgumentException("init is missing");
        if (pins == null) pins = List.of();
        if (pins.size() > 3) throw new IllegalArgumentException("pins: at most 3 (the lesson's own run is the fourth line), got " + pins.size());
        if (view == null) view = "charts";
        if (!VIEWS.contains(view)) throw new IllegalArgumentException("view must be one of " + VIEWS + " (got '" + view + "')");
        if (seeds < 1 || seeds > 100) throw new IllegalArgumentException("seeds must be within 1 … 100 (got " + seeds + ")");
        if (batch < 1 || batch > 10_000) throw new IllegalArgumentException("batch must be within 1 … 10000 (got " + batch + ")");
        if (caption == null || caption.isBlank()) throw new IllegalArgumentException("caption is missing");
        model.shapes();
        Caption.check(caption, model.layers().size(), pins.size());
    }

    @JsonCreator
    static Lesson fromJson(@JsonProperty("name") String name, @JsonProperty("title") String title,
                           @JsonProperty("model") @JsonDeserialize(using = ModelField.class) ModelSpec model, @JsonProperty("init") InitSpec init,
                           @JsonProperty("pins") List<InitSpec> pins, @JsonProperty("view") String view, @JsonProperty("seeds") Integer seeds,
                           @JsonProperty("batch") Integer batch, @JsonProperty("caption") String caption) {
        return new Lesson(name, title, model, init, pins, view, seeds == null ? 1 : seeds, batch == null ? 100 : batch, caption);
    }

    /** A built-in model's name ("seed4") or a whole model object, as in a model file. */
    static final class ModelField extends JsonDeserializer<ModelSpec> {
        private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

        @Override
        public ModelSpec deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            JsonNode n = p.readValueAsTree();
            if (n.isTextual()) return Models.byName(n.asText());
            return JSON.treeToValue(n, ModelSpec.class);
        }
    }
}
