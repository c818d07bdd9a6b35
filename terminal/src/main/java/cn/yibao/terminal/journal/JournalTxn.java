package cn.yibao.terminal.journal;

import cn.yibao.card.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A transaction as the journal holds it.
 *
 * @param id local transaction number
 * @param msgid the message id: idempotency and reversal key towards HIS and host
 * @param kind what the transaction does
 * @param state where it is in its life
 * @param cardNoMasked the card number, masked (the journal never stores a full card number)
 * @param cardSerial the card's application serial (needed to recover a torn debit)
 * @param request the settlement request, canonical JSON
 * @param result the settlement result, canonical JSON, once pre-settled
 * @param accountPay what the card's account pays
 * @param cardCounter the card's offline counter before the debit, once the debit is sent
 * @param pendingDebit what recovery needs to ask the card about the debit, once it is sent
 * @param tac the card's transaction authentication code, once debited
 * @param note why it was voided, or other remarks
 * @param reply the answer given to the caller, once committed
 * @param created when it started
 * @param updated when it last changed
 */
public record JournalTxn(long id, String msgid, TxnKind kind, TxnState state, String cardNoMasked,
                         String cardSerial, String request, Optional<String> result, Money accountPay,
                         Optional<Integer> cardCounter, Optional<String> pendingDebit, Optional<String> tac,
                         Optional<String> note, Optional<String> reply, Instant created, Instant updated) {

    public JournalTxn {
        Objects.requireNonNull(msgid, "msgid");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(accountPay, "accountPay");
        Objects.requireNonNull(cardCounter, "cardCounter");
        Objects.requireNonNull(pendingDebit, "pendingDebit");
        Objects.requireNonNull(tac, "tac");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(note, "note");
    }
}
