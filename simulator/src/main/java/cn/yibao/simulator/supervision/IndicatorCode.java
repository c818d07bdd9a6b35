package cn.yibao.simulator.supervision;

/** The §9 institution indicators. */
public enum IndicatorCode {
    AVG_PRESCRIPTION("门诊处方均值", "average outpatient prescription", true),
    MAX_SINGLE_PRESCRIPTION("单张处方最高金额", "largest single prescription", true),
    LARGE_PRESCRIPTION_SHARE("大处方占比", "share of large prescriptions", false),
    CLASS_C_SHARE("自费（丙类）费用占比", "class-C share of cost", false),
    INPATIENT_BURDEN("住院个人负担比例", "inpatient personal burden", false);

    private final String nameZh;
    private final String name;
    private final boolean money;

    IndicatorCode(String nameZh, String name, boolean money) {
        this.nameZh = nameZh;
        this.name = name;
        this.money = money;
    }

    public String nameZh() {
        return nameZh;
    }

    /** @return the English name */
    public String nameEn() {
        return name;
    }

    /** @return whether the value is an amount in yuan (else a share between 0 and 1) */
    public boolean isMoney() {
        return money;
    }
}
