package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmarks' unit: the fastest round of either measurement, the slowest kept beside it. */
class RawVerifyTest {

    @Test
    void theFastestRoundOfEitherMeasurementIsTheUnit() {
        LoadGenerator.RawVerify before = new LoadGenerator.RawVerify(4000, 250, 290);
        LoadGenerator.RawVerify after = new LoadGenerator.RawVerify(5000, 200, 220);
        for (LoadGenerator.RawVerify unit : List.of(before.with(after), after.with(before))) {
            assertEquals(200, unit.cpuMicros());
            assertEquals(5000, unit.perSecond());
            assertEquals(290, unit.slowestMicros());
        }
    }

    @Test
    void atLeastOneRound() {
        assertThrows(IllegalArgumentException.class, () -> LoadGenerator.rawVerify(List.of(), 0));
    }
}
