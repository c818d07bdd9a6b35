package cn.yibao.hostlink.record;

/**
 * Re-computes a record's split from its items with the policy pack the record names. The host
 * simulator's implementation runs the terminal's own settlement engine.
 */
public interface SplitRecomputer {

    /** @return true when the host holds the policy pack {@code policyVersion} ({@code region-version}) */
    boolean knowsPolicy(String policyVersion);

    /**
     * @param record the signed record (its {@code result} is a {@link RecordResult})
     * @param items  the canonical JSON the record's items digest covers (the settlement request)
     * @return true when the re-computed result equals the record's, and the card proof agrees with it
     */
    boolean reproduces(SignedRecord record, String items);

    /**
     * As {@link #reproduces(SignedRecord, String)}, with the record's result already parsed (the
     * verifier parses it once, at step 5). Implementations should override this one.
     *
     * @param result the record's {@code result}, parsed
     */
    default boolean reproduces(SignedRecord record, String items, RecordResult result) {
        return reproduces(record, items);
    }
}
