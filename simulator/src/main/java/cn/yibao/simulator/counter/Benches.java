package cn.yibao.simulator.counter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** What the counter benchmarks share: quantiles of sorted timings, clean-up of their directory. */
final class Benches {

    private Benches() {
    }

    /** @return the {@code q} quantile (0..1] of {@code sorted} nanoseconds */
    static long quantile(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    }

    /** Deletes {@code dir} and everything below it. */
    static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
