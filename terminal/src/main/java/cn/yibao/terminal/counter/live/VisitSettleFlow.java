package cn.yibao.terminal.counter.live;

import cn.yibao.card.Money;
import cn.yibao.card.app.Accumulators;
import cn.yibao.card.app.CardState;
import cn.yibao.card.app.SettlementRecord;
import cn.yibao.card.session.CardInfo;
import cn.yibao.card.session.CardSession;
import cn.yibao.terminal.counter.CounterRefusal;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.Opter;
import cn.yibao.terminal.counter.Pin;
import cn.yibao.terminal.counter.Settlement;
import cn.yibao.terminal.counter.VisitSettle;
import cn.yibao.terminal.journal.Journal;
import cn.yibao.terminal.journal.JournalTxn;
import cn.yibao.terminal.journal.TxnKind;
import cn.yibao.terminal.journal.VisitStore.StoredVisit;
import cn.yibao.terminal.policy.InstitutionLevel;
import cn.yibao.terminal.policy.PolicyPack;
import cn.yibao.terminal.settlement.RequestJson;
import cn.yibao.terminal.settlement.ResultJson;
import cn.yibao.terminal.settlement.SettlementEngine;
import cn.yibao.terminal.settlement.SettlementRequest;
import cn.yibao.terminal.settlement.SettlementResult;
import cn.yibao.terminal.settlement.VisitType;
import cn.yibao.terminal.settlement.YearToDate;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pre-settlement (2206/2303) and settlement (2207 outpatient, 2304 inpatient discharge) of a visit's
 * uploaded fee lines. The settlement always writes the card, so it always needs the PIN: the card's
 * year-to-date accumulators (read with the PIN) drive the split and are updated by the settlement
 * record, and a discharge settlement also sets the card back to NORMAL. A pre-settlement reads the
 * card without the PIN and uses the accumulators last read with it (at admission; zero for an
 * outpatient visit): the settlement recomputes with the card's own and refuses SPLIT_CHANGED if
 * the agreed account payment differs.
 */
final class VisitSettleFlow {

    private static final Logger LOG = LoggerFactory.getLogger(VisitSettleFlow.class);

    private final CardAccess cards;
    private final PolicyPack pack;
    private final Visits visits;
    private final OfflineGate offline;
    private final Journal journal;
    private final RecordChain chain;
    private final JournalledCardWrite write;
    private final Clock clock;
    private final InstitutionLevel level;
    private final PinSource pins;

    /** @param level the level this terminal's institution settles visits as (terminal configuration) */
    VisitSettleFlow(CardAccess cards, PolicyPack pack, Visits visits, Journal journal, RecordChain chain, Clock clock,
            OfflineGate offline, InstitutionLevel level, PinSource pins) {
        this.pins = pins;
        this.level = hospitalLevel(level);
        this.offline = offline;
        this.cards = cards;
        this.pack = pack;
        this.visits = visits;
        this.journal = journal;
        this.chain = chain;
        this.write = new JournalledCardWrite(journal);
        this.clock = clock;
    }

    /**
     * @return {@code level}, a level a visit can be settled at
     * @throws IllegalArgumentException for none or PHARMACY
     */
    static InstitutionLevel hospitalLevel(InstitutionLevel level) {
        if (level == null || level == InstitutionLevel.PHARMACY) {
            throw new IllegalArgumentException("a visit is settled at a hospital level, not " + level);
        }
        return level;
    }

    /**
     * 2206/2303: the split of the visit's lines for the card on the reader (also during a stay,
     * before the discharge); nothing is written.
     */
    Settlement preSettle(VisitSettle request) {
        StoredVisit v = visits.open(request.mdtrtId(), request.psnNo());
        List<SaleMapping.Line> lines = visits.lines(v);
        return cards.withCard(session -> {
            CardInfo card = session.readCard();
            check(card, v, request.psnNo());
            LocalDateTime time = LocalDateTime.now(clock).withNano(0);
            Computed c = compute(card, Visits.ytd(v.ytd()), v, request, lines, time);
            return SaleMapping.settlement(c.result(), lines, pack, header(card, v, null, time));
        });
    }

    /** 2207/2304: settles; a msgid seen before gets its first answer and writes nothing more. */
    Settlement settle(VisitSettle request, Pin pin, String msgid, Opter opter) {
        Optional<JournalTxn> seen = journal.queries().findByMsgid(msgid);
        if (seen.isPresent()) {
            return PharmacyFlow.replay(seen.get());
        }
        StoredVisit v = settleable(request);
        List<SaleMapping.Line> lines = visits.lines(v);
        Pin typed = pins.resolve(pin, preAccount(request));
        JournalTxn debited = cards.withCard(session -> debit(session, v, request, typed, msgid, lines, opter));
        chain.commit(debited);
        Crashpoints.hit("committed");
        LOG.info("visit {} settled by {}: account {} fen, card {}", v.mdtrtId(), msgid, debited.accountPay().fen(),
                debited.cardNoMasked());
        return ReplyCodec.read(debited.reply().orElseThrow());
    }

    private JournalTxn debit(CardSession session, StoredVisit v, VisitSettle request, Pin pin, String msgid,
            List<SaleMapping.Line> lines, Opter opter) {
        CardInfo card = session.readCard(new String(pin.digits()));
        Crashpoints.hit("card-read");
        check(card, v, request.psnNo());
        LocalDateTime time = LocalDateTime.now(clock).withNano(0);
        Computed c = compute(card, card.accumulators(), v, request, lines, time);
        Money account = c.result().setlinfo().acctPay();
        if (request.acctPay() != null && !request.acctPay().equals(account)) {
            throw new CounterRefusedException(CounterRefusal.SPLIT_CHANGED);
        }
        offline.admit(c.result().setlinfo().fundPaySumamt().plus(account));
        visits.store().settling(v.mdtrtId(), msgid);
        String result = new String(ResultJson.canonical(c.result()), StandardCharsets.UTF_8);
        return write.run(session, new JournalledCardWrite.Plan(msgid, v.inpatient() ? TxnKind.DISCHARGE : TxnKind.SALE, card,
                new String(RequestJson.canonical(c.request()), StandardCharsets.UTF_8), result, account,
                id -> ReplyCodec.write(SaleMapping.settlement(c.result(), lines, pack,
                        header(card, v, PharmacyFlow.setlId(chain.terminalId(), id), time)).by(opter, null)),
                cardRecord(c, v), time));
    }

    /** @return what the pad shows while asking for the PIN: the agreed account payment, if sent */
    private static Money preAccount(VisitSettle request) {
        return request.acctPay() != null ? request.acctPay() : Money.ZERO;
    }

    /** @return the visit to settle: open (outpatient) or discharged (inpatient, final settlement only) */
    private StoredVisit settleable(VisitSettle request) {
        StoredVisit v = visits.open(request.mdtrtId(), request.psnNo());
        if (v.inpatient()) {
            if ("1".equals(request.midSetlFlag())) {
                throw new CounterRefusedException(CounterRefusal.FEATURE_UNAVAILABLE);
            }
            if (!Visits.DISCHARGED.equals(visits.state(v))) {
                throw new CounterRefusedException(CounterRefusal.DISCHARGE_REQUIRED);
            }
        }
        return v;
    }

    private void check(CardInfo card, StoredVisit v, String psnNo) {
        Visits.requireSamePerson(card, psnNo);
        if (!v.inpatient()) {
            visits.rules().outpatientCard(card);
            return;
        }
        visits.rules().listed(card);
        switch (card.insurance().cardState()) {
            case LOST -> throw new CounterRefusedException(CounterRefusal.CARD_LOST);
            case BLACKLISTED -> throw new CounterRefusedException(CounterRefusal.CARD_BLACKLISTED);
            case NORMAL -> throw new CounterRefusedException(CounterRefusal.VISIT_NOT_FOUND);
            case IN_HOSPITAL -> {
                // the stay this visit opened
            }
        }
    }

    private Computed compute(CardInfo card, Optional<Accumulators> acc, StoredVisit v, VisitSettle request,
            List<SaleMapping.Line> lines, LocalDateTime time) {
        YearToDate before = acc.map(a -> a.asOf(time.getYear()))
                .map(a -> new YearToDate(a.ytdBase(), a.ytdOver(), a.ytdOutpatient())).orElse(YearToDate.ZERO);
        VisitType type = v.inpatient() ? VisitType.INPATIENT : VisitType.OUTPATIENT;
        SettlementRequest req = new SettlementRequest(PersonMapping.person(card),
                new cn.yibao.terminal.settlement.VisitTerms(type, level, false), before, request.accountUsed(),
                SaleMapping.items(lines));
        return new Computed(req, SettlementEngine.settle(req, pack), time);
    }

    private static SettlementRecord cardRecord(Computed c, StoredVisit v) {
        cn.yibao.terminal.settlement.SetlAmounts s = c.result().setlinfo();
        YearToDate before = c.request().yearToDate();
        YearToDate after = c.result().yearToDateAfter();
        return new SettlementRecord(s.psnCashPay(), s.fundPaySumamt(), c.time().getYear(),
                delta(after.base(), before.base()), delta(after.overLimit(), before.overLimit()),
                delta(after.outpatient(), before.outpatient()),
                v.inpatient() ? Optional.of(CardState.NORMAL) : Optional.empty());
    }

    private static Money delta(Money after, Money before) {
        Money d = after.minus(before);
        if (d.isNegative()) {
            throw new IllegalStateException("a year-to-date position went down: " + before + " -> " + after);
        }
        return d;
    }

    private static SaleMapping.Header header(CardInfo card, StoredVisit v, String setlId, LocalDateTime time) {
        return new SaleMapping.Header(setlId, v.mdtrtId(), PersonMapping.psnNo(card), card.holder().name(),
                PersonMapping.insutype(card.insurance()), PersonMapping.psnType(card.insurance()), v.medType(), time);
    }

    private record Computed(SettlementRequest request, SettlementResult result, LocalDateTime time) {
    }
}
