package cn.yibao.terminal.counter.live;

import cn.yibao.card.Money;
import cn.yibao.card.app.SettlementRecord;
import cn.yibao.card.session.CardInfo;
import cn.yibao.card.session.CardSession;
import cn.yibao.terminal.counter.CounterRefusal;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.Opter;
import cn.yibao.terminal.counter.PharmacySale;
import cn.yibao.terminal.counter.Pin;
import cn.yibao.terminal.counter.Settlement;
import cn.yibao.terminal.journal.Journal;
import cn.yibao.terminal.journal.JournalTxn;
import cn.yibao.terminal.journal.TxnKind;
import cn.yibao.terminal.journal.TxnState;
import cn.yibao.terminal.policy.InstitutionLevel;
import cn.yibao.terminal.policy.PolicyPack;
import cn.yibao.terminal.settlement.RequestJson;
import cn.yibao.terminal.settlement.ResultJson;
import cn.yibao.terminal.settlement.SettlementEngine;
import cn.yibao.terminal.settlement.SettlementRequest;
import cn.yibao.terminal.settlement.SettlementResult;
import cn.yibao.terminal.settlement.VisitTerms;
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
 * A pharmacy sale (2101 pre-settle, 2102 settle) from the card to the signed journal record. Every
 * check, the PIN and the split come before the journal's first write, so a refused sale leaves
 * card and journal as they were. From then on each step is durable before the next: PRE_SETTLED,
 * DEBIT_SENT (before the card's DEBIT), DEBITED, COMMITTED with the signed record.
 */
final class PharmacyFlow {

    private static final Logger LOG = LoggerFactory.getLogger(PharmacyFlow.class);
    static final String MED_TYPE_PHARMACY = "41";

    private final CardAccess cards;
    private final PolicyPack pack;
    private final BundledCatalog catalog;
    private final Journal journal;
    private final RecordChain chain;
    private final Clock clock;
    private final CounterRules rules;
    private final JournalledCardWrite write;
    private final OfflineGate offline;
    private final PinSource pins;

    PharmacyFlow(CardAccess cards, PolicyPack pack, BundledCatalog catalog, Journal journal, RecordChain chain,
            Clock clock, CounterRules rules, OfflineGate offline, PinSource pins) {
        this.pins = pins;
        this.cards = cards;
        this.pack = pack;
        this.catalog = catalog;
        this.journal = journal;
        this.chain = chain;
        this.clock = clock;
        this.rules = rules;
        this.write = new JournalledCardWrite(journal);
        this.offline = offline;
    }

    /** 2101: the split for the card on the reader; nothing is written anywhere. */
    Settlement preSettle(PharmacySale sale) {
        List<SaleMapping.Line> lines = rules.insuredLines(SaleMapping.resolve(sale.drugdetail(), catalog));
        return cards.withCard(session -> {
            CardInfo card = session.readCard();
            Computed c = compute(card, sale, lines);
            return SaleMapping.settlement(c.result(), lines, pack, header(card, null, c.time()));
        });
    }

    /** 2102: settles; a msgid seen before gets its first answer and debits nothing more. */
    Settlement settle(PharmacySale sale, Pin pin, String msgid, Opter opter) {
        Optional<JournalTxn> seen = journal.queries().findByMsgid(msgid);
        if (seen.isPresent()) {
            return replay(seen.get());
        }
        List<SaleMapping.Line> lines = rules.insuredLines(SaleMapping.resolve(sale.drugdetail(), catalog));
        if (lines.isEmpty()) {
            return preSettle(sale); // nothing insured (the pack allows it): answered, never journaled
        }
        JournalTxn debited = cards.withCard(session -> debit(session, sale, pin, msgid, lines, opter));
        chain.commit(debited);
        Crashpoints.hit("committed");
        LOG.info("sale {} committed: account {} fen, card {}", msgid, debited.accountPay().fen(), debited.cardNoMasked());
        return ReplyCodec.read(debited.reply().orElseThrow());
    }

    private JournalTxn debit(CardSession session, PharmacySale sale, Pin pin, String msgid,
            List<SaleMapping.Line> lines, Opter opter) {
        CardInfo card = session.readCard();
        Crashpoints.hit("card-read");
        Computed c = compute(card, sale, lines);
        Crashpoints.hit("split-computed");
        Money account = c.result().setlinfo().acctPay();
        Money agreed = sale.druginfo().acctPay();
        if (agreed != null && !agreed.equals(account)) {
            throw new CounterRefusedException(CounterRefusal.SPLIT_CHANGED);
        }
        offline.admit(c.result().setlinfo().fundPaySumamt().plus(account));
        if (!account.isZero()) {
            Pin typed = pins.resolve(pin, account);
            session.verifyPin(new String(typed.digits()));
            Crashpoints.hit("pin-verified");
        }
        JournalledCardWrite.Plan plan = new JournalledCardWrite.Plan(msgid, TxnKind.SALE, card,
                new String(RequestJson.canonical(c.request()), StandardCharsets.UTF_8),
                new String(ResultJson.canonical(c.result()), StandardCharsets.UTF_8), account,
                id -> ReplyCodec.write(SaleMapping.settlement(c.result(), lines, pack,
                        header(card, setlId(chain.terminalId(), id), c.time())).by(opter, null)),
                cardRecord(c), c.time());
        long id = write.start(plan);
        if (account.isZero()) {
            // nothing to debit: the card is not written (its purchase commands need the PIN)
            return journal.queries().find(id).orElseThrow();
        }
        return write.card(session, id, plan);
    }

    /** @return the settlement id of journal transaction {@code id}: S, terminal id, 8 digits */
    static String setlId(String terminalId, long id) {
        return "S" + terminalId + String.format("%08d", id);
    }

    private Computed compute(CardInfo card, PharmacySale sale, List<SaleMapping.Line> lines) {
        rules.pharmacyCard(card);
        String psnNo = sale.druginfo().psnNo();
        if (psnNo != null && !psnNo.equals(PersonMapping.psnNo(card))) {
            throw new CounterRefusedException(CounterRefusal.CARD_MISMATCH);
        }
        SettlementRequest request = new SettlementRequest(PersonMapping.person(card),
                new VisitTerms(VisitType.PHARMACY, InstitutionLevel.PHARMACY, false), YearToDate.ZERO,
                sale.druginfo().accountUsed(), SaleMapping.items(lines));
        SettlementResult result = lines.isEmpty() ? SaleMapping.nothingInsured(request, pack)
                : SettlementEngine.settle(request, pack);
        return new Computed(request, result, LocalDateTime.now(clock).withNano(0));
    }

    private SettlementRecord cardRecord(Computed c) {
        cn.yibao.terminal.settlement.SetlAmounts s = c.result().setlinfo();
        return new SettlementRecord(s.psnCashPay(), s.fundPaySumamt(), c.time().getYear(),
                Money.ZERO, Money.ZERO, Money.ZERO, Optional.empty());
    }

    private SaleMapping.Header header(CardInfo card, String setlId, LocalDateTime time) {
        return new SaleMapping.Header(setlId, setlId, PersonMapping.psnNo(card), card.holder().name(),
                PersonMapping.insutype(card.insurance()), PersonMapping.psnType(card.insurance()),
                MED_TYPE_PHARMACY, time);
    }

    /** @return the first answer of a settling transaction seen again (same msgid) */
    static Settlement replay(JournalTxn txn) {
        if (txn.state() == TxnState.COMMITTED) {
            return ReplyCodec.read(txn.reply().orElseThrow());
        }
        if (txn.state() == TxnState.VOIDED) {
            throw new CounterRefusedException(CounterRefusal.SETTLEMENT_NOT_FOUND);
        }
        throw new CounterRefusedException(CounterRefusal.SETTLEMENT_IN_DOUBT);
    }

    private record Computed(SettlementRequest request, SettlementResult result, LocalDateTime time) {
    }
}
