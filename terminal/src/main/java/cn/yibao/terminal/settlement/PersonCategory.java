package cn.yibao.terminal.settlement;

import cn.yibao.card.app.ResidentGroup;

/** Who is insured (RULES.md §2). */
public enum PersonCategory {
    /** 城镇职工 with a personal account (in service or retired; may be a civil servant). */
    EMPLOYEE,
    /** 单建统筹 / 灵活就业: employee pooling without a personal account. */
    EMPLOYEE_POOL_ONLY,
    /** 城镇居民: see {@link ResidentGroup}. */
    RESIDENT,
    /** 离休干部 / 二乙伤残军人: in-scope costs paid by a special fund. */
    SPECIAL_CARE;

    /** @return whether the employee inpatient rules (RULES.md §5) apply */
    public boolean isEmployee() {
        return this == EMPLOYEE || this == EMPLOYEE_POOL_ONLY;
    }
}
