package cn.yibao.terminal.settlement;

/** Fund codes of the national {@code fund_pay_type} dictionary used in {@code setldetail}. */
public enum FundPayType {
    /** 职工基本医疗保险统筹基金. */
    EMPLOYEE_POOLING("310100", "职工基本医疗保险统筹基金"),
    /** 个人账户. */
    PERSONAL_ACCOUNT("310200", "职工基本医疗保险个人账户"),
    /** 公务员医疗补助. */
    CIVIL_SERVANT("320100", "公务员医疗补助资金"),
    /** 大额医疗费用补助 (大额救助). */
    LARGE_AMOUNT("330100", "职工大额医疗费用补助基金"),
    /** 离休人员医疗保障. */
    RETIRED_CADRES("340100", "离休人员医疗保障基金"),
    /** 二乙伤残军人医疗补助. */
    DISABLED_VETERANS("350100", "伤残军人医疗补助基金"),
    /** 城镇居民基本医疗保险基金. */
    RESIDENT_POOLING("390100", "居民基本医疗保险基金"),
    /** 医疗救助. */
    ASSISTANCE("610100", "医疗救助基金"),
    /** 其他. */
    OTHER("999997", "其他基金");

    private final String code;
    private final String nameZh;

    FundPayType(String code, String nameZh) {
        this.code = code;
        this.nameZh = nameZh;
    }

    /** @return the six-digit {@code fund_pay_type} code */
    public String code() {
        return code;
    }

    /** @return the {@code fund_pay_type_name} */
    public String nameZh() {
        return nameZh;
    }
}
