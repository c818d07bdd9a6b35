package cn.yibao.simulator.supervision;

import cn.yibao.card.Money;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Hand-built supervision records for tests. */
final class Fixtures {

    static final YearMonth MONTH = YearMonth.of(2026, 10);
    static final String PHARMACY = "P2201000001";
    static final String HOSPITAL = "H2201000001";
    static final SaleItem DRUG = item("XA02BCA010B002", "奥美拉唑肠溶胶囊", CatalogClass.B, "28.00", 1);

    private static int seq;

    private Fixtures() {
    }

    static SaleItem item(String code, String name, CatalogClass cls, String price, int qty) {
        return new SaleItem(code, "YP" + code, name, cls, Money.parseYuan(price), qty);
    }

    static CardRef card(int n) {
        return CardRef.of(String.format("22010000%06d", n));
    }

    static SettledTransaction sale(String pharmacy, CardRef card, LocalDateTime time, boolean verified,
            SaleItem... items) {
        Money total = Money.ZERO;
        Money c = Money.ZERO;
        for (SaleItem i : items) {
            total = total.plus(i.amount());
            c = i.catalogClass() == CatalogClass.C ? c.plus(i.amount()) : c;
        }
        return new SettledTransaction("TX" + (++seq), pharmacy, pharmacy + "-T01", card, HostPersonCategory.EMPLOYEE, time,
                HostVisitType.PHARMACY, verified, List.of(items), new Split(total, Money.ZERO, total, Money.ZERO, c), null);
    }

    static SettledTransaction stay(CardRef card, LocalDate admission, LocalDate discharge, String diagnosis,
            String totalYuan, String fundYuan) {
        Money total = Money.parseYuan(totalYuan);
        Money fund = Money.parseYuan(fundYuan);
        SaleItem line = new SaleItem("F00000000DRA01", "YYDRA01", "西药费", CatalogClass.A, total, 1);
        return new SettledTransaction("TX" + (++seq), HOSPITAL, HOSPITAL + "-T01", card, HostPersonCategory.EMPLOYEE,
                discharge.atTime(10, 0), HostVisitType.INPATIENT, true, List.of(line),
                new Split(total, fund, Money.ZERO, total.minus(fund), Money.ZERO),
                new InpatientStay(admission, discharge, diagnosis));
    }

    static InventoryMovement out(String pharmacy, SaleItem item, LocalDateTime time, int cnt) {
        return new InventoryMovement(pharmacy, item.medListCodg(), item.fixmedinsHilistId(), item.name(),
                item.catalogClass(), MovementType.SALE_OUT, time, cnt, item.price());
    }

    static MonthData month(List<SettledTransaction> txs, List<LossReport> losses, List<InventoryMovement> moves) {
        List<Institution> inst = new ArrayList<>(List.of(new Institution(PHARMACY, "测试大药房", Institution.Kind.PHARMACY),
                new Institution(HOSPITAL, "测试医院", Institution.Kind.HOSPITAL)));
        return new MonthData(MONTH, inst, txs, losses, moves, List.of());
    }
}
