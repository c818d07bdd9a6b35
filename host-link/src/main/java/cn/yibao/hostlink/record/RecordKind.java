package cn.yibao.hostlink.record;

/**
 * What a signed record records ({@code kind} of its {@link RecordResult}). The host accepts the
 * kinds it knows and refuses any other with {@link RecordCheck#RECORD_KIND_UNKNOWN}.
 *
 * <p>Planned (add the constant, what the terminal puts in {@code settlement}, and the host's
 * handling in its split re-computation and ledger): {@code CANCEL} — a same-day cancellation,
 * refunded to the account by a host-authorised load (card proof {@link ProofKind#LOAD});
 * {@code ADMIT} — an inpatient admission (no money moves).
 */
public enum RecordKind {
    /** A settlement: the engine's result for the record's items. */
    SETTLE
}
