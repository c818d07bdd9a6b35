package cn.yibao.terminal.policy;

import cn.yibao.card.Money;
import cn.yibao.card.app.ResidentGroup;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resident inpatient parameters (RULES.md §6).
 *
 * @param deductible        per-admission deductible by group and level
 * @param bands             fund-share bands on the admission's eligible amount, by group and level
 * @param outOfRegionGroups groups settled by the table when treated out of region; others are refused
 */
public record ResidentInpatientPolicy(Map<ResidentGroup, Map<InstitutionLevel, Money>> deductible,
        Map<ResidentGroup, Map<InstitutionLevel, List<Tier>>> bands, Set<ResidentGroup> outOfRegionGroups) {

    public ResidentInpatientPolicy {
        deductible = Rules.perGroup("deductible", deductible);
        Map<ResidentGroup, Map<InstitutionLevel, Money>> d = new HashMap<>();
        deductible.forEach((g, m) -> d.put(g, Rules.perInpatientLevel("deductible." + g, m)));
        deductible = Map.copyOf(d);
        bands = Rules.perGroup("bands", bands);
        Map<ResidentGroup, Map<InstitutionLevel, List<Tier>>> b = new HashMap<>();
        bands.forEach((g, m) -> {
            Map<InstitutionLevel, List<Tier>> perLevel = new HashMap<>();
            Rules.perInpatientLevel("bands." + g, m).forEach((l, t) ->
                    perLevel.put(l, Tier.ascending("bands." + g + "." + l, t)));
            b.put(g, Map.copyOf(perLevel));
        });
        bands = Map.copyOf(b);
        Rules.required("out_of_region_groups", outOfRegionGroups);
        outOfRegionGroups = outOfRegionGroups.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(outOfRegionGroups));
    }
}
