package cn.yibao.card.app;

import cn.yibao.card.CardCode;

/** The insurance category stored in DF04 EF05 (RULES.md §2). */
public enum InsuranceCategory implements CardCode {

    @Code(code = "1", nameZh = "城镇职工") EMPLOYEE,
    @Code(code = "2", nameZh = "单建统筹") EMPLOYEE_POOL_ONLY,
    @Code(code = "3", nameZh = "城镇居民") RESIDENT,
    @Code(code = "4", nameZh = "离休/二乙") SPECIAL_CARE;
}
