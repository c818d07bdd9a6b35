package cn.yibao.terminal.settlement;

import cn.yibao.card.Coded;

/** Fund codes of the national {@code fund_pay_type} dictionary used in {@code setldetail}. */
public enum FundPayType implements Coded {
    /** Employees' basic medical insurance pooling fund. */
    @Code(code = "310100", nameZh = "职工基本医疗保险统筹基金") EMPLOYEE_POOLING,
    /** Employees' personal account. */
    @Code(code = "310200", nameZh = "职工基本医疗保险个人账户") PERSONAL_ACCOUNT,
    /** Civil-servant medical subsidy. */
    @Code(code = "320100", nameZh = "公务员医疗补助资金") CIVIL_SERVANT,
    /** Employees' large-amount medical expense relief. */
    @Code(code = "330100", nameZh = "职工大额医疗费用补助基金") LARGE_AMOUNT,
    /** Medical cover of retired cadres. */
    @Code(code = "340100", nameZh = "离休人员医疗保障基金") RETIRED_CADRES,
    /** Medical subsidy of disabled veterans (class 2-B). */
    @Code(code = "350100", nameZh = "伤残军人医疗补助基金") DISABLED_VETERANS,
    /** Residents' basic medical insurance fund. */
    @Code(code = "390100", nameZh = "居民基本医疗保险基金") RESIDENT_POOLING,
    /** Medical assistance. */
    @Code(code = "610100", nameZh = "医疗救助基金") ASSISTANCE,
    /** Other funds. */
    @Code(code = "999997", nameZh = "其他基金") OTHER;
}
