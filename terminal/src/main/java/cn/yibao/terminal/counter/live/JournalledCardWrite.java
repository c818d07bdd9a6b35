package cn.yibao.terminal.counter.live;

import cn.yibao.card.CardNumbers;
import cn.yibao.card.Money;
import cn.yibao.card.app.SettlementRecord;
import cn.yibao.card.session.CardInfo;
import cn.yibao.card.session.CardSession;
import cn.yibao.card.session.SettleRequest;
import cn.yibao.card.session.SettleResult;
import cn.yibao.terminal.journal.Journal;
import cn.yibao.terminal.journal.JournalTxn;
import cn.yibao.terminal.journal.TxnKind;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * The journalled card write of a visit settlement, an admission or a discharge settlement: STARTED
 * → PRE_SETTLED → DEBIT_SENT (durable before DEBIT goes to the card) → DEBITED, each step durable
 * before the next, so that {@link Recovery} can finish or void it after a crash or a tear with the
 * card's proof. The caller commits the returned transaction with its signed record.
 */
final class JournalledCardWrite {

    /**
     * What to write.
     *
     * @param msgid the request's msgid (idempotency key)
     * @param kind the journal transaction kind
     * @param card the card as just read in this session (with the PIN)
     * @param request the request as signed for the host (canonical JSON)
     * @param result the result as signed for the host (canonical JSON)
     * @param account what the card's account pays (may be zero)
     * @param reply the answer for the caller, given the journal transaction id
     * @param record the settlement record for the card
     * @param time the transaction time written on the card
     */
    record Plan(String msgid, TxnKind kind, CardInfo card, String request, String result, Money account,
            LongFunction<String> reply, SettlementRecord record, LocalDateTime time) {

        Plan {
            Objects.requireNonNull(msgid, "msgid");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(reply, "reply");
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(time, "time");
        }
    }

    private final Journal journal;

    JournalledCardWrite(Journal journal) {
        this.journal = journal;
    }

    /** Journals and writes {@code plan} to the card in {@code session} (PIN verified); returns it DEBITED. */
    JournalTxn run(CardSession session, Plan plan) {
        return card(session, start(plan), plan);
    }

    /** STARTED → PRE_SETTLED: the transaction journalled, nothing written to the card yet. */
    long start(Plan plan) {
        CardInfo card = plan.card();
        long id = journal.transactions().begin(plan.msgid(), plan.kind(),
                CardNumbers.mask(card.identity().cardNumber()), HexFormat.of().withUpperCase().formatHex(card.identity().appSerial()), plan.request());
        Crashpoints.hit("journal-started");
        journal.transactions().preSettled(id, plan.result(), plan.account(), plan.reply().apply(id));
        Crashpoints.hit("pre-settled");
        return id;
    }

    /** PRE_SETTLED → DEBIT_SENT → DEBITED: the card written with the record and debited. */
    JournalTxn card(CardSession session, long id, Plan plan) {
        SettleResult done = session.settle(new SettleRequest(plan.account(), plan.record(), plan.time()),
                pending -> {
                    Crashpoints.hit("before-debit-sent");
                    journal.transactions().debitSent(id, pending.offlineSeq(), PendingDebits.toJson(pending));
                    Crashpoints.hit("debit-sent");
                });
        Crashpoints.hit("card-debited");
        journal.transactions().debited(id, done.proof().tacHex());
        Crashpoints.hit("debited");
        return journal.queries().find(id).orElseThrow();
    }
}
