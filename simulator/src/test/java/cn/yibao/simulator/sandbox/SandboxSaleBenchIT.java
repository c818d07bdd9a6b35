package cn.yibao.simulator.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox sale benchmark runs end to end and every sale it times settled (no timing asserted). */
class SandboxSaleBenchIT {

    @TempDir
    Path home;

    @Test
    void everyTimedSaleSettles() throws Exception {
        long[] times = SandboxSaleBench.run(home, 1, 4); // five sales: beyond the pack's three a day per card
        assertEquals(4, times.length);
        assertTrue(Arrays.stream(times).allMatch(t -> t > 0));
    }
}
