package cn.yibao.simulator.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class IndicatorsTest {

    private static final LocalDateTime T = LocalDateTime.of(2026, 10, 3, 10, 0);

    @Test
    void prescriptionAndClassCIndicatorsPerPharmacy() {
        SaleItem c = Fixtures.item("XC00SZT001C003", "血糖试纸", CatalogClass.C, "65.00", 1);
        SaleItem a = Fixtures.item("XA11GAV010A001", "维生素C片", CatalogClass.A, "10.00", 2);
        List<SettledTransaction> txs = List.of(
                Fixtures.sale(Fixtures.PHARMACY, Fixtures.card(1), T, true, a),            // 20.00
                Fixtures.sale(Fixtures.PHARMACY, Fixtures.card(2), T, true, a, c),         // 85.00, large
                Fixtures.sale(Fixtures.PHARMACY, Fixtures.card(3), T, true, a),            // 20.00
                Fixtures.sale(Fixtures.PHARMACY, Fixtures.card(4), T, true, a));           // 20.00
        Map<IndicatorCode, IndicatorResult> r = byCode(new Indicators(SupervisionPolicy.defaults())
                .compute(Fixtures.month(txs, List.of(), List.of())));
        assertEquals(new BigDecimal("36.25"), r.get(IndicatorCode.AVG_PRESCRIPTION).value());
        assertFalse(r.get(IndicatorCode.AVG_PRESCRIPTION).breached());
        assertEquals(new BigDecimal("85.00"), r.get(IndicatorCode.MAX_SINGLE_PRESCRIPTION).value());
        assertTrue(r.get(IndicatorCode.MAX_SINGLE_PRESCRIPTION).breached());
        assertEquals(new BigDecimal("0.2500"), r.get(IndicatorCode.LARGE_PRESCRIPTION_SHARE).value());
        assertTrue(r.get(IndicatorCode.LARGE_PRESCRIPTION_SHARE).breached());
        assertEquals("25.0%", r.get(IndicatorCode.LARGE_PRESCRIPTION_SHARE).valueText());
        assertEquals(new BigDecimal("0.4483"), r.get(IndicatorCode.CLASS_C_SHARE).value()); // 65 / 145
        assertFalse(r.containsKey(IndicatorCode.INPATIENT_BURDEN));
    }

    @Test
    void inpatientBurdenIsPersonPartOverTotal() {
        LocalDate d = LocalDate.of(2026, 10, 2);
        List<SettledTransaction> txs = List.of(
                Fixtures.stay(Fixtures.card(1), d, d.plusDays(5), "J18.9", "10000.00", "7500.00"),
                Fixtures.stay(Fixtures.card(2), d, d.plusDays(5), "J18.9", "10000.00", "6500.00"));
        Map<IndicatorCode, IndicatorResult> r = byCode(new Indicators(SupervisionPolicy.defaults())
                .compute(Fixtures.month(txs, List.of(), List.of())));
        assertEquals(new BigDecimal("0.3000"), r.get(IndicatorCode.INPATIENT_BURDEN).value());
        assertFalse(r.get(IndicatorCode.INPATIENT_BURDEN).breached());
        assertFalse(r.containsKey(IndicatorCode.AVG_PRESCRIPTION));
    }

    private static Map<IndicatorCode, IndicatorResult> byCode(List<IndicatorResult> list) {
        return list.stream().collect(Collectors.toMap(IndicatorResult::code, Function.identity()));
    }
}
