package cn.yibao.terminal.settlement;

/** Contribution status of the insured person (RULES.md §7, §8). */
public enum InsuranceStatus {
    /** Contributions paid: benefits apply. */
    NORMAL,
    /** 欠费: no fund pays; the card balance stays usable. */
    ARREARS,
    /** 停保: no fund pays; the card balance stays usable. */
    SUSPENDED
}
