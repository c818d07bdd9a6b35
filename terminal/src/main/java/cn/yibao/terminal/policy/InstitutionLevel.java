package cn.yibao.terminal.policy;

/** Level of the designated institution (RULES.md §3). */
public enum InstitutionLevel {
    /** 省级及以上. */
    PROVINCIAL("省级"),
    /** 市级(含省市专科). */
    MUNICIPAL("市级"),
    /** 区级/社区卫生服务中心/厂矿院校. */
    DISTRICT("区级"),
    /** 社区康复医院. */
    REHAB("社区康复医院"),
    /** 定点零售药店. */
    PHARMACY("定点零售药店");

    private final String zh;

    InstitutionLevel(String zh) {
        this.zh = zh;
    }

    /** @return the Chinese name used in explanations */
    public String zh() {
        return zh;
    }
}
