package cn.yibao.hostlink.record;

/**
 * What a signed record records ({@code kind} of its {@link RecordResult}). The host accepts the
 * kinds it knows and refuses any other with {@link RecordCheck#RECORD_KIND_UNKNOWN}.
 */
public enum RecordKind {
    /** A settlement: the engine's result for the record's items (card proof PURCHASE or NONE). */
    SETTLE,
    /**
     * A same-day cancellation of the settlement {@code setl_id}, its account share refunded by a
     * host-authorised load (card proof LOAD, or NONE when the account paid nothing). Its
     * {@code settlement} is the cancellation's answer ({@code setlinfo} with every amount negated,
     * {@code refund} the loaded amount); the host counted the cancellation when it authorised the
     * load, so the record moves no money at the host.
     */
    CANCEL,
    /**
     * An inpatient admission: the card marked "in hospital" by a settlement record of amount 0
     * (card proof PURCHASE of 0 fen). {@code setl_id} is the visit id; {@code settlement.setlinfo}
     * has zero amounts; no money moves.
     */
    ADMIT
}
