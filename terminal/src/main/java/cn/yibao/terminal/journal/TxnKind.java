package cn.yibao.terminal.journal;

/** What a journal transaction does. */
public enum TxnKind {
    /** A pharmacy or outpatient sale. */
    SALE,
    /** An inpatient discharge settlement. */
    DISCHARGE,
    /** An inpatient admission: the card is marked "in hospital" by a settlement record of amount 0. */
    ADMIT,
    /** A same-day cancellation of an earlier settlement (the account is refunded by a load). */
    CANCEL
}
