package cn.yibao.card.session;

import java.util.Optional;

/**
 * What the card says about a torn debit.
 *
 * @param outcome whether the debit happened
 * @param debit the debit asked about
 * @param cardOfflineCounter the card's offline counter now
 * @param proof TAC and MAC2 if the debit happened
 */
public record RecoveryResult(Outcome outcome, PendingDebit debit, int cardOfflineCounter, Optional<DebitProof> proof) {

    /** Did the debit happen. */
    public enum Outcome {
        /** The card debited: {@link #proof()} holds its TAC and MAC2. */
        DEBITED,
        /** The card did not debit: its offline counter is still the one the debit would have used. */
        NOT_DEBITED
    }

    public RecoveryResult {
        if (outcome == null || debit == null || proof == null || (outcome == Outcome.DEBITED) != proof.isPresent()) {
            throw new IllegalArgumentException("a DEBITED result carries a proof, NOT_DEBITED none");
        }
    }

    /** @return whether the debit happened */
    public boolean debited() {
        return outcome == Outcome.DEBITED;
    }
}
