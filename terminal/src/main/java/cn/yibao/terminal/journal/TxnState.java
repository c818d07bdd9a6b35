package cn.yibao.terminal.journal;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a counter transaction in the journal. Each state is durable before the step that
 * follows it starts, so that recovery after a crash knows exactly what may have happened:
 *
 * <pre>
 * STARTED ─▶ PRE_SETTLED ─▶ DEBIT_SENT ─▶ DEBITED ─▶ COMMITTED
 *    │            │              │
 *    └────────────┴──────────────┴──────▶ VOIDED
 * </pre>
 *
 * {@code DEBIT_SENT} is the only state in which the card may or may not have been debited: recovery
 * asks the card (GET TRANSACTION PROVE on the recorded counter) and moves on to DEBITED or VOIDED.
 * A sale with no account payment goes from PRE_SETTLED straight to COMMITTED.
 */
public enum TxnState {
    STARTED,
    PRE_SETTLED,
    DEBIT_SENT,
    DEBITED,
    COMMITTED,
    VOIDED;

    /** @return the states this one may move to */
    public Set<TxnState> next() {
        return switch (this) {
            case STARTED -> EnumSet.of(PRE_SETTLED, VOIDED);
            case PRE_SETTLED -> EnumSet.of(DEBIT_SENT, COMMITTED, VOIDED);
            case DEBIT_SENT -> EnumSet.of(DEBITED, VOIDED);
            case DEBITED -> EnumSet.of(COMMITTED);
            case COMMITTED, VOIDED -> EnumSet.noneOf(TxnState.class);
        };
    }

    /** @return true if the transaction is over, one way or the other */
    public boolean isFinal() {
        return this == COMMITTED || this == VOIDED;
    }
}
