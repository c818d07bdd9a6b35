package cn.yibao.simulator.supervision;

/** Kind of settled visit the host receives. */
public enum HostVisitType {
    /** 定点药店购药 (2102). */
    PHARMACY,
    /** 门诊 (2207). */
    OUTPATIENT,
    /** 住院 (2304). */
    INPATIENT;

    /** @return whether the visit counts as an outpatient prescription for the §9 indicators */
    public boolean isPrescription() {
        return this != INPATIENT;
    }
}
