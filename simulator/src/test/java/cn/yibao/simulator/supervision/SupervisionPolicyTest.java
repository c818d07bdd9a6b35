package cn.yibao.simulator.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class SupervisionPolicyTest {

    @Test
    void bundledDefaultCarriesRules9Numbers() {
        SupervisionPolicy p = SupervisionPolicy.defaults();
        assertEquals(Money.ofYuan(50), p.indicators().avgPrescriptionMax());
        assertEquals(Money.ofYuan(80), p.indicators().singlePrescriptionMax());
        assertEquals(0, new BigDecimal("0.20").compareTo(p.indicators().largePrescriptionMaxShare()));
        assertEquals(0, new BigDecimal("0.10").compareTo(p.indicators().classCMaxShare()));
        assertEquals(0, new BigDecimal("0.30").compareTo(p.indicators().inpatientBurdenMaxShare()));
        assertEquals(12, p.scoring().yearlyPoints());
        assertEquals(7, p.scoring().penaltyAbovePoints());
        assertEquals(15, p.splitAdmission().maxGapDays());
    }

    @Test
    void oddHoursWrapMidnight() {
        SupervisionPolicy.HeldCard h = SupervisionPolicy.defaults().heldCard();
        assertTrue(h.isOdd(LocalTime.of(21, 40)));
        assertTrue(h.isOdd(LocalTime.of(7, 10)));
        assertFalse(h.isOdd(LocalTime.of(8, 0)));
        assertFalse(h.isOdd(LocalTime.of(20, 59)));
    }

    @Test
    void rejectsUnknownFieldsAndOutOfRangeValues() throws IOException {
        String good = defaultText();
        assertEquals("sup-default-2026.1", read(good).version());
        assertThrows(IllegalArgumentException.class, () -> read(good.replace("\"version\"", "\"bogus\": 1, \"version\"")));
        assertThrows(IllegalArgumentException.class, () -> read(good.replace("\"classCMaxShare\": 0.10",
                "\"classCMaxShare\": 1.5")));
        assertThrows(IllegalArgumentException.class, () -> read(good.replace("\"avgPrescriptionMax\": \"50.00\"",
                "\"avgPrescriptionMax\": \"50.001\"")));
        assertThrows(IllegalArgumentException.class, () -> read(good.replace(",\n      \"SUBSTITUTION\": 6", "")));
        assertThrows(IllegalArgumentException.class, () -> read(good.substring(0, good.length() / 2)));
    }

    @Test
    void amountsAreYuanStringsOrNumbersWithAtMostTwoDecimals() throws IOException {
        String good = defaultText();
        assertEquals(Money.ofFen(5010), read(good.replace("\"avgPrescriptionMax\": \"50.00\"",
                "\"avgPrescriptionMax\": 50.10")).indicators().avgPrescriptionMax());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(good.replace(
                "\"avgPrescriptionMax\": \"50.00\"", "\"avgPrescriptionMax\": \"fifty\"")));
        assertTrue(e.getMessage().contains("not an amount"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> read(good.replace("\"avgPrescriptionMax\": \"50.00\"",
                "\"avgPrescriptionMax\": true")));
    }

    private static String defaultText() throws IOException {
        try (InputStream in = SupervisionPolicy.class.getResourceAsStream(SupervisionPolicy.RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static SupervisionPolicy read(String json) throws IOException {
        return SupervisionPolicy.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
