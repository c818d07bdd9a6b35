package cn.yibao.simulator.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Substitution (串换): per pharmacy and drug, the quantity sold on insured cards in the month
 * exceeds what left the stock as sales (sale stock-outs minus sale returns), both by national code
 * ({@code med_list_codg}) and by the pharmacy's own catalog id ({@code fixmedins_hilist_id}); a
 * gap on the national code alone is a catalog-mapping error in the uploads, not substitution.
 * The daily goods that left the stock on the days of those card sales are reported as evidence.
 */
public final class SubstitutionDetector implements Detector {

    private final SupervisionPolicy.Substitution policy;

    public SubstitutionDetector(SupervisionPolicy.Substitution policy) {
        this.policy = policy;
    }

    @Override
    public FindingCode code() {
        return FindingCode.SUBSTITUTION;
    }

    /** Per pharmacy and drug: card-sold quantity, the sales, and their days. */
    private static final class Sold {
        long qty;
        final List<String> txIds = new ArrayList<>();
        final Set<LocalDate> days = new HashSet<>();
        final Set<String> hilistIds = new HashSet<>();
        String name;
    }

    @Override
    public List<Finding> detect(MonthData data) {
        Map<String, Sold> sold = new LinkedHashMap<>();
        Map<String, Long> soldById = new HashMap<>();
        for (SettledTransaction tx : data.transactions()) {
            if (tx.visitType() != HostVisitType.PHARMACY || !tx.month().equals(data.month())) {
                continue;
            }
            for (SaleItem item : tx.items()) {
                Sold s = sold.computeIfAbsent(tx.institutionCode() + "/" + item.medListCodg(), k -> new Sold());
                s.qty += item.quantity();
                s.name = item.name();
                s.hilistIds.add(item.fixmedinsHilistId());
                soldById.merge(tx.institutionCode() + "/" + item.fixmedinsHilistId(), (long) item.quantity(), Long::sum);
                s.days.add(tx.time().toLocalDate());
                if (s.txIds.isEmpty() || !s.txIds.get(s.txIds.size() - 1).equals(tx.txId())) {
                    s.txIds.add(tx.txId());
                }
            }
        }
        StockOuts outs = StockOuts.of(data);
        List<Finding> out = new ArrayList<>();
        sold.forEach((key, s) -> {
            String pharmacy = key.substring(0, key.indexOf('/'));
            long excessById = 0;
            for (String id : s.hilistIds) {
                excessById += soldById.get(pharmacy + "/" + id) - outs.byId().getOrDefault(pharmacy + "/" + id, 0L);
            }
            if (significant(excessById, s.qty)) {
                examine(data, key, s, outs.byCode().getOrDefault(key, 0L), outs.dailyGoods(), out);
            }
        });
        return List.copyOf(out);
    }

    /** Net sale stock-outs by pharmacy/code and pharmacy/own id, and daily goods out by pharmacy/day. */
    private record StockOuts(Map<String, Long> byCode, Map<String, Long> byId, Map<String, Long> dailyGoods) {

        static StockOuts of(MonthData data) {
            StockOuts o = new StockOuts(new HashMap<>(), new HashMap<>(), new HashMap<>());
            for (InventoryMovement m : data.movements()) {
                if (!YearMonth.from(m.time()).equals(data.month())) {
                    continue;
                }
                if (m.type() == MovementType.SALE_OUT || m.type() == MovementType.SALE_RETURN_IN) {
                    o.byCode.merge(m.fixmedinsCode() + "/" + m.medListCodg(), (long) -m.signedCnt(), Long::sum);
                    o.byId.merge(m.fixmedinsCode() + "/" + m.fixmedinsHilistId(), (long) -m.signedCnt(), Long::sum);
                }
                if (m.type() == MovementType.SALE_OUT && m.catalogClass() == CatalogClass.N) {
                    o.dailyGoods.merge(m.fixmedinsCode() + "/" + m.time().toLocalDate(), (long) m.cnt(), Long::sum);
                }
            }
            return o;
        }
    }

    private boolean significant(long excess, long sold) {
        return excess >= policy.minExcessUnits()
                && BigDecimal.valueOf(excess).compareTo(policy.minExcessShare().multiply(BigDecimal.valueOf(sold))) >= 0;
    }

    private void examine(MonthData data, String key, Sold s, long out, Map<String, Long> dailyGoodsOut,
            List<Finding> findings) {
        long excess = s.qty - out;
        if (!significant(excess, s.qty)) {
            return;
        }
        String pharmacy = key.substring(0, key.indexOf('/'));
        String drug = key.substring(key.indexOf('/') + 1);
        long goods = s.days.stream().mapToLong(d -> dailyGoodsOut.getOrDefault(pharmacy + "/" + d, 0L)).sum();
        String zh = String.format("%s（%s）刷卡销售 %d，销售出库 %d，差额 %d；同日生活用品出库 %d 件",
                s.name, drug, s.qty, out, excess, goods);
        String en = String.format("%s: %d sold on cards, %d sale stock-outs, excess %d; %d daily goods out on the same days",
                drug, s.qty, out, excess, goods);
        findings.add(new Finding(code(), pharmacy, data.month(), key, zh, en, s.txIds));
    }
}
