package cn.yibao.terminal.counter.live;

import cn.yibao.card.Money;
import cn.yibao.terminal.counter.CatalogItem;
import cn.yibao.terminal.counter.ChrgitmLv;
import cn.yibao.terminal.counter.CounterRefusal;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.ExplainLine;
import cn.yibao.terminal.counter.FeeLine;
import cn.yibao.terminal.counter.LineSplit;
import cn.yibao.terminal.counter.SetlDetail;
import cn.yibao.terminal.counter.SetlInfo;
import cn.yibao.terminal.counter.Settlement;
import cn.yibao.terminal.policy.PolicyPack;
import cn.yibao.terminal.policy.Rate;
import cn.yibao.terminal.settlement.FundPayment;
import cn.yibao.terminal.settlement.Item;
import cn.yibao.terminal.settlement.ItemClass;
import cn.yibao.terminal.settlement.SettlementRequest;
import cn.yibao.terminal.settlement.SettlementResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Between the counter's fee lines and the settlement engine's items and results. */
final class SaleMapping {

    private SaleMapping() {
    }

    /**
     * A fee line resolved against the catalog.
     *
     * @param unit   the unit price in yuan (the line's, or the catalog's), up to 6 decimals
     * @param amount {@code cnt × unit}, half-up to the fen
     */
    record Line(FeeLine fee, CatalogItem item, BigDecimal unit, Money amount) {

        /** @return the unit price half-up to the fen, as a line split shows it */
        Money price() {
            return Money.ofFen(unit.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact());
        }

        /** @return whether the line's own price is above the catalog's */
        boolean aboveCatalog() {
            return unit.compareTo(item.pric().toYuan()) > 0;
        }
    }

    /**
     * Resolves each fee line against the catalog, refusing unknown items; a line amount the HIS
     * sent for a line at the catalog price must agree with it. What an insured sale may not contain
     * (and whether a price may be above the catalog's) is for {@link CounterRules}.
     */
    static List<Line> resolve(List<FeeLine> fees, BundledCatalog catalog) {
        List<Line> out = new ArrayList<>(fees.size());
        for (FeeLine fee : fees) {
            CatalogItem item = catalog.byCode(fee.medListCodg())
                    .orElseThrow(() -> new CounterRefusedException(CounterRefusal.UNKNOWN_ITEM));
            BigDecimal unit = fee.pric() != null ? fee.pric() : item.pric().toYuan();
            Money amount = FeeLine.amount(fee.cnt(), unit);
            if (fee.pric() == null && fee.detItemFeeSumamt() != null) {
                FeeLine.requireAgrees(fee.feedetlSn(), fee.detItemFeeSumamt(), amount);
            }
            out.add(new Line(fee, item, unit, amount));
        }
        return out;
    }

    /**
     * The answer to a sale with nothing insured in it (allowed only when the pack does not refuse
     * empty sales): every amount zero, the balance untouched; the engine is not asked.
     */
    static SettlementResult nothingInsured(SettlementRequest request, PolicyPack pack) {
        Money z = Money.ZERO;
        cn.yibao.terminal.settlement.SetlAmounts zero = new cn.yibao.terminal.settlement.SetlAmounts(z, z, z, z, z, z, z,
                z, z, z, z, z, z, z, z, z, request.person().accountBalance());
        return new SettlementResult(pack.id(), zero, List.of(), request.yearToDate(), List.of(
                new cn.yibao.terminal.settlement.ExplainStep("counter", "没有医保结算项目：不结算、不扣款、不记账，全部由现金支付",
                        "nothing insured in the sale: nothing settled, debited or journaled; all paid in cash")));
    }

    /** @return the engine's items, one per line */
    static List<Item> items(List<Line> lines) {
        return lines.stream().map(l -> new Item(l.item().hilistCode(), l.item().hilistName(),
                ItemClass.valueOf(l.item().chrgitmLv().name()), l.amount())).toList();
    }

    /**
     * The counter's answer from the engine's result. The per-line class-B self-share is found by
     * the self-share rate that reproduces the engine's total (rounded per item, RULES.md §4).
     */
    static Settlement settlement(SettlementResult r, List<Line> lines, PolicyPack pack, Header h) {
        cn.yibao.terminal.settlement.SetlAmounts s = r.setlinfo();
        SetlInfo info = new SetlInfo(h.setlId(), h.mdtrtId(), h.psnNo(), h.psnName(), h.insutype(), h.psnType(),
                h.medType(), h.time(), s.medfeeSumamt(), s.fulamtOwnpayAmt(), s.preselfpayAmt(), s.inscpScpAmt(),
                s.actPayDedc(), s.poolPropSelfpay(), s.hifpPay(), s.cvlservPay(), s.hifobPay(), s.hifmiPay(),
                s.mafPay(), s.othPay(), s.fundPaySumamt(), s.psnPartAmt(), s.acctPay(), s.psnCashPay(), s.balc());
        List<SetlDetail> details = new ArrayList<>();
        for (FundPayment f : r.setldetail()) {
            details.add(new SetlDetail(f.type().code(), f.type().nameZh(), f.inscpScpAmt(), f.amount()));
        }
        List<ExplainLine> explain = r.explain().stream().map(e -> new ExplainLine(e.zh(), e.en())).toList();
        return new Settlement(info, details, lineSplits(lines, s.preselfpayAmt(), pack), explain);
    }

    /** @return one row per line; {@code selfShareTotal} zero: no class-B self-share (as at fee upload) */
    static List<LineSplit> lineSplits(List<Line> lines, Money selfShareTotal, PolicyPack pack) {
        Rate rate = rateFor(lines, selfShareTotal, pack);
        List<LineSplit> out = new ArrayList<>(lines.size());
        for (Line l : lines) {
            ChrgitmLv lv = l.item().chrgitmLv();
            Money own = lv == ChrgitmLv.C ? l.amount() : Money.ZERO;
            Money pre = lv == ChrgitmLv.B && rate != null ? rate.apply(l.amount()) : Money.ZERO;
            out.add(new LineSplit(l.fee().feedetlSn(), l.item().hilistCode(), l.item().hilistName(), l.fee().cnt(),
                    l.price(), l.amount(), lv, own, pre, l.amount().minus(own).minus(pre)));
        }
        return out;
    }

    private static Rate rateFor(List<Line> lines, Money total, PolicyPack pack) {
        if (total.isZero()) {
            return null;
        }
        List<Rate> candidates = List.of(pack.selfShare().employeeInService(), pack.selfShare().employeeRetired(),
                pack.selfShare().resident(), pack.selfShare().residentRetired());
        for (Rate rate : candidates) {
            Money sum = Money.ZERO;
            for (Line l : lines) {
                if (l.item().chrgitmLv() == ChrgitmLv.B) {
                    sum = sum.plus(rate.apply(l.amount()));
                }
            }
            if (sum.equals(total)) {
                return rate;
            }
        }
        throw new IllegalStateException("no class-B self-share rate reproduces " + total);
    }

    /** The identifying part of a settlement answer. */
    record Header(String setlId, String mdtrtId, String psnNo, String psnName, String insutype, String psnType,
                  String medType, LocalDateTime time) {
    }
}
