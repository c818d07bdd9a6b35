package cn.yibao.hostlink.record;

/** Re-computes a settlement's split from its items with the same policy-pack version. */
@FunctionalInterface
public interface SplitRecomputer {

    /**
     * @param record the signed record (its {@code result} is the terminal's split)
     * @param items  the canonical JSON of the fee items, whose SM3 is the record's items digest
     * @return true when the re-computed split equals the record's result
     */
    boolean reproduces(SignedRecord record, String items);
}
