package cn.yibao.terminal.policy;

/** Resident groups (RULES.md §6). */
public enum ResidentGroup {
    /** Adult resident. */
    ADULT,
    /** Children and school pupils under 18. */
    MINOR,
    /** University students. */
    UNIVERSITY_STUDENT,
    /** Adult on the minimum living allowance (低保). */
    LOW_INCOME
}
