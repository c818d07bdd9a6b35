package cn.yibao.simulator.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code simulator sandbox --fresh}: starts over. In the counter's directory everything goes but
 * the terminal's keys ({@code host-link/}, certified again by the new host), its API token, its
 * settings, its catalog and its logs; in the simulators' directory the cards, the PSAM and the host
 * go (a fresh card's counters would be replays to a host that saw the last run).
 */
final class FreshStart {

    /** What a fresh start keeps in the counter's directory. */
    static final Set<String> TERMINAL_KEEPS = Set.of("host-link", "api-token", "counter.properties", "catalog.json",
            "logs");
    /** What a fresh start removes from the simulators' directory. */
    static final List<String> SIMULATOR_CLEARS = List.of(Sandbox.CARD_DIR, Sandbox.HOST_DIR);

    private FreshStart() {
    }

    static void clear(Path terminalDir, Path simulatorDir) throws IOException {
        try (Stream<Path> files = Files.list(terminalDir)) {
            for (Path p : files.toList()) {
                if (!TERMINAL_KEEPS.contains(p.getFileName().toString())) {
                    deleteTree(p);
                }
            }
        }
        for (String name : SIMULATOR_CLEARS) {
            deleteTree(simulatorDir.resolve(name));
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
