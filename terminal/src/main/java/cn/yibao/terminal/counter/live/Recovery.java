package cn.yibao.terminal.counter.live;

import cn.yibao.card.CardException;
import cn.yibao.card.session.PendingDebit;
import cn.yibao.card.session.RecoveryResult;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.journal.Journal;
import cn.yibao.terminal.journal.JournalTxn;
import cn.yibao.terminal.journal.TxnKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes or voids every unfinished journal transaction after a crash, from the journal and the
 * card's own proof: never a lost debit, never a double one.
 *
 * <ul>
 *   <li>STARTED, PRE_SETTLED: the debit was never sent; voided.</li>
 *   <li>DEBIT_SENT: the card is asked (GET TRANSACTION PROVE on the recorded counter): debited →
 *       committed with the card's TAC; not debited → voided. Without the card on the reader the
 *       transaction stays in doubt and is retried at the next recovery.</li>
 *   <li>DEBITED: committed.</li>
 *   <li>A cancellation in DEBIT_SENT (its refund load pending): the card is asked about the load
 *       (GET TRANSACTION PROVE on the online counter): credited → committed; not → voided.</li>
 * </ul>
 */
public final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    /** What a recovery run did. */
    public record Report(int committed, int voided, int inDoubt) {
    }

    private final CardAccess cards;
    private final Journal journal;
    private final RecordChain chain;

    public Recovery(CardAccess cards, Journal journal, RecordChain chain) {
        this.cards = cards;
        this.journal = journal;
        this.chain = chain;
    }

    /** Runs over every unfinished transaction, oldest first. */
    public Report run() {
        int committed = 0;
        int voided = 0;
        int inDoubt = 0;
        for (JournalTxn txn : journal.queries().unfinished()) {
            switch (txn.state()) {
                case STARTED, PRE_SETTLED -> {
                    journal.transactions().voided(txn.id(), "interrupted before the debit was sent");
                    voided++;
                }
                case DEBITED -> {
                    chain.commit(txn);
                    committed++;
                }
                case DEBIT_SENT -> {
                    Boolean debited = txn.kind() == TxnKind.CANCEL ? CancelFlow.recover(cards, journal, chain, txn)
                            : askCard(txn);
                    if (debited == null) {
                        inDoubt++;
                    } else if (debited) {
                        committed++;
                    } else {
                        voided++;
                    }
                }
                default -> throw new IllegalStateException("unfinished in a final state: " + txn);
            }
        }
        Report report = new Report(committed, voided, inDoubt);
        if (committed + voided + inDoubt > 0) {
            LOG.warn("recovery: {}", report);
        }
        return report;
    }

    /** @return true if committed, false if voided, null if the card could not tell */
    private Boolean askCard(JournalTxn txn) {
        PendingDebit pending = PendingDebits.fromJson(txn.pendingDebit().orElseThrow());
        RecoveryResult result;
        try {
            result = cards.withCard(session -> session.recover(pending));
        } catch (CounterRefusedException | CardException e) {
            LOG.warn("transaction {} stays in doubt: {}", txn.msgid(), e.getMessage());
            return null;
        }
        if (result.debited()) {
            journal.transactions().debited(txn.id(), result.proof().orElseThrow().tacHex());
            chain.commit(journal.queries().find(txn.id()).orElseThrow());
            return true;
        }
        journal.transactions().voided(txn.id(), "the card proves the debit did not happen");
        return false;
    }
}
