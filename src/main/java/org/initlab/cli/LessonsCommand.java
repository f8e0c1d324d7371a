package org.initlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.concurrent.Callable;
import org.initlab.AppFolders;
import org.initlab.engine.Lesson;
import org.initlab.engine.Lessons;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "lessons", mixinStandardHelpOptions = true,
    description = {"Lists the lessons: the built-in ones and those in the user's lessons folder (a malformed file: one line on stderr, skipped).",
                   "Captions are shown as written: {…} placeholders are the numbers the lab measures when the lesson is opened or plotted (plot --lesson NAME)."})
final class LessonsCommand implements Callable<Integer> {
    @Option(names = "--format", defaultValue = "table", description = "json ([{name, title, caption}]) or table; default ${DEFAULT-VALUE}")
    Format format;

    enum Format { json, table }

    @Override
    public Integer call() throws Exception {
        List<Lesson> lessons = Lessons.load(AppFolders.userLessons(), line -> System.err.println("initlab: " + line));
        if (format == Format.json) {
            ObjectMapper json = new ObjectMapper();
            ArrayNode out = json.createArrayNode();
            for (Lesson l : lessons) out.addObject().put("name", l.name()).put("title", l.title()).put("caption", l.caption());
            System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(out));
        } else {
            for (Lesson l : lessons) System.out.printf("%-16s %s%n", l.name(), l.title());
        }
        return 0;
    }
}
