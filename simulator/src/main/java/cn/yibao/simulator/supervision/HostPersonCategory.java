package cn.yibao.simulator.supervision;

/** Person category as the host records it (RULES.md §2, coarse). */
public enum HostPersonCategory {
    EMPLOYEE("城镇职工·在职"),
    EMPLOYEE_RETIRED("城镇职工·退休"),
    EMPLOYEE_POOL_ONLY("单建统筹"),
    RESIDENT("城镇居民"),
    SPECIAL_CARE("离休/伤残军人");

    private final String nameZh;

    HostPersonCategory(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    /** @return whether the person has a personal account on the card */
    public boolean hasAccount() {
        return this == EMPLOYEE || this == EMPLOYEE_RETIRED;
    }
}
