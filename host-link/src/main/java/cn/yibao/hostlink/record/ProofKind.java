package cn.yibao.hostlink.record;

/**
 * What the card wrote for a record, named by its transaction type identifier (TTI): nothing (a
 * sale paid without the personal account: the card is not written and there is no TAC), a purse
 * purchase (TTI 06, a debit) or a purse load (TTI 02, a credit authorised by the host).
 */
public enum ProofKind {
    /** No card proof: the card was not written. */
    NONE(0x00),
    /** A purchase (DEBIT), TTI 06. */
    PURCHASE(0x06),
    /** A load (CREDIT), TTI 02. */
    LOAD(0x02);

    private final int tti;

    ProofKind(int tti) {
        this.tti = tti;
    }

    /** @return the transaction type identifier (0 for {@link #NONE}) */
    public int tti() {
        return tti;
    }
}
