package cn.yibao.terminal.settlement;

import static cn.yibao.terminal.settlement.Computation.y;

import cn.yibao.card.app.InsuranceStatus;
import cn.yibao.card.app.ResidentGroup;
import cn.yibao.terminal.policy.PolicyPack;
import cn.yibao.terminal.policy.Rate;
import cn.yibao.terminal.policy.SelfShareRates;

/**
 * The settlement engine: pure, no I/O, no state. Given a request and a policy pack it computes
 * the split of the bill between the funds, the personal account and cash, with an explanation of
 * every figure (RULES.md §4–§7). The terminal and the host simulator call the same method, so the
 * host can re-compute a terminal's split.
 */
public final class SettlementEngine {

    private SettlementEngine() {
    }

    /**
     * Settles one visit.
     *
     * @throws SettlementRefusedException when the rules refuse the sale (non-medical item,
     *                                    resident out of region, no items)
     */
    public static SettlementResult settle(SettlementRequest request, PolicyPack pack) {
        if (request.items().isEmpty()) {
            throw new SettlementRefusedException(SettlementRefusal.NO_ITEMS, null, null);
        }
        Person person = request.person();
        VisitTerms visit = request.visit();
        Bill bill = Bill.of(request.items(), selfShareRate(person, visit, pack.selfShare()));
        Computation c = new Computation(request, pack, bill);
        explainBill(c, person, visit);
        if (person.insuranceStatus() != InsuranceStatus.NORMAL) {
            c.line("NO_BENEFIT", "欠费/停保（" + person.insuranceStatus() + "）：各项基金不予支付，个人账户余额可用",
                    "Insurance " + person.insuranceStatus() + ": no fund pays; the card balance stays usable");
        } else {
            applyRules(c, person, visit);
        }
        return c.finish(hasAccount(person, visit, pack));
    }

    private static void applyRules(Computation c, Person person, VisitTerms visit) {
        switch (person.category()) {
            case SPECIAL_CARE -> specialCare(c, person);
            case EMPLOYEE, EMPLOYEE_POOL_ONLY -> {
                if (visit.type() != VisitType.INPATIENT) {
                    c.line("EMPLOYEE_OUTPATIENT", person.category() == PersonCategory.EMPLOYEE
                            ? "职工门诊/药店：统筹基金不支付，个人账户包干支付（甲、乙、丙类均可），不足部分付现金"
                            : "单建统筹人员门诊/药店：统筹基金不支付，无个人账户，付现金",
                            person.category() == PersonCategory.EMPLOYEE
                            ? "Employee outpatient/pharmacy: no pooling; the personal account pays the whole bill "
                                    + "(classes A, B and C) up to its balance, the rest in cash"
                            : "Pooling-only employee outpatient/pharmacy: no pooling, no account: cash");
                } else if (visit.outOfRegion()) {
                    EmployeeInpatientRule.outOfRegion(c);
                } else {
                    EmployeeInpatientRule.settle(c);
                }
            }
            case RESIDENT -> resident(c, person, visit);
            default -> throw new IllegalStateException("unknown category " + person.category());
        }
    }

    private static void resident(Computation c, Person person, VisitTerms visit) {
        ResidentGroup group = person.residentGroup();
        if (visit.outOfRegion() && !c.pack.residentInpatient().outOfRegionGroups().contains(group)) {
            throw new SettlementRefusedException(SettlementRefusal.RESIDENT_OUT_OF_REGION,
                    ResidentRules.groupZh(group), String.valueOf(group));
        }
        if (visit.type() == VisitType.INPATIENT) {
            ResidentRules.inpatient(c);
        } else if (visit.type() == VisitType.ACCIDENT_OUTPATIENT && c.pack.accident().groups().contains(group)) {
            ResidentRules.accident(c);
        } else {
            ResidentRules.outpatient(c);
        }
    }

    private static void specialCare(Computation c, Person person) {
        c.special = c.eligible;
        c.specialType = person.retired() ? FundPayType.RETIRED_CADRES : FundPayType.DISABLED_VETERANS;
        c.line("SPECIAL_CARE", (person.retired() ? "离休干部" : "二乙伤残军人") + "：专项资金支付政策范围内全部费用 " + y(c.special)
                + "（甲、乙类全额，不计乙类自付），丙类由个人负担",
                (person.retired() ? "Retired cadre" : "Disabled veteran") + ": the special fund pays all in-scope costs "
                + y(c.special) + " (classes A and B in full, no self-share); the person pays class C");
    }

    private static void explainBill(Computation c, Person person, VisitTerms visit) {
        Bill b = c.bill;
        c.line("TOTAL", "医疗费总额 " + y(b.total()) + " = 甲类 " + y(b.classA()) + " + 乙类 " + y(b.classB()) + " + 丙类 "
                + y(b.classC()), "Total " + y(b.total()) + " = class A " + y(b.classA()) + " + class B "
                + y(b.classB()) + " + class C " + y(b.classC()));
        c.line("OWNPAY", "全自费（丙类）" + y(b.classC()) + "，由个人负担",
                "Full self-pay (class C) " + y(b.classC()) + ", borne by the person");
        if (b.selfShareRate() != null && b.countB() == 0) {
            c.line("SELFSHARE", "乙类先行自付 0.00：无乙类项目", "Class-B self-share 0.00: no class-B items");
        } else if (b.selfShareRate() != null) {
            String whoZh = selfShareWhoZh(person);
            c.line("SELFSHARE", "乙类先行自付 " + y(b.selfShare()) + "：" + b.countB() + " 项乙类共 " + y(b.classB()) + "，逐项 × "
                    + b.selfShareRate().percent() + "（" + whoZh + "）四舍五入到分后相加",
                    "Class-B self-share " + y(b.selfShare()) + ": " + b.countB() + " class-B item(s) totalling "
                    + y(b.classB()) + ", each × " + b.selfShareRate().percent() + " (" + selfShareWho(person)
                    + ") rounded to the fen, then summed");
        } else {
            c.line("SELFSHARE", person.category() == PersonCategory.SPECIAL_CARE ? "离休/伤残军人：乙类不计先行自付"
                    : "异地就医：乙类不计先行自付", person.category() == PersonCategory.SPECIAL_CARE
                    ? "Special care: no class-B self-share" : "Out of region: no class-B self-share");
        }
        c.line("ELIGIBLE", "政策范围内金额 " + y(c.eligible) + " = " + y(b.total()) + " − " + y(b.classC()) + " − "
                + y(b.selfShare()), "In-scope amount " + y(c.eligible) + " = " + y(b.total()) + " − " + y(b.classC())
                + " − " + y(b.selfShare()));
    }

    /** @return the class-B self-borne rate for this person and visit, or {@code null} when none applies */
    static Rate selfShareRate(Person person, VisitTerms visit, SelfShareRates rates) {
        if (person.category() == PersonCategory.SPECIAL_CARE
                || person.category().isEmployee() && visit.outOfRegion() && visit.type() == VisitType.INPATIENT) {
            return null;
        }
        if (person.category() == PersonCategory.RESIDENT) {
            return person.retired() ? rates.residentRetired() : rates.resident();
        }
        return person.retired() ? rates.employeeRetired() : rates.employeeInService();
    }

    /** @return whether the card balance may pay: employees with an account; allowance residents outside hospital */
    static boolean hasAccount(Person person, VisitTerms visit, PolicyPack pack) {
        return switch (person.category()) {
            case EMPLOYEE -> true;
            case RESIDENT -> visit.type() != VisitType.INPATIENT
                    && pack.residentAllowance().containsKey(person.residentGroup());
            default -> false;
        };
    }

    private static String selfShareWhoZh(Person person) {
        boolean resident = person.category() == PersonCategory.RESIDENT;
        return (resident ? "居民" : "职工") + (person.retired() ? "退休" : resident ? "" : "在职");
    }

    private static String selfShareWho(Person person) {
        boolean resident = person.category() == PersonCategory.RESIDENT;
        return (resident ? "resident" : "employee") + (person.retired() ? ", retired" : resident ? "" : ", in service");
    }
}
