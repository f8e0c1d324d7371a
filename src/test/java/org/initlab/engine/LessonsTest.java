package org.initlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.initlab.Numbers;
import org.initlab.data.Mnist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every built-in lesson loads, and what its caption says holds when the lab runs it (seed 0, the test
 * split's first images, as `plot --lesson` and a fresh window show it); a malformed lesson is reported
 * by file and field and skipped.
 */
class LessonsTest {
    static final Path DATA = Path.of(System.getProperty("initlab.data", "data/mnist"));

    /** The lesson's run, then its pins, as the lab answers them. */
    static List<LabSnapshot> run(Lesson l) throws Exception {
        LabConfig cfg = new LabConfig(l.model(), l.init(), 0, Mnist.Split.TEST, 0, l.batch(), DATA, false);
        List<LabSnapshot> out = new ArrayList<>();
        BlockingQueue<LabSnapshot> q = new ArrayBlockingQueue<>(4);
        try (Lab lab = new Lab(q::offer)) {
            out.add(answer(lab, q, cfg));
            for (var p : l.pins()) out.add(answer(lab, q, cfg.withInit(p)));
        }
        return out;
    }

    private static LabSnapshot answer(Lab lab, BlockingQueue<LabSnapshot> q, LabConfig cfg) throws InterruptedException {
        lab.submit(cfg);
        LabSnapshot s = q.poll(120, TimeUnit.SECONDS);
        assertTrue(s != null && s.hasStats(), "the lab answered " + cfg.init() + (s == null || s.problem() == null ? "" : ": " + s.problem().message()));
        return s;
    }

    /** What each built-in caption claims, checked on the numbers it shows. */
    static final Map<String, Function<List<LabSnapshot>, String>> CLAIMS = Map.of(
        "why-sqrt5", r -> r.get(0).actStd()[6] > 10 * r.get(1).actStd()[6] ? null : "Kaiming a=0 keeps the last conv's std 10× above the default's",
        "deep-linear", r -> within(r.get(0).actStd()[20] / r.get(0).actStd()[1], 0.7, 1.4)
            && within(r.get(0).actStd()[20] / r.get(1).actStd()[20], 59049 / 3.0, 59049 * 3.0) ? null : "1/√n holds the std; the default loses √3 a layer",
        "tanh", r -> r.get(1).actStd()[20] < 1e-4 && r.get(2).actStd()[20] > 0.9 && within(r.get(0).actStd()[20], 0.3, 0.95)
            ? null : "std 0.01 vanishes, std 1 saturates, Xavier holds",
        "relu-needs-he", r -> within(r.get(0).actStd()[40] / r.get(1).actStd()[40], 1024 / 4.0, 1024 * 4.0) ? null : "Xavier loses about √2 a layer",
        "zero-init", r -> r.get(0).actStd()[1] == 0 && r.get(0).actStd()[40] == 0 && r.get(0).gradStd()[41] > 0 && r.get(0).gradStd()[39] == 0
            ? null : "zeros stay zeros; only the last layer gets a gradient",
        "selu", r -> Math.abs(r.get(0).actMean()[40]) < 0.2 && within(r.get(0).actStd()[40], 0.8, 1.25) && r.get(1).actStd()[40] < 0.3
            ? null : "SELU + LeCun keeps mean ≈ 0, std ≈ 1; the default sinks",
        "per-layer", r -> r.get(0).actStd()[r.get(0).actStd().length - 1] < 0.02 && Math.abs(r.get(0).stats().loss() - Math.log(10)) < 0.005
            ? null : "a tiny head gives near-zero logits and a first loss of ln 10");

    private static boolean within(double v, double lo, double hi) {
        return v >= lo && v <= hi;
    }

    @Test
    void everyBuiltInLessonLoadsAndItsCaptionHolds() throws Exception {
        List<String> problems = new ArrayList<>();
        List<Lesson> lessons = Lessons.load(null, problems::add);
        assertEquals(List.of(), problems);
        assertEquals(CLAIMS.keySet(), new java.util.HashSet<>(lessons.stream().map(Lesson::name).toList()), "a claim checked for every lesson");
        for (Lesson l : lessons) {
            // a caption writes powers as the charts do (2¹⁰, 10⁻³), not as code (2^10, 1e-3)
            assertFalse(l.caption().matches("(?s).*(\\^|\\d[eE][-+]?\\d).*"), l.name() + "'s caption: " + l.caption());
            List<LabSnapshot> r = run(l);
            String broken = CLAIMS.get(l.name()).apply(r);
            assertEquals(null, broken, l.name() + ": " + Caption.fill(l.caption(), r.get(0), r.subList(1, r.size())));
            String filled = Caption.fill(l.caption(), r.get(0), r.subList(1, r.size()));
            assertTrue(!filled.contains("{") && !filled.contains("}"), "every number filled in: " + filled);
            assertFalse(filled.matches("(?s).*\\d[eE][-+]?\\d.*"), "measured numbers written as the axes write them: " + filled);
        }
    }

    @Test
    void captionNumbersAreTheMeasuredOnes() throws Exception {
        Lesson l = Lessons.byName("why-sqrt5", null, s -> { });
        List<LabSnapshot> r = run(l);
        String filled = Caption.fill("{act_std[6]} {pin1.act_std[last]} {act_std[6]/pin1.act_std[6]} {loss}", r.get(0), r.subList(1, 2));
        assertEquals(String.join(" ", Numbers.significant(r.get(0).actStd()[6], 3), Numbers.significant(r.get(1).actStd()[8], 3),
            Numbers.significant(r.get(0).actStd()[6] / r.get(1).actStd()[6], 3), Numbers.significant(r.get(0).stats().loss(), 3)), filled);
    }

    @Test
    void aMalformedLessonIsReportedByFieldAndSkipped(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("good.json"), """
            {"name": "mine", "title": "Mine", "model": "conv1", "init": {"scheme": "kaiming-normal"}, "caption": "std {act_std[1]}"}""");
        Files.writeString(dir.resolve("bad-init.json"), """
            {"name": "bad", "title": "Bad", "model": "conv1", "init": {"scheme": "kaiming-sideways"}, "caption": "x"}""");
        Files.writeString(dir.resolve("bad-view.json"), """
            {"name": "bad2", "title": "Bad", "model": "conv1", "init": {"scheme": "zeros"}, "view": "movie", "caption": "x"}""");
        Files.writeString(dir.resolve("bad-slot.json"), """
            {"name": "bad3", "title": "Bad", "model": "conv1", "init": {"scheme": "zeros"}, "caption": "{act_std[7]}"}""");
        Files.writeString(dir.resolve("broken.json"), "{\"name\": ");
        Files.writeString(dir.resolve("mine-again.json"), """
            {"name": "mine", "title": "Mine again", "model": "conv1", "init": {"scheme": "zeros"}, "caption": "x"}""");
        List<String> problems = new ArrayList<>();
        List<Lesson> lessons = Lessons.load(dir, problems::add);
        assertTrue(lessons.stream().anyMatch(l -> l.name().equals("mine")), "the good one is listed beside the built-in ones");
        assertEquals(8, lessons.size());
        assertEquals(5, problems.size(), String.join("\n", problems));
        String all = String.join("\n", problems);
        assertTrue(all.contains("mine-again.json: the name 'mine' is taken by good.json"), all);
        assertEquals("Mine", lessons.stream().filter(l -> l.name().equals("mine")).findFirst().orElseThrow().title(), "the first file in name order stands");
        assertTrue(all.contains("bad-init.json: field 'init") && all.contains("kaiming-sideways"), all);
        assertTrue(all.contains("bad-view.json") && all.contains("view must be one of [charts, histograms, landscape] (got 'movie')"), all);
        assertTrue(all.contains("bad-slot.json") && all.contains("names module 7 but the model has 2 (0 … 1)"), all);
        assertTrue(all.contains("broken.json: malformed JSON at line 1"), all);
        assertTrue(problems.stream().allMatch(p -> p.endsWith("; skipped")));
    }
}
