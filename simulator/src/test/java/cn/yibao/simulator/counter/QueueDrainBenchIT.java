package cn.yibao.simulator.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link QueueDrainBench} small on every build (no timing asserted) so that it cannot rot. */
class QueueDrainBenchIT {

    @TempDir
    Path dir;

    @Test
    void threeQueuedSalesDrainToTheHostThatListsCards() throws Exception {
        assertEquals(3, QueueDrainBench.run(dir, 3, 20).records());
    }
}
