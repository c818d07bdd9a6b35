package cn.yibao.terminal.settlement;

import cn.yibao.terminal.policy.InstitutionLevel;

/**
 * The visit being settled.
 *
 * @param type        visit type
 * @param level       institution level; PHARMACY exactly for pharmacy sales
 * @param outOfRegion approved out-of-region treatment (转外 / 异地急诊)
 */
public record VisitTerms(VisitType type, InstitutionLevel level, boolean outOfRegion) {

    public VisitTerms {
        Limits.required("type", type);
        Limits.required("level", level);
        if ((type == VisitType.PHARMACY) != (level == InstitutionLevel.PHARMACY)) {
            throw new IllegalArgumentException(type == VisitType.PHARMACY
                    ? "level: a PHARMACY visit needs level PHARMACY"
                    : "level: level PHARMACY is only allowed for a PHARMACY visit");
        }
    }
}
