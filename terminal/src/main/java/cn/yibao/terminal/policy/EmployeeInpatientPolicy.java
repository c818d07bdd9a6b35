package cn.yibao.terminal.policy;

import cn.yibao.card.Money;
import java.util.List;
import java.util.Map;

/**
 * Employee inpatient parameters (RULES.md §5).
 *
 * @param deductible                per-admission deductible (起付线) by level
 * @param ratioInService            personal ratio (自负比例) in service, by level
 * @param ratioRetired              personal ratio retired, by level
 * @param annualPoolingLimit        annual basic pooling limit L on the year's cumulative base
 * @param largeAmountRelief         large-amount relief bands on the year's cumulative over-limit amount
 * @param civilServantSelfRate      civil-servant subsidy rate on self-share + deductible + 自负
 * @param civilServantOverRate      civil-servant subsidy rate on the over-limit part
 * @param outOfRegionDeductible     out-of-region deductible
 * @param outOfRegionRate           out-of-region pooling rate
 */
public record EmployeeInpatientPolicy(Map<InstitutionLevel, Money> deductible,
        Map<InstitutionLevel, Rate> ratioInService, Map<InstitutionLevel, Rate> ratioRetired,
        Money annualPoolingLimit, List<Tier> largeAmountRelief, Rate civilServantSelfRate,
        Rate civilServantOverRate, Money outOfRegionDeductible, Rate outOfRegionRate) {

    public EmployeeInpatientPolicy {
        deductible = Rules.perInpatientLevel("deductible", deductible);
        ratioInService = Rules.perInpatientLevel("personal_ratio.in_service", ratioInService);
        ratioRetired = Rules.perInpatientLevel("personal_ratio.retired", ratioRetired);
        Rules.required("annual_pooling_limit", annualPoolingLimit);
        largeAmountRelief = Tier.ascending("large_amount_relief", largeAmountRelief);
        Rules.required("civil_servant.self_rate", civilServantSelfRate);
        Rules.required("civil_servant.over_limit_rate", civilServantOverRate);
        Rules.required("out_of_region.deductible", outOfRegionDeductible);
        Rules.required("out_of_region.rate", outOfRegionRate);
    }
}
