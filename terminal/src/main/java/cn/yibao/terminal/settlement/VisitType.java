package cn.yibao.terminal.settlement;

/** What kind of visit is being settled. */
public enum VisitType {
    /** Discharge settlement of an admission. */
    INPATIENT,
    /** Outpatient visit. */
    OUTPATIENT,
    /** Sale at a designated retail pharmacy. */
    PHARMACY,
    /** Accidental-injury outpatient visit (students' benefit, RULES.md §7). */
    ACCIDENT_OUTPATIENT;

    /** @return whether this visit is an outpatient-like visit (not an admission) */
    public boolean isOutpatient() {
        return this != INPATIENT;
    }
}
