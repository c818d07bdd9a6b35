package cn.yibao.simulator.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PharmacyScoreTest {

    /** A region that also scores lost-card sales and indicator breaches. */
    private static final SupervisionPolicy.Scoring SCORING = new SupervisionPolicy.Scoring(12, 7,
            Map.of(FindingCode.HELD_CARD, 4, FindingCode.POST_LOSS_USE, 1, FindingCode.SPLIT_ADMISSION, 4,
                    FindingCode.SUBSTITUTION, 6), 1);

    private static Finding finding(FindingCode code, String pharmacy, YearMonth month) {
        return new Finding(code, pharmacy, month, pharmacy + "/x", "证据", "evidence", List.of("TX1"));
    }

    @Test
    void sevenPointsIsStillFineEightIsPenalised() {
        YearMonth oct = YearMonth.of(2026, 10);
        List<Finding> seven = List.of(finding(FindingCode.SUBSTITUTION, "P1", oct),
                finding(FindingCode.POST_LOSS_USE, "P1", oct));
        PharmacyScore s7 = PharmacyScore.of(SCORING, "P1", 2026, seven, List.of());
        assertEquals(7, s7.deducted());
        assertEquals(5, s7.remaining());
        assertFalse(s7.penalised());
        List<Finding> eight = List.of(finding(FindingCode.HELD_CARD, "P1", oct),
                finding(FindingCode.HELD_CARD, "P1", YearMonth.of(2026, 3)));
        PharmacyScore s8 = PharmacyScore.of(SCORING, "P1", 2026, eight, List.of());
        assertEquals(8, s8.deducted());
        assertTrue(s8.penalised());
        assertEquals(2, s8.findingsByCode().get(FindingCode.HELD_CARD));
    }

    @Test
    void byDefaultOnlyThePharmacysOwnViolationsCost() {
        SupervisionPolicy.Scoring d = SupervisionPolicy.defaults().scoring();
        YearMonth oct = YearMonth.of(2026, 10);
        IndicatorResult breach = new IndicatorResult(IndicatorCode.CLASS_C_SHARE, "P1", oct,
                new BigDecimal("0.15"), new BigDecimal("0.10"), 10);
        PharmacyScore s = PharmacyScore.of(d, "P1", 2026, List.of(finding(FindingCode.POST_LOSS_USE, "P1", oct),
                finding(FindingCode.SUBSTITUTION, "P1", oct)), List.of(breach));
        assertEquals(6, s.deducted());
        assertEquals(1, s.indicatorBreaches());
        assertFalse(s.penalised());
    }

    @Test
    void otherYearsAndPharmaciesDoNotCountButIndicatorBreachesDo() {
        List<Finding> findings = List.of(finding(FindingCode.HELD_CARD, "P1", YearMonth.of(2025, 12)),
                finding(FindingCode.HELD_CARD, "P2", YearMonth.of(2026, 1)));
        IndicatorResult breach = new IndicatorResult(IndicatorCode.CLASS_C_SHARE, "P1", YearMonth.of(2026, 2),
                new BigDecimal("0.15"), new BigDecimal("0.10"), 10);
        IndicatorResult fine = new IndicatorResult(IndicatorCode.AVG_PRESCRIPTION, "P1", YearMonth.of(2026, 2),
                new BigDecimal("40.00"), new BigDecimal("50.00"), 10);
        PharmacyScore s = PharmacyScore.of(SCORING, "P1", 2026, findings, List.of(breach, fine));
        assertEquals(1, s.deducted());
        assertEquals(1, s.indicatorBreaches());
        assertEquals(11, s.remaining());
    }
}
