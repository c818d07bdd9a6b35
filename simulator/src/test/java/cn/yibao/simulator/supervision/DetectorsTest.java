package cn.yibao.simulator.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectorsTest {

    private static final SupervisionPolicy POLICY = SupervisionPolicy.defaults();

    private static List<SettledTransaction> everyThirdDay(CardRef card, int hour, int count, boolean verified) {
        List<SettledTransaction> txs = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            txs.add(Fixtures.sale(Fixtures.PHARMACY, card, LocalDateTime.of(2026, 10, 1 + 3 * k, hour, 40 + k % 3),
                    verified, Fixtures.DRUG));
        }
        return txs;
    }

    @Test
    void heldCardNeedsManyUnverifiedSalesAtOddHoursOrRegularIntervals() {
        List<SettledTransaction> txs = new ArrayList<>(everyThirdDay(Fixtures.card(1), 21, 9, false));
        txs.addAll(everyThirdDay(Fixtures.card(2), 21, 9, true));   // holder verified each time
        txs.addAll(everyThirdDay(Fixtures.card(3), 21, 7, false));  // too few sales
        for (int k = 0; k < 9; k++) {                                 // irregular, daytime
            txs.add(Fixtures.sale(Fixtures.PHARMACY, Fixtures.card(4), LocalDateTime.of(2026, 10, 1 + k * k / 3, 10, 0),
                    false, Fixtures.DRUG));
        }
        List<Finding> f = new HeldCardDetector(POLICY.heldCard()).detect(Fixtures.month(txs, List.of(), List.of()));
        assertEquals(1, f.size(), f.toString());
        assertEquals(Fixtures.PHARMACY + "/" + Fixtures.card(1).token(), f.get(0).subjectKey());
        assertEquals(9, f.get(0).txIds().size());
        assertTrue(f.get(0).evidenceZh().contains("2201****0001"), f.get(0).evidenceZh());
        assertEquals("SUP_HELD_CARD", f.get(0).code().code());
    }

    @Test
    void regularDaytimeSalesNeedASecondSuchCardAtThePharmacy() {
        HeldCardDetector detector = new HeldCardDetector(POLICY.heldCard());
        List<SettledTransaction> carer = everyThirdDay(Fixtures.card(1), 10, 9, false);
        assertEquals(List.of(), detector.detect(Fixtures.month(carer, List.of(), List.of())));
        List<SettledTransaction> two = new ArrayList<>(carer);
        two.addAll(everyThirdDay(Fixtures.card(2), 14, 10, false));
        List<Finding> f = detector.detect(Fixtures.month(two, List.of(), List.of()));
        assertEquals(2, f.size(), f.toString());
        assertTrue(f.get(0).evidenceZh().contains("（间隔规律）；本店同类卡 2 张"), f.get(0).evidenceZh());
    }

    @Test
    void intervalRegularityIsTheCoefficientOfVariation() {
        assertEquals(0, HeldCardDetector.intervalCv(everyThirdDay(Fixtures.card(1), 10, 5, false))
                .compareTo(new java.math.BigDecimal("0.000")), "three days apart, a minute more or less");
    }

    @Test
    void postLossFlagsOnlySalesWhileReportedLostAfterTheGrace() {
        LocalDateTime report = LocalDateTime.of(2026, 10, 10, 12, 0);
        CardRef card = Fixtures.card(1);
        SettledTransaction before = Fixtures.sale(Fixtures.PHARMACY, card, report.minusHours(1), false, Fixtures.DRUG);
        SettledTransaction withinGrace = Fixtures.sale(Fixtures.PHARMACY, card, report.plusMinutes(10), false, Fixtures.DRUG);
        SettledTransaction after = Fixtures.sale(Fixtures.PHARMACY, card, report.plusHours(5), false, Fixtures.DRUG);
        SettledTransaction afterCancel = Fixtures.sale(Fixtures.PHARMACY, card, report.plusDays(3), false, Fixtures.DRUG);
        MonthData data = Fixtures.month(List.of(before, withinGrace, after, afterCancel),
                List.of(new LossReport(card, report, report.plusDays(2))), List.of());
        List<Finding> f = new PostLossDetector(POLICY.postLoss()).detect(data);
        assertEquals(List.of(after.txId()), f.stream().map(Finding::subjectKey).toList());
    }

    @Test
    void splitAdmissionNeedsShortGapAndSameDiagnosisOrCheapStays() {
        LocalDate d = LocalDate.of(2026, 10, 1);
        SettledTransaction a1 = Fixtures.stay(Fixtures.card(1), d, d.plusDays(5), "J18.9", "6000.00", "4000.00");
        SettledTransaction a2 = Fixtures.stay(Fixtures.card(1), d.plusDays(7), d.plusDays(12), "J18.9", "6000.00", "4000.00");
        SettledTransaction b1 = Fixtures.stay(Fixtures.card(2), d, d.plusDays(5), "J18.9", "6000.00", "4000.00");
        SettledTransaction b2 = Fixtures.stay(Fixtures.card(2), d.plusDays(7), d.plusDays(12), "K35.8", "6000.00", "4000.00");
        SettledTransaction c1 = Fixtures.stay(Fixtures.card(3), d, d.plusDays(2), "J18.9", "1500.00", "800.00");
        SettledTransaction c2 = Fixtures.stay(Fixtures.card(3), d.plusDays(3), d.plusDays(5), "K35.8", "1500.00", "800.00");
        SettledTransaction e1 = Fixtures.stay(Fixtures.card(4), d, d.plusDays(2), "J18.9", "6000.00", "4000.00");
        SettledTransaction e2 = Fixtures.stay(Fixtures.card(4), d.plusDays(18), d.plusDays(22), "J18.9", "6000.00", "4000.00");
        List<Finding> f = new SplitAdmissionDetector(POLICY.splitAdmission())
                .detect(Fixtures.month(List.of(a2, a1, b1, b2, c1, c2, e1, e2), List.of(), List.of()));
        assertEquals(List.of(a2.txId(), c2.txId()), f.stream().map(Finding::subjectKey).toList());
        assertEquals(List.of(a1.txId(), a2.txId()), f.get(0).txIds());
    }

    @Test
    void substitutionComparesCardSalesWithSaleStockOuts() {
        SaleItem substituted = Fixtures.item("XC10AAA050B002", "阿托伐他汀钙片", CatalogClass.B, "35.00", 2);
        SaleItem goods = Fixtures.item("N0000000001N01", "食用油5L", CatalogClass.N, "68.00", 1);
        List<SettledTransaction> txs = new ArrayList<>();
        List<InventoryMovement> moves = new ArrayList<>();
        for (int day = 1; day <= 6; day++) {
            LocalDateTime t = LocalDateTime.of(2026, 10, day, 10, 0);
            txs.add(Fixtures.sale(Fixtures.PHARMACY, Fixtures.card(day), t, true, substituted, Fixtures.DRUG));
            moves.add(Fixtures.out(Fixtures.PHARMACY, goods, t, 1));          // the oil left, not the drug
            moves.add(Fixtures.out(Fixtures.PHARMACY, Fixtures.DRUG, t, 1));  // the honest line matches
        }
        List<Finding> f = new SubstitutionDetector(POLICY.substitution()).detect(Fixtures.month(txs, List.of(), moves));
        assertEquals(List.of(Fixtures.PHARMACY + "/XC10AAA050B002"), f.stream().map(Finding::subjectKey).toList());
        assertTrue(f.get(0).evidenceZh().contains("刷卡销售 12，销售出库 0，差额 12"), f.get(0).evidenceZh());
        assertTrue(f.get(0).evidenceZh().contains("生活用品出库 6"), f.get(0).evidenceZh());
    }

    @Test
    void aWrongNationalCodeInTheUploadsIsNotSubstitution() {
        List<SettledTransaction> txs = new ArrayList<>();
        List<InventoryMovement> moves = new ArrayList<>();
        for (int day = 1; day <= 10; day++) {
            LocalDateTime t = LocalDateTime.of(2026, 10, day, 10, 0);
            txs.add(Fixtures.sale(Fixtures.PHARMACY, Fixtures.card(day), t, true, Fixtures.DRUG));
            moves.add(new InventoryMovement(Fixtures.PHARMACY, "WA02BCA010B002", Fixtures.DRUG.fixmedinsHilistId(),
                    Fixtures.DRUG.name(), CatalogClass.B, MovementType.SALE_OUT, t, 1, Fixtures.DRUG.price()));
        }
        assertEquals(List.of(), new SubstitutionDetector(POLICY.substitution())
                .detect(Fixtures.month(txs, List.of(), moves)));
    }
}
