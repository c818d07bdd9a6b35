package cn.yibao.terminal.settlement;

import static cn.yibao.terminal.settlement.Computation.y;

import cn.yibao.card.Money;
import cn.yibao.card.app.ResidentGroup;
import cn.yibao.terminal.policy.AccidentPolicy;
import cn.yibao.terminal.policy.InstitutionLevel;
import cn.yibao.terminal.policy.OutpatientPoolingPolicy;
import cn.yibao.terminal.policy.Rate;
import cn.yibao.terminal.policy.Tier;
import java.util.List;

/** Resident inpatient bands, outpatient pooling and students' accident benefit (RULES.md §6, §7). */
final class ResidentRules {

    private ResidentRules() {
    }

    /** Resident admission: per-admission deductible and bands on the admission's eligible amount. */
    static void inpatient(Computation c) {
        ResidentGroup group = c.request.person().residentGroup();
        InstitutionLevel level = c.request.visit().level();
        long e = c.eligible;
        long table = c.pack.residentInpatient().deductible().get(group).get(level).fen();
        c.deductible = Math.min(e, table);
        c.poolingType = FundPayType.RESIDENT_POOLING;
        c.line("DEDUCTIBLE", "起付线：居民住院（" + groupZh(group) + "，" + level.zh() + "）" + y(table) + "；本次扣除 min("
                + y(e) + ", " + y(table) + ") = " + y(c.deductible),
                "Deductible: resident inpatient (" + group + ", " + level + ") " + y(table) + "; applied min(" + y(e)
                + ", " + y(table) + ") = " + y(c.deductible));
        List<Tier> tiers = c.pack.residentInpatient().bands().get(group).get(level);
        long lower = 0;
        int n = 0;
        for (Tier tier : tiers) {
            n++;
            long from = Math.max(lower, table);
            long part = Bands.overlap(table, e, lower, tier.upToFen());
            long pay = tier.rate().apply(Money.ofFen(part)).fen();
            c.pooling += pay;
            c.poolSelf += part - pay;
            if (part > 0) {
                String band = "(" + y(from) + ", " + (tier.upTo() == null ? "∞" : y(tier.upToFen())) + "]";
                c.line("RESIDENT_BAND", "第" + n + "段 " + band + "：" + y(part) + " × " + tier.rate().percent() + " = "
                        + y(pay), "Band " + n + " " + band + ": " + y(part) + " × " + tier.rate().percent() + " = "
                        + y(pay));
            }
            lower = tier.upToFen();
        }
        long beyond = lower == Long.MAX_VALUE ? 0 : Bands.overlap(table, e, lower, Long.MAX_VALUE);
        if (beyond > 0) {
            c.line("RESIDENT_BAND", "超过 " + y(lower) + " 的部分 " + y(beyond) + " 基金不予支付",
                    y(beyond) + " above " + y(lower) + " is not paid by the fund");
        }
        c.line("POOLING", "居民基本医疗保险基金支付 " + y(c.pooling) + "（各段之和）；段内个人自负 " + y(c.poolSelf),
                "Resident pooling pays " + y(c.pooling) + " (sum of the bands); personal share inside the bands "
                + y(c.poolSelf));
    }

    /**
     * Resident outpatient visit: pooling at the listed levels for groups with a rate, on the part
     * of the year's cumulative outpatient eligible amount below the ceiling.
     */
    static void outpatient(Computation c) {
        OutpatientPoolingPolicy p = c.pack.outpatientPooling();
        ResidentGroup group = c.request.person().residentGroup();
        InstitutionLevel level = c.request.visit().level();
        Rate rate = p.rates().get(group);
        if (c.request.visit().type() == VisitType.PHARMACY || !p.levels().contains(level) || rate == null) {
            c.line("OUTPATIENT_POOLING", "居民门诊统筹不适用（" + groupZh(group) + "，" + level.zh() + "；仅限 "
                    + levelsZh(p) + " 门诊且限定人群），由个人负担",
                    "Resident outpatient pooling does not apply (" + group + ", " + level + "; only outpatient visits at "
                    + p.levels() + " for groups with a rate): the person pays");
            return;
        }
        long e = c.eligible;
        long start = c.ytdOutpatient;
        long ceiling = p.annualCeiling().fen();
        long part = Bands.overlap(start, start + e, 0, ceiling);
        c.pooling = rate.apply(Money.ofFen(part)).fen();
        c.poolSelf = part - c.pooling;
        c.poolingType = FundPayType.RESIDENT_POOLING;
        c.ytdOutpatient = start + e;
        c.line("OUTPATIENT_POOLING", "居民门诊统筹：本年门诊累计 " + y(start) + " → " + y(start + e) + "，其中 [0, "
                + y(ceiling) + ") 内 " + y(part) + " × " + rate.percent() + " = " + y(c.pooling) + "（无起付线）；个人自负 "
                + y(c.poolSelf), "Resident outpatient pooling: cumulative outpatient " + y(start) + " → "
                + y(start + e) + ", of which " + y(part) + " within [0, " + y(ceiling) + ") × " + rate.percent()
                + " = " + y(c.pooling) + " (no deductible); personal share " + y(c.poolSelf));
    }

    /** Students' accidental-injury outpatient visit. */
    static void accident(Computation c) {
        AccidentPolicy p = c.pack.accident();
        long e = c.eligible;
        long threshold = p.threshold().fen();
        c.poolingType = FundPayType.RESIDENT_POOLING;
        if (e < threshold) {
            c.line("ACCIDENT", "学生意外伤害门诊：政策范围内 " + y(e) + " 未达 " + y(threshold) + "，基金不予支付",
                    "Students' accidental injury: eligible " + y(e) + " is below " + y(threshold) + ": nothing paid");
            return;
        }
        long base = Math.min(e, p.cap().fen());
        c.pooling = p.rate().apply(Money.ofFen(base)).fen();
        c.poolSelf = base - c.pooling;
        c.line("ACCIDENT", "学生意外伤害门诊：min(" + y(e) + ", " + y(p.cap()) + ") × " + p.rate().percent() + " = "
                + y(c.pooling) + "（达 " + y(threshold) + " 起付，无起付线扣除）；个人自负 " + y(c.poolSelf),
                "Students' accidental injury: min(" + y(e) + ", " + y(p.cap()) + ") × " + p.rate().percent() + " = "
                + y(c.pooling) + " (qualifies from " + y(threshold) + ", no deductible); personal share "
                + y(c.poolSelf));
    }

    static String groupZh(ResidentGroup group) {
        return switch (group) {
            case ADULT -> "成年居民";
            case MINOR -> "未成年人/中小学生";
            case UNIVERSITY_STUDENT -> "大学生";
            case LOW_INCOME -> "低保居民";
            case NONE -> throw new IllegalArgumentException("NONE is not a resident group");
        };
    }

    private static String levelsZh(OutpatientPoolingPolicy p) {
        return String.join("/", p.levels().stream().sorted().map(InstitutionLevel::zh).toList());
    }
}
