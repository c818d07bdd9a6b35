package cn.yibao.terminal.counter.live;

import cn.yibao.card.CardException;
import cn.yibao.card.CardNumbers;
import cn.yibao.card.Money;
import cn.yibao.card.session.CardInfo;
import cn.yibao.card.session.CardSession;
import cn.yibao.card.session.LoadRecovery;
import cn.yibao.card.session.PendingLoad;
import cn.yibao.hostlink.msg.CanonicalJson;
import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.RefundLoad;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.saf.HostUnavailableException;
import cn.yibao.terminal.counter.CancelRequest;
import cn.yibao.terminal.counter.CounterRefusal;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.Opter;
import cn.yibao.terminal.counter.Settlement;
import cn.yibao.terminal.counter.host.HostCalls;
import cn.yibao.terminal.journal.Journal;
import cn.yibao.terminal.journal.JournalTxn;
import cn.yibao.terminal.journal.TxnKind;
import cn.yibao.terminal.journal.TxnState;
import cn.yibao.terminal.journal.VisitStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Same-day cancellation (2103/2208/2305) by {@code setl_id}, with the account share refunded to the
 * card by a host-authorised load: checks (same day, not twice, acknowledged by the host) → STARTED →
 * PRE_SETTLED → INITIALIZE FOR LOAD → DEBIT_SENT with the pending load (durable before the host is
 * asked, so a crash from here on is resolved with the card's proof) → the host records the
 * cancellation and answers MAC2 → CREDIT FOR LOAD → DEBITED with the card's TAC → COMMITTED with a
 * signed record. The host unreachable or refusing: the transaction is voided, the card untouched.
 */
final class CancelFlow {

    private static final Logger LOG = LoggerFactory.getLogger(CancelFlow.class);
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final CardAccess cards;
    private final Journal journal;
    private final RecordChain chain;
    private final VisitStore store;
    private final Clock clock;
    private final HostCalls host;

    CancelFlow(CardAccess cards, Journal journal, RecordChain chain, VisitStore store, Clock clock, HostCalls host) {
        this.cards = cards;
        this.journal = journal;
        this.chain = chain;
        this.store = store;
        this.clock = clock;
        this.host = host;
    }

    /** Cancels; a msgid seen before gets its first answer and refunds nothing more. */
    Settlement cancel(CancelRequest request, String msgid, Opter opter, String memo) {
        Optional<JournalTxn> seen = journal.queries().findByMsgid(msgid);
        if (seen.isPresent()) {
            if (seen.get().kind() != TxnKind.CANCEL) {
                throw new CounterRefusedException(CounterRefusal.SETTLEMENT_NOT_FOUND);
            }
            return PharmacyFlow.replay(seen.get());
        }
        JournalTxn original = original(request);
        Settlement paid = ReplyCodec.read(original.reply().orElseThrow());
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        if (!paid.setlinfo().setlTime().toLocalDate().equals(now.toLocalDate())) {
            throw new CounterRefusedException(CounterRefusal.NOT_SAME_DAY);
        }
        requireNotCancelled(request.setlId());
        long seq = journal.records().seqOf(original.id()).orElseThrow();
        if (seq > journal.uploads().ackedSeq()) {
            throw new CounterRefusedException(CounterRefusal.NOT_UPLOADED_YET);
        }
        store.cancelling(request.setlId(), msgid);
        JournalTxn refunded = cards.withCard(session -> refund(session, original, paid, msgid, now,
                opter, memo));
        chain.commit(refunded);
        Crashpoints.hit("committed");
        LOG.info("settlement {} cancelled by {}: {} fen refunded to card {}", request.setlId(), msgid,
                refunded.accountPay().fen(), refunded.cardNoMasked());
        return ReplyCodec.read(refunded.reply().orElseThrow());
    }

    private JournalTxn refund(CardSession session, JournalTxn original, Settlement paid, String msgid,
            LocalDateTime now, Opter opter, String memo) {
        CardInfo card = session.readCard();
        if (!HEX.formatHex(card.identity().appSerial()).equals(original.cardSerial())) {
            throw new CounterRefusedException(CounterRefusal.CARD_MISMATCH);
        }
        Money amount = original.accountPay();
        String setlId = paid.setlinfo().setlId();
        Settlement reply = paid.reversed(now, card.purse().balance().plus(amount)).by(opter, memo);
        ObjectNode request = Json.object().put("kind", "CANCEL").put("setl_id", setlId)
                .put("omsgid", original.msgid()).put("psn_no", paid.setlinfo().psnNo());
        // the record's settlement (RecordKind CANCEL): the negated amounts and the refund; the host
        // counted the cancellation when it authorised the load, so the record moves no money there
        SetlInfoView neg = new SetlInfoView(reply);
        ObjectNode setlinfo = Json.object().put("setl_id", setlId).put("medfee_sumamt", neg.medfee())
                .put("fund_pay_sumamt", neg.fund()).put("acct_pay", neg.acct()).put("psn_cash_pay", neg.cash());
        ObjectNode result = Json.object().put("omsgid", original.msgid()).put("refund", amount.toYuanString());
        result.set("setlinfo", setlinfo);
        long id = journal.transactions().begin(msgid, TxnKind.CANCEL, CardNumbers.mask(card.identity().cardNumber()),
                original.cardSerial(), CanonicalJson.text(request));
        journal.transactions().preSettled(id, CanonicalJson.text(result), amount, ReplyCodec.write(reply));
        ObjectNode input = Json.object().put("setl_id", setlId).put("omsgid", original.msgid())
                .put("psn_no", paid.setlinfo().psnNo());
        if (amount.isZero()) {
            ask(id, input);
            return journal.queries().find(id).orElseThrow();
        }
        RefundLoad load = new RefundLoad(session.initLoad(amount), now);
        journal.transactions().debitSent(id, load.load().init().onlineSeq(), load.toJson().toString());
        Crashpoints.hit("load-sent");
        input.set("load", load.toJson());
        Response answer = ask(id, input);
        byte[] mac2 = HEX.parseHex(answer.output().path(RefundLoad.MAC2_FIELD).asText(""));
        byte[] tac = session.credit(load.load(), load.time(), mac2);
        Crashpoints.hit("card-credited");
        journal.transactions().debited(id, HEX.formatHex(tac));
        return journal.queries().find(id).orElseThrow();
    }

    /** The amounts of a cancellation's answer as the record writes them (yuan). */
    private record SetlInfoView(String medfee, String fund, String acct, String cash) {
        SetlInfoView(Settlement s) {
            this(s.setlinfo().medfeeSumamt().toYuanString(), s.setlinfo().fundPaySumamt().toYuanString(),
                    s.setlinfo().acctPay().toYuanString(), s.setlinfo().psnCashPay().toYuanString());
        }
    }

    /** Asks the host; voids the transaction (the card untouched) if it is unreachable or refuses. */
    private Response ask(long id, ObjectNode input) {
        Response answer;
        try {
            answer = host.call(Infno.CANCEL, input);
        } catch (HostUnavailableException e) {
            journal.transactions().voided(id, "host unreachable: " + e.getMessage());
            throw new CounterRefusedException(CounterRefusal.HOST_UNAVAILABLE_FOR_CANCEL);
        }
        if (!answer.ok() && !input.has("load") && "ALREADY_CANCELLED".equals(answer.code())) {
            // nothing to refund, and the host holds this terminal's cancellation from an attempt
            // that crashed before it was committed here: the cancellation stands
            return answer;
        }
        if (!answer.ok() || (input.has("load") && answer.output().path(RefundLoad.MAC2_FIELD).asText("").length() != 8)) {
            journal.transactions().voided(id, "host refused: " + answer.code());
            throw new CounterRefusedException(switch (answer.code()) {
                case "ALREADY_CANCELLED" -> CounterRefusal.ALREADY_CANCELLED;
                case "SETTLEMENT_NOT_FOUND" -> CounterRefusal.SETTLEMENT_NOT_FOUND;
                default -> CounterRefusal.REFUND_REFUSED;
            });
        }
        return answer;
    }

    /** @return the committed settlement {@code setl_id} names, of the request's person */
    private JournalTxn original(CancelRequest request) {
        String prefix = "S" + chain.terminalId();
        String setlId = request.setlId();
        if (!setlId.startsWith(prefix) || setlId.length() != prefix.length() + 8
                || !setlId.substring(prefix.length()).chars().allMatch(Character::isDigit)) {
            throw new CounterRefusedException(CounterRefusal.SETTLEMENT_NOT_FOUND);
        }
        JournalTxn txn = journal.queries().find(Long.parseLong(setlId.substring(prefix.length())))
                .filter(t -> t.state() == TxnState.COMMITTED)
                .filter(t -> t.kind() == TxnKind.SALE || t.kind() == TxnKind.DISCHARGE)
                .orElseThrow(() -> new CounterRefusedException(CounterRefusal.SETTLEMENT_NOT_FOUND));
        Settlement paid = ReplyCodec.read(txn.reply().orElseThrow());
        if (!paid.setlinfo().psnNo().equals(request.psnNo())
                || (request.mdtrtId() != null && !request.mdtrtId().equals(paid.setlinfo().mdtrtId()))) {
            throw new CounterRefusedException(CounterRefusal.SETTLEMENT_NOT_FOUND);
        }
        return txn;
    }

    private void requireNotCancelled(String setlId) {
        for (String msgid : store.cancellations(setlId)) {
            Optional<JournalTxn> txn = journal.queries().findByMsgid(msgid);
            if (txn.isPresent() && txn.get().state() == TxnState.COMMITTED) {
                throw new CounterRefusedException(CounterRefusal.ALREADY_CANCELLED);
            }
            if (txn.isPresent() && !txn.get().state().isFinal()) {
                throw new CounterRefusedException(CounterRefusal.SETTLEMENT_IN_DOUBT);
            }
        }
    }

    /** @return whether the settlement {@code setlId} has a committed cancellation */
    boolean cancelled(String setlId) {
        return store.cancellations(setlId).stream().map(journal.queries()::findByMsgid).flatMap(Optional::stream)
                .anyMatch(t -> t.state() == TxnState.COMMITTED);
    }

    /**
     * Recovery of a cancellation whose refund load was pending: the card proves the credit (→
     * committed with its TAC) or its absence (→ voided: the cashier cancels again and the host,
     * which holds the cancellation, authorises a new load at the same online counter).
     *
     * @return true if committed, false if voided, null if the card could not tell
     */
    static Boolean recover(CardAccess cards, Journal journal, RecordChain chain, JournalTxn txn) {
        PendingLoad load = RefundLoad.fromJson(Json.parse(txn.pendingDebit().orElseThrow())).load();
        LoadRecovery result;
        try {
            result = cards.withCard(session -> session.recoverLoad(load));
        } catch (CounterRefusedException | CardException e) {
            LOG.warn("cancellation {} stays in doubt: {}", txn.msgid(), e.getMessage());
            return null;
        }
        if (result.credited()) {
            journal.transactions().debited(txn.id(), HEX.formatHex(result.tac()));
            chain.commit(journal.queries().find(txn.id()).orElseThrow());
            return true;
        }
        journal.transactions().voided(txn.id(), "the card proves the refund load did not happen");
        return false;
    }
}
