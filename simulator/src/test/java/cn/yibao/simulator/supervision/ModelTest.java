package cn.yibao.simulator.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTest {

    @Test
    void cardRefKeepsOnlyTokenAndMask() {
        CardRef ref = CardRef.of("220100001234567");
        assertEquals("2201****4567", ref.masked());
        assertEquals(16, ref.token().length());
        assertFalse(ref.toString().contains("00001234"));
        assertEquals(ref, CardRef.of("220100001234567"));
        assertFalse(ref.token().equals(CardRef.of("220100001234568").token()));
        assertThrows(IllegalArgumentException.class, () -> CardRef.of("12-34"));
    }

    @Test
    void splitMustAddUpAndStayNonNegative() {
        Money ten = Money.ofYuan(10);
        assertEquals(Money.ofYuan(7), new Split(ten, Money.ofYuan(3), Money.ofYuan(5), Money.ofYuan(2), Money.ZERO)
                .personBurden());
        assertThrows(IllegalArgumentException.class,
                () -> new Split(ten, Money.ofYuan(3), Money.ofYuan(5), Money.ofYuan(1), Money.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new Split(ten, Money.ofYuan(11), Money.ofYuan(-1), Money.ZERO, Money.ZERO));
    }

    @Test
    void transactionChecksItemsAgainstSplitAndStay() {
        SaleItem c = Fixtures.item("XC00SZT001C003", "血糖试纸", CatalogClass.C, "65.00", 1);
        SettledTransaction ok = Fixtures.sale(Fixtures.PHARMACY, Fixtures.card(1),
                LocalDateTime.of(2026, 10, 3, 10, 0), true, Fixtures.DRUG, c);
        assertEquals(Money.parseYuan("93.00"), ok.split().total());
        assertEquals(Money.parseYuan("65.00"), ok.split().classC());
        Split wrong = new Split(Money.ofYuan(90), Money.ZERO, Money.ofYuan(90), Money.ZERO, Money.ZERO);
        assertThrows(IllegalArgumentException.class, () -> new SettledTransaction("T1", Fixtures.PHARMACY, "T", ok.card(),
                HostPersonCategory.EMPLOYEE, ok.time(), HostVisitType.PHARMACY, false, ok.items(), wrong, null));
        assertThrows(IllegalArgumentException.class, () -> new SettledTransaction("T1", Fixtures.PHARMACY, "T", ok.card(),
                HostPersonCategory.EMPLOYEE, ok.time(), HostVisitType.INPATIENT, false, ok.items(), ok.split(), null));
        assertThrows(IllegalArgumentException.class, () -> new SettledTransaction("T1", Fixtures.PHARMACY, "T", ok.card(),
                HostPersonCategory.EMPLOYEE, ok.time(), HostVisitType.PHARMACY, false, List.of(), ok.split(), null));
    }

    @Test
    void lossReportCoversReportToCancellation() {
        LocalDateTime at = LocalDateTime.of(2026, 10, 5, 9, 0);
        LossReport r = new LossReport(Fixtures.card(1), at, at.plusDays(2));
        assertFalse(r.lostAt(at.minusSeconds(1)));
        assertTrue(r.lostAt(at));
        assertTrue(r.lostAt(at.plusDays(1)));
        assertFalse(r.lostAt(at.plusDays(2)));
        assertThrows(IllegalArgumentException.class, () -> new LossReport(Fixtures.card(1), at, at));
    }

    @Test
    void institutionCodesCannotEscapeAFileNameOrAKey() {
        assertThrows(IllegalArgumentException.class, () -> new Institution("../P1", "药房", Institution.Kind.PHARMACY));
        assertThrows(IllegalArgumentException.class, () -> new Institution("P1/x", "药房", Institution.Kind.PHARMACY));
        assertEquals("P-1_a", new Institution("P-1_a", "药房", Institution.Kind.PHARMACY).code());
    }

    @Test
    void movementSignFollowsType() {
        InventoryMovement out = Fixtures.out(Fixtures.PHARMACY, Fixtures.DRUG, LocalDateTime.of(2026, 10, 1, 9, 0), 3);
        assertEquals(-3, out.signedCnt());
        assertEquals("3505", out.type().code());
        assertThrows(IllegalArgumentException.class, () -> Fixtures.out(Fixtures.PHARMACY, Fixtures.DRUG,
                LocalDateTime.of(2026, 10, 1, 9, 0), 0));
    }
}
