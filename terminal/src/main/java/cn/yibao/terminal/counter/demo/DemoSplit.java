package cn.yibao.terminal.counter.demo;

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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A deliberately trivial split for the demo counter (the real one is the settlement engine):
 * class B bears 10 % self-pay, class C is full self-pay; at a pharmacy or an outpatient visit the
 * personal account pays the whole bill up to its balance (RULES §7); an inpatient stay gets a
 * 200-yuan deductible and 70 % pooling of the rest of the in-scope amount.
 */
final class DemoSplit {

    static final String MED_TYPE_PHARMACY = "41";
    static final String MED_TYPE_INPATIENT = "21";

    private static final BigDecimal B_SELF_SHARE = new BigDecimal("0.10");
    private static final BigDecimal POOL_RATE = new BigDecimal("0.70");
    private static final Money DEDUCTIBLE = Money.ofYuan(200);

    private DemoSplit() {
    }

    /** Classes each line against the catalog; refuses unknown, non-medical and unprescribed items. */
    static List<LineSplit> classify(List<FeeLine> lines) {
        if (lines.isEmpty()) {
            throw new CounterRefusedException(CounterRefusal.NO_ITEMS);
        }
        List<LineSplit> out = new ArrayList<>(lines.size());
        for (FeeLine line : lines) {
            CatalogItem item = DemoCatalog.byCode(line.medListCodg())
                    .orElseThrow(() -> new CounterRefusedException(CounterRefusal.UNKNOWN_ITEM));
            if (item.chrgitmLv() == ChrgitmLv.N) {
                throw new CounterRefusedException(CounterRefusal.NON_MEDICAL_GOODS);
            }
            if (item.prescriptionOnly() && (line.rxno() == null || line.rxno().isBlank())) {
                throw new CounterRefusedException(CounterRefusal.PRESCRIPTION_REQUIRED);
            }
            out.add(classify(line, item));
        }
        return out;
    }

    private static LineSplit classify(FeeLine line, CatalogItem item) {
        Money price = line.pric() != null ? Money.ofYuan(line.pric().setScale(2, RoundingMode.HALF_UP)) : item.pric();
        Money total = Money.ofFen(BigDecimal.valueOf(price.fen()).multiply(line.cnt())
                .setScale(0, RoundingMode.HALF_UP).longValueExact());
        Money own = item.chrgitmLv() == ChrgitmLv.C ? total : Money.ZERO;
        Money pre = item.chrgitmLv() == ChrgitmLv.B ? total.times(B_SELF_SHARE) : Money.ZERO;
        return new LineSplit(line.feedetlSn(), item.hilistCode(), item.hilistName(), line.cnt(), price, total,
                item.chrgitmLv(), own, pre, total.minus(own).minus(pre));
    }

    /** The whole split of classified lines for this card, as a pre-settlement (no setl_id). */
    static Settlement settle(DemoCard card, List<LineSplit> lines, String medType, boolean accountUsed,
            String mdtrtId, LocalDateTime now) {
        Money total = sum(lines, LineSplit::detItemFeeSumamt);
        Money own = sum(lines, LineSplit::fulamtOwnpayAmt);
        Money pre = sum(lines, LineSplit::preselfpayAmt);
        Money scope = sum(lines, LineSplit::inscpScpAmt);
        boolean inpatient = MED_TYPE_INPATIENT.equals(medType);
        Money dedc = inpatient ? DEDUCTIBLE.min(scope) : Money.ZERO;
        Money pool = inpatient ? scope.minus(dedc).times(POOL_RATE) : Money.ZERO;
        Money poolSelf = inpatient ? scope.minus(dedc).minus(pool) : Money.ZERO;
        Money person = total.minus(pool);
        Money acct = accountUsed && card.hasAccount() ? card.balance().min(person) : Money.ZERO;
        Money cash = person.minus(acct);
        SetlInfo info = new SetlInfo(null, mdtrtId, card.psnNo(), card.person().psnName(), card.insutype(),
                card.psnType(), medType, now, total, own, pre, scope, dedc, poolSelf, pool, Money.ZERO, Money.ZERO,
                Money.ZERO, Money.ZERO, Money.ZERO, pool, person, acct, cash, card.balance().minus(acct));
        return new Settlement(info, details(card, scope, pool, person, acct), lines,
                explain(total, own, pre, scope, dedc, pool, acct, cash));
    }

    private static List<SetlDetail> details(DemoCard card, Money scope, Money pool, Money person, Money acct) {
        List<SetlDetail> rows = new ArrayList<>();
        if (!pool.isZero()) {
            boolean employee = card.insutype().equals("310");
            rows.add(new SetlDetail(employee ? "310100" : "390100", employee ? "职工基本医疗保险统筹基金" : "城乡居民基本医疗保险基金",
                    scope, pool));
        }
        if (!acct.isZero()) {
            rows.add(new SetlDetail("310200", "职工基本医疗保险个人账户", person, acct));
        }
        return rows;
    }

    private static List<ExplainLine> explain(Money total, Money own, Money pre, Money scope, Money dedc, Money pool,
            Money acct, Money cash) {
        List<ExplainLine> lines = new ArrayList<>();
        lines.add(new ExplainLine("医疗费总额 " + total + " 元，其中丙类全自费 " + own + " 元，乙类先行自付 " + pre + " 元",
                "total " + total + ", class C self-pay " + own + ", class B self-share " + pre));
        lines.add(new ExplainLine("政策范围内金额 " + scope + " 元", "in-scope amount " + scope));
        if (!pool.isZero() || !dedc.isZero()) {
            lines.add(new ExplainLine("起付线 " + dedc + " 元；统筹基金按 70% 支付 " + pool + " 元",
                    "deductible " + dedc + "; pooled fund pays 70 %: " + pool));
        }
        lines.add(new ExplainLine("个人账户支付 " + acct + " 元，现金支付 " + cash + " 元",
                "personal account " + acct + ", cash " + cash));
        return lines;
    }

    private static Money sum(List<LineSplit> lines, Function<LineSplit, Money> part) {
        Money s = Money.ZERO;
        for (LineSplit line : lines) {
            s = s.plus(part.apply(line));
        }
        return s;
    }
}
