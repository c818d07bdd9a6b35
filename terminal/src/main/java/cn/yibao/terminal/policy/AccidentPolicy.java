package cn.yibao.terminal.policy;

import cn.yibao.card.Money;
import cn.yibao.card.app.ResidentGroup;
import java.util.Set;

/**
 * Students' accidental-injury outpatient benefit (RULES.md §7).
 *
 * @param groups    resident groups that qualify
 * @param threshold a visit qualifies when its eligible amount is at least this
 * @param cap       the eligible amount paid at most
 * @param rate      rate paid
 */
public record AccidentPolicy(Set<ResidentGroup> groups, Money threshold, Money cap, Rate rate) {

    public AccidentPolicy {
        groups = Set.copyOf(Rules.required("groups", groups));
        Rules.required("threshold", threshold);
        Rules.required("cap", cap);
        Rules.required("rate", rate);
    }
}
