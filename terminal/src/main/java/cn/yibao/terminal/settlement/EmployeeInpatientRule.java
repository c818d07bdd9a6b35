package cn.yibao.terminal.settlement;

import static cn.yibao.terminal.settlement.Computation.y;

import cn.yibao.card.Money;
import cn.yibao.terminal.policy.EmployeeInpatientPolicy;
import cn.yibao.terminal.policy.InstitutionLevel;
import cn.yibao.terminal.policy.Rate;
import cn.yibao.terminal.policy.Tier;

/** Employee inpatient settlement, in region and out of region (RULES.md §5). */
final class EmployeeInpatientRule {

    private EmployeeInpatientRule() {
    }

    /** In-region admission: deductible, annual pooling limit, personal ratio, relief or subsidy. */
    static void settle(Computation c) {
        EmployeeInpatientPolicy p = c.pack.employeeInpatient();
        Person person = c.request.person();
        InstitutionLevel level = c.request.visit().level();
        long e = c.eligible;
        long table = p.deductible().get(level).fen();
        c.deductible = Math.min(e, table);
        c.line("DEDUCTIBLE", "起付线：职工住院" + level.zh() + " " + y(table) + "；本次扣除 min(" + y(e) + ", " + y(table)
                + ") = " + y(c.deductible),
                "Deductible: employee inpatient at " + level + " " + y(table) + "; applied min(" + y(e) + ", "
                + y(table) + ") = " + y(c.deductible));
        long base = e - c.deductible;
        long limit = p.annualPoolingLimit().fen();
        long room = Math.max(0, limit - c.ytdBase);
        long inBand = Math.min(base, room);
        long over = base - inBand;
        c.line("POOLING_LIMIT", "统筹基数 " + y(base) + " = " + y(e) + " − " + y(c.deductible) + "；年度统筹支付限额 "
                + y(limit) + "，本年已累计 " + y(c.ytdBase) + "，尚余 " + y(room) + "；进入统筹段 " + y(inBand)
                + "，超限额 " + y(over),
                "Base " + y(base) + " = " + y(e) + " − " + y(c.deductible) + "; annual pooling limit " + y(limit)
                + ", used this year " + y(c.ytdBase) + ", room " + y(room) + "; in band " + y(inBand)
                + ", over the limit " + y(over));
        Rate ratio = (person.retired() ? p.ratioRetired() : p.ratioInService()).get(level);
        c.poolSelf = ratio.apply(Money.ofFen(inBand)).fen();
        c.pooling = inBand - c.poolSelf;
        String who = person.retired() ? "退休" : "在职";
        c.line("PERSONAL_RATIO", "个人自负 " + y(c.poolSelf) + " = " + y(inBand) + " × " + ratio.percent() + "（"
                + level.zh() + "，" + who + "）",
                "Personal ratio share " + y(c.poolSelf) + " = " + y(inBand) + " × " + ratio.percent() + " (" + level
                + ", " + (person.retired() ? "retired" : "in service") + ")");
        c.line("POOLING", "统筹基金支付 " + y(c.pooling) + " = " + y(inBand) + " − " + y(c.poolSelf),
                "Basic pooling pays " + y(c.pooling) + " = " + y(inBand) + " − " + y(c.poolSelf));
        c.ytdBase += inBand;
        if (person.civilServant()) {
            civilServant(c, p, over);
        } else if (over > 0) {
            largeAmount(c, p, over);
        }
        c.ytdOver += over;
    }

    private static void civilServant(Computation c, EmployeeInpatientPolicy p, long over) {
        long selfPart = c.bill.selfShare().fen() + c.deductible + c.poolSelf;
        long first = p.civilServantSelfRate().apply(Money.ofFen(selfPart)).fen();
        long second = p.civilServantOverRate().apply(Money.ofFen(over)).fen();
        c.civilServant = first + second;
        c.line("CIVIL_SERVANT", "公务员补助 " + y(c.civilServant) + " = (乙类自付 " + y(c.bill.selfShare()) + " + 起付线 "
                + y(c.deductible) + " + 个人自负 " + y(c.poolSelf) + ") × " + p.civilServantSelfRate().percent() + " = "
                + y(first) + " + 超限额 " + y(over) + " × " + p.civilServantOverRate().percent() + " = " + y(second)
                + "；公务员不享受大额救助",
                "Civil-servant subsidy " + y(c.civilServant) + " = (class-B self-share " + y(c.bill.selfShare())
                + " + deductible " + y(c.deductible) + " + personal ratio share " + y(c.poolSelf) + ") × "
                + p.civilServantSelfRate().percent() + " = " + y(first) + " + over-limit " + y(over) + " × "
                + p.civilServantOverRate().percent() + " = " + y(second) + "; no large-amount relief for civil servants");
    }

    private static void largeAmount(Computation c, EmployeeInpatientPolicy p, long over) {
        long start = c.ytdOver;
        long end = start + over;
        long lower = 0;
        long paid = 0;
        int n = 0;
        for (Tier tier : p.largeAmountRelief()) {
            n++;
            long part = Bands.overlap(start, end, lower, tier.upToFen());
            if (part > 0) {
                long pay = tier.rate().apply(Money.ofFen(part)).fen();
                paid += pay;
                String band = "[" + y(lower) + ", " + (tier.upTo() == null ? "∞" : y(tier.upToFen())) + ")";
                c.line("LARGE_AMOUNT_BAND", "大额救助第" + n + "段 " + band + "：" + y(part) + " × " + tier.rate().percent()
                        + " = " + y(pay), "Large-amount relief band " + n + " " + band + ": " + y(part) + " × "
                        + tier.rate().percent() + " = " + y(pay));
            }
            lower = tier.upToFen();
        }
        long beyond = lower == Long.MAX_VALUE ? 0 : Bands.overlap(start, end, lower, Long.MAX_VALUE);
        c.largeAmount = paid;
        c.line("LARGE_AMOUNT", "大额救助 " + y(paid) + "（超限额 " + y(over) + "，本年超限额累计 " + y(start) + " → " + y(end)
                + (beyond > 0 ? "；超出 " + y(lower) + " 的 " + y(beyond) + " 不予支付" : "") + "）",
                "Large-amount relief " + y(paid) + " (over-limit " + y(over) + ", cumulative over-limit " + y(start)
                + " → " + y(end) + (beyond > 0 ? "; " + y(beyond) + " beyond " + y(lower) + " is not paid" : "") + ")");
    }

    /** Approved out-of-region admission (转外 / 异地急诊): flat deductible and rate, no extras. */
    static void outOfRegion(Computation c) {
        EmployeeInpatientPolicy p = c.pack.employeeInpatient();
        long e = c.eligible;
        long table = p.outOfRegionDeductible().fen();
        c.deductible = Math.min(e, table);
        long base = e - c.deductible;
        c.pooling = p.outOfRegionRate().apply(Money.ofFen(base)).fen();
        c.poolSelf = base - c.pooling;
        c.line("OUT_OF_REGION", "异地就医（转外/异地急诊）：不计乙类自付，不设起付线表、公务员补助和大额救助",
                "Out of region: no class-B self-share, no deductible table, no civil-servant subsidy, "
                + "no large-amount relief");
        c.line("DEDUCTIBLE", "起付线：异地就医 " + y(table) + "；本次扣除 min(" + y(e) + ", " + y(table) + ") = "
                + y(c.deductible), "Deductible: out of region " + y(table) + "; applied min(" + y(e) + ", " + y(table)
                + ") = " + y(c.deductible));
        c.line("POOLING", "统筹基金支付 " + y(c.pooling) + " = (" + y(e) + " − " + y(c.deductible) + ") × "
                + p.outOfRegionRate().percent() + "；个人自负 " + y(c.poolSelf),
                "Basic pooling pays " + y(c.pooling) + " = (" + y(e) + " − " + y(c.deductible) + ") × "
                + p.outOfRegionRate().percent() + "; personal ratio share " + y(c.poolSelf));
    }
}
