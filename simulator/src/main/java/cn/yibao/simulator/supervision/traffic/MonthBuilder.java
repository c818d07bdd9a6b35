package cn.yibao.simulator.supervision.traffic;

import cn.yibao.card.Money;
import cn.yibao.simulator.supervision.CardRef;
import cn.yibao.simulator.supervision.CatalogClass;
import cn.yibao.simulator.supervision.InpatientStay;
import cn.yibao.simulator.supervision.Institution;
import cn.yibao.simulator.supervision.InventoryMovement;
import cn.yibao.simulator.supervision.LossReport;
import cn.yibao.simulator.supervision.MonthData;
import cn.yibao.simulator.supervision.MovementType;
import cn.yibao.simulator.supervision.HostPersonCategory;
import cn.yibao.simulator.supervision.SaleItem;
import cn.yibao.simulator.supervision.SettledTransaction;
import cn.yibao.simulator.supervision.Split;
import cn.yibao.simulator.supervision.StockTake;
import cn.yibao.simulator.supervision.HostVisitType;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Mutable accumulator of one generated month; builds the records with consistent ids and splits. */
final class MonthBuilder {

    final SplittableRandom rng;
    final YearMonth month;
    private final List<Institution> institutions = new ArrayList<>();
    private final List<SettledTransaction> transactions = new ArrayList<>();
    private final List<LossReport> lossReports = new ArrayList<>();
    private final List<InventoryMovement> movements = new ArrayList<>();
    private final List<StockTake> stockTakes = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    private long seq;

    MonthBuilder(long seed, YearMonth month) {
        this.rng = new SplittableRandom(seed);
        this.month = month;
    }

    void institution(Institution i) {
        institutions.add(i);
    }

    void label(Label l) {
        labels.add(l);
    }

    void lossReport(LossReport r) {
        lossReports.add(r);
    }

    void stockTake(StockTake s) {
        stockTakes.add(s);
    }

    /** Settles a pharmacy sale: employees pay from the account, others in cash. */
    SettledTransaction pharmacySale(String pharmacy, CardRef card, HostPersonCategory cat, LocalDateTime time,
            boolean verified, List<SaleItem> items) {
        Money total = sum(items, null);
        Split split = cat.hasAccount()
                ? new Split(total, Money.ZERO, total, Money.ZERO, sum(items, CatalogClass.C))
                : new Split(total, Money.ZERO, Money.ZERO, total, sum(items, CatalogClass.C));
        return add(new SettledTransaction(nextId(pharmacy), pharmacy, pharmacy + "-T01", card, cat, time,
                HostVisitType.PHARMACY, verified, items, split, null));
    }

    /** Settles an inpatient stay with the given fund payment; the person's part goes to the account first. */
    SettledTransaction inpatient(String hospital, CardRef card, HostPersonCategory cat, LocalDateTime time,
            List<SaleItem> items, Money fund, Money balance, InpatientStay stay) {
        Money total = sum(items, null);
        Money person = total.minus(fund);
        Money account = cat.hasAccount() ? person.min(balance) : Money.ZERO;
        Split split = new Split(total, fund, account, person.minus(account), sum(items, CatalogClass.C));
        return add(new SettledTransaction(nextId(hospital), hospital, hospital + "-T01", card, cat, time,
                HostVisitType.INPATIENT, rng.nextInt(2) == 0, items, split, stay));
    }

    /** Records a stock movement of a product at a pharmacy. */
    void move(String pharmacy, Product p, MovementType type, LocalDateTime time, int cnt) {
        movements.add(new InventoryMovement(pharmacy, p.code(), p.id(), p.name(), p.cls(), type, time, cnt, p.price()));
    }

    /** Records the sale stock-outs matching a sale's lines. */
    void saleOut(String pharmacy, SettledTransaction tx) {
        for (SaleItem item : tx.items()) {
            movements.add(new InventoryMovement(pharmacy, item.medListCodg(), item.fixmedinsHilistId(), item.name(),
                    item.catalogClass(), MovementType.SALE_OUT, tx.time().plusSeconds(5), item.quantity(),
                    item.price()));
        }
    }

    List<InventoryMovement> movementsView() {
        return movements;
    }

    /** @return a random time on day {@code day} between {@code fromHour} and {@code toHour} (exclusive) */
    LocalDateTime at(int day, int fromHour, int toHour) {
        int minutes = fromHour * 60 + rng.nextInt((toHour - fromHour) * 60);
        return month.atDay(day).atTime(LocalTime.of(minutes / 60 % 24, minutes % 60, rng.nextInt(60)))
                .plusDays(minutes / (24 * 60));
    }

    /** @return a daytime shopping time: mostly 08–20 h, some in the last opening hour */
    LocalDateTime shoppingTime(int day) {
        return rng.nextInt(100) < 92 ? at(day, 8, 20) : at(day, 20, 21);
    }

    int days() {
        return month.lengthOfMonth();
    }

    GeneratedMonth build() {
        return new GeneratedMonth(new MonthData(month, institutions, transactions, lossReports, movements, stockTakes),
                labels);
    }

    private SettledTransaction add(SettledTransaction tx) {
        transactions.add(tx);
        return tx;
    }

    private String nextId(String institution) {
        return String.format("%s-%s-%07d", institution, month.toString().replace("-", ""), ++seq);
    }

    private static Money sum(List<SaleItem> items, CatalogClass only) {
        Money m = Money.ZERO;
        for (SaleItem i : items) {
            if (only == null || i.catalogClass() == only) {
                m = m.plus(i.amount());
            }
        }
        return m;
    }
}
