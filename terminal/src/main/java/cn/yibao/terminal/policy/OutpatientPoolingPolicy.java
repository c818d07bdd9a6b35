package cn.yibao.terminal.policy;

import cn.yibao.card.Money;
import cn.yibao.card.app.ResidentGroup;
import java.util.Map;
import java.util.Set;

/**
 * Residents' outpatient pooling (门诊统筹, RULES.md §7).
 *
 * @param levels        institution levels where it applies
 * @param annualCeiling the part of the year's cumulative outpatient eligible amount below this is paid
 * @param rates         rate by resident group; a group without a rate is excluded
 */
public record OutpatientPoolingPolicy(Set<InstitutionLevel> levels, Money annualCeiling,
        Map<ResidentGroup, Rate> rates) {

    public OutpatientPoolingPolicy {
        levels = Set.copyOf(Rules.required("levels", levels));
        Rules.required("annual_ceiling", annualCeiling);
        rates = Map.copyOf(Rules.required("rates", rates));
    }
}
