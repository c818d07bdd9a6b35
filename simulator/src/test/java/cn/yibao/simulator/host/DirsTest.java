package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirsTest {

    @TempDir
    Path dir;

    @Test
    void anAtomicWriteReplacesTheFileAndLeavesNothingBeside() throws Exception {
        Path f = dir.resolve("host.port");
        Dirs.writeAtomically(f, "41234");
        Dirs.writeAtomically(f, "5");
        assertEquals("5", Files.readString(f, StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList());
        }
    }
}
