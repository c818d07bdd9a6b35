package cn.yibao.simulator.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The card-list benchmark runs small on every build and checks its own answers (no timing asserted). */
class CardListBenchTest {

    @TempDir
    Path dir;

    @Test
    void aSmallRunDownloadsInSeveralAnswersAndMeasuresEveryProbe() throws Exception {
        CardListBench.Result r = CardListBench.run(dir, 12_000, 20, 50);
        assertEquals(3, r.answers(), "12,000 changes at 5,000 per answer");
        assertEquals(50, r.lookupNanos().length);
        assertTrue(Arrays.stream(r.countNanos()).allMatch(t -> t > 0));
    }
}
