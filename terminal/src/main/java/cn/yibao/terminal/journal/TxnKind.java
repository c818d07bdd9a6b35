package cn.yibao.terminal.journal;

/** What a journal transaction does. */
public enum TxnKind {
    /** A pharmacy or outpatient sale. */
    SALE,
    /** An inpatient discharge settlement. */
    DISCHARGE,
    /** A same-day cancellation of an earlier settlement (the account is refunded by a load). */
    CANCEL
}
