package cn.yibao.simulator.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.simulator.vpcd.PcscdExtension;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The tap-to-split benchmark runs end to end and every tap it times got the right split (no timing asserted). */
@ExtendWith(PcscdExtension.class)
class TapToSplitBenchIT {

    @TempDir
    Path dir;

    @Test
    void everyTimedTapGetsTheSplit() throws Exception {
        long[] times = TapToSplitBench.run(PcscdExtension.pcscd(), dir, 1, 3);
        assertEquals(3, times.length);
        assertTrue(Arrays.stream(times).allMatch(t -> t > 0));
    }
}
