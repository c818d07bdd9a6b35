package cn.yibao.terminal.counter.live;

import cn.yibao.card.Money;
import cn.yibao.card.app.Accumulators;
import cn.yibao.card.app.CardState;
import cn.yibao.card.app.SettlementRecord;
import cn.yibao.card.session.CardInfo;
import cn.yibao.card.session.CardSession;
import cn.yibao.hostlink.msg.CanonicalJson;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.terminal.counter.AdmissionRequest;
import cn.yibao.terminal.counter.CounterRefusal;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.Pin;
import cn.yibao.terminal.counter.StayCancel;
import cn.yibao.terminal.counter.Visit;
import cn.yibao.terminal.journal.Journal;
import cn.yibao.terminal.journal.JournalTxn;
import cn.yibao.terminal.journal.TxnKind;
import cn.yibao.terminal.journal.TxnState;
import cn.yibao.terminal.journal.VisitStore.StoredVisit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 2401 admission: the card is marked "in hospital" by a settlement record of amount 0 written by
 * DEBIT (the only way the card's state changes; it needs the PIN), journalled and signed like a
 * settlement, so a tear or a crash is recovered with the card's proof. The stay is opened in the
 * visit table first; it counts only once its admission transaction has committed.
 */
final class AdmissionFlow {

    private static final Logger LOG = LoggerFactory.getLogger(AdmissionFlow.class);
    /** How far an admission time may be ahead of the terminal's clock (the HIS's clock may run ahead). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private final CardAccess cards;
    private final Visits visits;
    private final Journal journal;
    private final RecordChain chain;
    private final JournalledCardWrite write;
    private final Clock clock;

    AdmissionFlow(CardAccess cards, Visits visits, Journal journal, RecordChain chain, Clock clock) {
        this.cards = cards;
        this.visits = visits;
        this.journal = journal;
        this.chain = chain;
        this.write = new JournalledCardWrite(journal);
        this.clock = clock;
    }

    /** 2401: admits; a msgid seen before gets its first answer and writes nothing more. */
    Visit admit(AdmissionRequest request, Pin pin, String msgid) {
        Optional<JournalTxn> seen = journal.queries().findByMsgid(msgid);
        if (seen.isPresent()) {
            return replay(seen.get());
        }
        if (request.begntime() != null && request.begntime().isAfter(LocalDateTime.now(clock).plus(CLOCK_SKEW))) {
            throw new IllegalArgumentException("begntime: later than the terminal's time by more than "
                    + CLOCK_SKEW.toMinutes() + " minutes");
        }
        if (pin == null) {
            throw new CounterRefusedException(CounterRefusal.PIN_REQUIRED);
        }
        JournalTxn written = cards.withCard(session -> write(session, request, pin, msgid));
        chain.commit(written);
        Crashpoints.hit("committed");
        LOG.info("admission {} committed: card {} in hospital", msgid, written.cardNoMasked());
        return visits.view(visits.store().findByAdmission(msgid).orElseThrow());
    }

    private JournalTxn write(CardSession session, AdmissionRequest request, Pin pin, String msgid) {
        CardInfo card = session.readCard(new String(pin.digits()));
        Crashpoints.hit("card-read");
        visits.rules().listed(card);
        switch (card.insurance().cardState()) {
            case LOST -> throw new CounterRefusedException(CounterRefusal.CARD_LOST);
            case BLACKLISTED -> throw new CounterRefusedException(CounterRefusal.CARD_BLACKLISTED);
            case IN_HOSPITAL -> throw new CounterRefusedException(CounterRefusal.ALREADY_IN_HOSPITAL);
            case NORMAL -> {
                // may be admitted
            }
        }
        Visits.requireSamePerson(card, request.psnNo());
        LocalDateTime time = LocalDateTime.now(clock).withNano(0);
        LocalDateTime begin = request.begntime() != null ? request.begntime().withNano(0) : time;
        String medType = request.medType() != null ? request.medType() : Visits.MED_TYPE_INPATIENT;
        Accumulators acc = card.accumulators().orElseThrow().asOf(time.getYear());
        // a row left by an attempt that crashed before its journal transaction started is reused
        StoredVisit v = visits.store().findByAdmission(msgid).orElseGet(() -> visits.store().open(request.psnNo(),
                request.iptOtpNo(), medType, true, begin, msgid, Visits.ytd(acc)));
        ObjectNode req = Json.object().put("kind", "ADMIT").put("mdtrt_id", v.mdtrtId())
                .put("psn_no", v.psnNo()).put("med_type", medType).put("begntime", begin.toString())
                .put("ipt_otp_no", v.iptOtpNo());
        String result = result(v.mdtrtId(), CardState.IN_HOSPITAL);
        return write.run(session, new JournalledCardWrite.Plan(msgid, TxnKind.ADMIT, card, req.toString(), result, Money.ZERO,
                id -> result, new SettlementRecord(Money.ZERO, Money.ZERO, time.getYear(), Money.ZERO, Money.ZERO,
                        Money.ZERO, Optional.of(CardState.IN_HOSPITAL)), time));
    }

    /**
     * 2404: cancels the admission of a stay not settled yet. The card goes back to normal by a
     * settlement record of amount 0 (with the PIN, as at admission), journalled and signed as an
     * admission record whose new card state is NORMAL; the stay's settling msgid is this one, so it
     * reads CANCELLED once committed. A msgid seen before gets its first answer.
     */
    Visit cancel(StayCancel request, Pin pin, String msgid) {
        Optional<JournalTxn> seen = journal.queries().findByMsgid(msgid);
        if (seen.isPresent()) {
            return replay(seen.get());
        }
        StoredVisit v = visits.open(request.mdtrtId(), request.psnNo());
        if (!v.inpatient()) {
            throw new CounterRefusedException(CounterRefusal.VISIT_NOT_FOUND);
        }
        if (pin == null) {
            throw new CounterRefusedException(CounterRefusal.PIN_REQUIRED);
        }
        JournalTxn written = cards.withCard(session -> cancelWrite(session, v, request, pin, msgid));
        chain.commit(written);
        Crashpoints.hit("committed");
        LOG.info("admission of {} cancelled by {}: card {} normal", v.mdtrtId(), msgid, written.cardNoMasked());
        return visits.view(visits.store().find(v.mdtrtId()).orElseThrow());
    }

    private JournalTxn cancelWrite(CardSession session, StoredVisit v, StayCancel request, Pin pin, String msgid) {
        CardInfo card = session.readCard(new String(pin.digits()));
        Crashpoints.hit("card-read");
        Visits.requireSamePerson(card, request.psnNo());
        visits.rules().listed(card);
        if (card.insurance().cardState() != CardState.IN_HOSPITAL) {
            throw new CounterRefusedException(CounterRefusal.VISIT_NOT_FOUND);
        }
        LocalDateTime time = LocalDateTime.now(clock).withNano(0);
        visits.store().settling(v.mdtrtId(), msgid);
        ObjectNode req = Json.object().put("kind", "CANCEL_ADMIT").put("mdtrt_id", v.mdtrtId())
                .put("psn_no", v.psnNo()).put("med_type", v.medType()).put("begntime", v.begntime().toString())
                .put("ipt_otp_no", v.iptOtpNo());
        String result = result(v.mdtrtId(), CardState.NORMAL);
        return write.run(session, new JournalledCardWrite.Plan(msgid, TxnKind.ADMIT, card, req.toString(), result, Money.ZERO,
                id -> result, new SettlementRecord(Money.ZERO, Money.ZERO, time.getYear(), Money.ZERO, Money.ZERO,
                        Money.ZERO, Optional.of(CardState.NORMAL)), time));
    }

    /**
     * @return the signed result's {@code settlement} of an admission (RecordKind ADMIT): zero
     *     amounts and the card's new state
     */
    static String result(String mdtrtId, CardState newState) {
        ObjectNode setlinfo = Json.object().put("mdtrt_id", mdtrtId);
        for (String f : new String[] {"acct_pay", "fund_pay_sumamt", "medfee_sumamt", "psn_cash_pay"}) {
            setlinfo.put(f, "0.00");
        }
        ObjectNode n = Json.object().put("new_card_state", newState.name());
        n.set("setlinfo", setlinfo);
        return CanonicalJson.text(n);
    }

    private Visit replay(JournalTxn txn) {
        if (txn.kind() != TxnKind.ADMIT) {
            throw new CounterRefusedException(CounterRefusal.SETTLEMENT_NOT_FOUND);
        }
        if (txn.state() == TxnState.VOIDED) {
            throw new CounterRefusedException(CounterRefusal.VISIT_NOT_FOUND);
        }
        if (txn.state() != TxnState.COMMITTED) {
            throw new CounterRefusedException(CounterRefusal.SETTLEMENT_IN_DOUBT);
        }
        StoredVisit v = visits.store().findByAdmission(txn.msgid())
                .or(() -> visits.store().findBySettlement(txn.msgid())).orElseThrow();
        return visits.view(v);
    }
}
