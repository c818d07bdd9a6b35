package cn.yibao.simulator.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No production class is over {@link #MAX_LINES} lines, except those that docs/architecture.md
 * lists, with the reason, under "Classes over 300 lines".
 */
class ClassSizeTest {

    static final int MAX_LINES = 300;
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern LISTED = Pattern.compile("^\\| `(\\w+)` \\|", Pattern.MULTILINE);

    @Test
    void noClassOverTheLimitUnlessTheArchitectureSaysWhy() throws IOException {
        Map<String, Integer> over = oversized();
        Set<String> listed = listedExceptions();
        Map<String, Integer> unexplained = new TreeMap<>(over);
        unexplained.keySet().removeAll(listed);
        assertEquals(Map.of(), unexplained, "classes over " + MAX_LINES
                + " lines that docs/architecture.md does not explain (split them by job, or say why)");
        Set<String> stale = listed.stream().filter(c -> !over.containsKey(c)).collect(Collectors.toSet());
        assertEquals(Set.of(), stale, "docs/architecture.md explains classes that are no longer over " + MAX_LINES);
    }

    @Test
    void readsTheSourcesOfEveryModule() throws IOException {
        try (Stream<Path> files = mainSources()) {
            Set<String> modules = files.map(f -> ROOT.relativize(f).getName(0).toString()).collect(Collectors.toSet());
            assertEquals(Set.of("card-protocol", "host-link", "terminal", "simulator"), modules);
        }
    }

    /** @return the simple names of the production classes over the limit, with their line counts */
    private static Map<String, Integer> oversized() throws IOException {
        Map<String, Integer> over = new TreeMap<>();
        try (Stream<Path> files = mainSources()) {
            for (Path f : files.toList()) {
                int lines = Files.readAllLines(f, StandardCharsets.UTF_8).size();
                if (lines > MAX_LINES) {
                    over.put(f.getFileName().toString().replace(".java", ""), lines);
                }
            }
        }
        return over;
    }

    /** @return the {@code .java} files under each module's {@code src/main/java} */
    private static Stream<Path> mainSources() throws IOException {
        List<Path> roots;
        try (Stream<Path> modules = Files.list(ROOT)) {
            roots = modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList();
        }
        Stream<Path> all = Stream.empty();
        for (Path r : roots) {
            try (Stream<Path> files = Files.walk(r)) {
                all = Stream.concat(all, files.filter(f -> f.toString().endsWith(".java")).toList().stream());
            }
        }
        return all;
    }

    /** @return the classes named in the table of the section "Classes over 300 lines" */
    private static Set<String> listedExceptions() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/architecture.md"), StandardCharsets.UTF_8);
        int start = doc.indexOf("### Classes over 300 lines");
        assertTrue(start >= 0, "docs/architecture.md has no section \"Classes over 300 lines\"");
        int end = doc.indexOf("\n#", start + 1);
        Matcher m = LISTED.matcher(doc.substring(start, end < 0 ? doc.length() : end));
        Set<String> names = new java.util.TreeSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
