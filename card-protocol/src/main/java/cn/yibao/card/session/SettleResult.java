package cn.yibao.card.session;

import cn.yibao.card.Money;

/**
 * A completed debit: what was debited and the card's proof.
 *
 * @param debit the debit (card serial, offline counter used, terminal seq, amount, time…)
 * @param proof TAC and MAC2 (verified by the PSAM)
 */
public record SettleResult(PendingDebit debit, DebitProof proof) {

    public SettleResult {
        if (debit == null || proof == null) {
            throw new IllegalArgumentException("debit and proof required");
        }
    }

    /** @return the balance after the debit */
    public Money balanceAfter() {
        return debit.balanceAfter();
    }

    /** @return the card's offline counter after the debit */
    public int cardOfflineCounterAfter() {
        return debit.offlineSeq() + 1;
    }
}
