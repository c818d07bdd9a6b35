package cn.yibao.simulator.supervision.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.simulator.supervision.FindingCode;
import cn.yibao.simulator.supervision.SettledTransaction;
import cn.yibao.simulator.supervision.SupervisionPolicy;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficGeneratorTest {

    /** A reduced month: 40 pharmacies, 2 hospitals; fraud rates raised so every detector has cases. */
    static GeneratorOptions reduced(long seed) {
        return new GeneratorOptions(seed, YearMonth.of(2026, 10), 40, 150, 2, 80, 0.15, 0.01, 0.08, 0.10);
    }

    @Test
    void sameOptionsGiveTheSameMonth() {
        GeneratedMonth a = TrafficGenerator.generate(reduced(7));
        GeneratedMonth b = TrafficGenerator.generate(reduced(7));
        assertEquals(a.data().transactions(), b.data().transactions());
        assertEquals(a.data().movements(), b.data().movements());
        assertEquals(a.labels(), b.labels());
        GeneratedMonth c = TrafficGenerator.generate(reduced(8));
        assertNotEquals(a.data().transactions(), c.data().transactions());
    }

    @Test
    void everyPatternIsInjectedAndEverySettlementFallsInTheMonth() {
        GeneratedMonth m = TrafficGenerator.generate(reduced(7));
        for (FindingCode code : FindingCode.values()) {
            assertTrue(m.labels().stream().anyMatch(l -> l.code() == code), "no label for " + code);
        }
        for (SettledTransaction tx : m.data().transactions()) {
            assertEquals(YearMonth.of(2026, 10), tx.month(), tx.txId());
        }
        GeneratedMonth none = TrafficGenerator.generate(new GeneratorOptions(7, YearMonth.of(2026, 10), 10, 50, 1, 20,
                0, 0, 0, 0));
        assertEquals(List.of(), none.labels());
    }

    @Test
    void everyDetectorReachesNinetyPercentOnAReducedMonth() {
        for (long seed : new long[] {1, 2}) {
            List<DetectorScore> scores = Evaluator.evaluate(TrafficGenerator.generate(reduced(seed)),
                    SupervisionPolicy.defaults());
            assertEquals(FindingCode.values().length, scores.size());
            for (DetectorScore s : scores) {
                assertTrue(s.labelled() > 0, s.toString());
                assertTrue(s.precision().compareTo(new BigDecimal("0.9")) >= 0, Evaluator.table(scores));
                assertTrue(s.recall().compareTo(new BigDecimal("0.9")) >= 0, Evaluator.table(scores));
            }
        }
    }

    @Test
    void scoreArithmetic() {
        DetectorScore s = new DetectorScore(FindingCode.HELD_CARD, 10, 8, 6);
        assertEquals(new BigDecimal("0.750"), s.precision());
        assertEquals(new BigDecimal("0.600"), s.recall());
        assertEquals(2, s.falsePositives());
        assertEquals(4, s.falseNegatives());
        assertEquals(new BigDecimal("1.000"), new DetectorScore(FindingCode.HELD_CARD, 0, 0, 0).precision());
        assertThrows(IllegalArgumentException.class, () -> new DetectorScore(FindingCode.HELD_CARD, 1, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new GeneratorOptions(1, YearMonth.of(2026, 10), 1, 50, 1, 1,
                0.6, 0, 0, 0));
    }
}
