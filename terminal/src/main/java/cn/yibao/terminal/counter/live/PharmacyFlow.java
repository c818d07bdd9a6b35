package cn.yibao.terminal.counter.live;

import cn.yibao.card.CardNumbers;
import cn.yibao.card.Money;
import cn.yibao.card.app.SettlementRecord;
import cn.yibao.card.session.CardInfo;
import cn.yibao.card.session.CardSession;
import cn.yibao.card.session.SettleRequest;
import cn.yibao.card.session.SettleResult;
import cn.yibao.terminal.counter.CounterRefusal;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.PharmacySale;
import cn.yibao.terminal.counter.Pin;
import cn.yibao.terminal.counter.Settlement;
import cn.yibao.terminal.journal.Journal;
import cn.yibao.terminal.journal.JournalTxn;
import cn.yibao.terminal.journal.TxnKind;
import cn.yibao.terminal.journal.TxnState;
import cn.yibao.terminal.policy.PolicyPack;
import cn.yibao.terminal.settlement.InstitutionLevel;
import cn.yibao.terminal.settlement.RequestJson;
import cn.yibao.terminal.settlement.ResultJson;
import cn.yibao.terminal.settlement.SettlementEngine;
import cn.yibao.terminal.settlement.SettlementRequest;
import cn.yibao.terminal.settlement.SettlementResult;
import cn.yibao.terminal.settlement.Visit;
import cn.yibao.terminal.settlement.VisitType;
import cn.yibao.terminal.settlement.YearToDate;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
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
    private final OfflineGate offline;

    PharmacyFlow(CardAccess cards, PolicyPack pack, BundledCatalog catalog, Journal journal, RecordChain chain,
            Clock clock) {
        this.cards = cards;
        this.pack = pack;
        this.catalog = catalog;
        this.journal = journal;
        this.chain = chain;
        this.clock = clock;
        this.offline = new OfflineGate(journal, pack.counter().offline(), clock);
    }

    /** 2101: the split for the card on the reader; nothing is written anywhere. */
    Settlement preSettle(PharmacySale sale) {
        List<SaleMapping.Line> lines = SaleMapping.resolve(sale.drugdetail(), catalog);
        return cards.withCard(session -> {
            CardInfo card = session.readCard();
            Computed c = compute(card, sale, lines);
            return SaleMapping.settlement(c.result(), lines, pack, header(card, null, c.time()));
        });
    }

    /** 2102: settles; a msgid seen before gets its first answer and debits nothing more. */
    Settlement settle(PharmacySale sale, Pin pin, String msgid) {
        Optional<JournalTxn> seen = journal.findByMsgid(msgid);
        if (seen.isPresent()) {
            return replay(seen.get());
        }
        List<SaleMapping.Line> lines = SaleMapping.resolve(sale.drugdetail(), catalog);
        JournalTxn debited = cards.withCard(session -> debit(session, sale, pin, msgid, lines));
        chain.commit(debited);
        Crashpoints.hit("committed");
        LOG.info("sale {} committed: account {} fen, card {}", msgid, debited.accountPay().fen(), debited.cardNoMasked());
        return ReplyCodec.read(debited.reply().orElseThrow());
    }

    private JournalTxn debit(CardSession session, PharmacySale sale, Pin pin, String msgid,
            List<SaleMapping.Line> lines) {
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
            if (pin == null) {
                throw new CounterRefusedException(CounterRefusal.PIN_REQUIRED);
            }
            session.verifyPin(new String(pin.digits()));
            Crashpoints.hit("pin-verified");
        }
        long id = journal.begin(msgid, TxnKind.SALE, CardNumbers.mask(card.identity().cardNumber()),
                HexFormat.of().withUpperCase().formatHex(card.identity().appSerial()),
                new String(RequestJson.canonical(c.request()), StandardCharsets.UTF_8));
        Crashpoints.hit("journal-started");
        String setlId = setlId(chain.terminalId(), id);
        Settlement reply = SaleMapping.settlement(c.result(), lines, pack, header(card, setlId, c.time()));
        journal.preSettled(id, new String(ResultJson.canonical(c.result()), StandardCharsets.UTF_8), account,
                ReplyCodec.write(reply));
        Crashpoints.hit("pre-settled");
        if (account.isZero()) {
            // nothing to debit: the card is not written (its purchase commands need the PIN)
            return journal.find(id).orElseThrow();
        }
        SettlementRecord onCard = cardRecord(c);
        SettleResult done = session.settle(new SettleRequest(account, onCard, c.time()),
                pending -> {
                    Crashpoints.hit("before-debit-sent");
                    journal.debitSent(id, pending.offlineSeq(), PendingDebits.toJson(pending));
                    Crashpoints.hit("debit-sent");
                });
        Crashpoints.hit("card-debited");
        journal.debited(id, done.proof().tacHex());
        Crashpoints.hit("debited");
        return journal.find(id).orElseThrow();
    }

    /** @return the settlement id of journal transaction {@code id}: S, terminal id, 8 digits */
    static String setlId(String terminalId, long id) {
        return "S" + terminalId + String.format("%08d", id);
    }

    private Computed compute(CardInfo card, PharmacySale sale, List<SaleMapping.Line> lines) {
        PersonMapping.checkForOutpatient(card);
        String psnNo = sale.druginfo().psnNo();
        if (psnNo != null && !psnNo.equals(PersonMapping.psnNo(card))) {
            throw new CounterRefusedException(CounterRefusal.CARD_MISMATCH);
        }
        SettlementRequest request = new SettlementRequest(PersonMapping.person(card),
                new Visit(VisitType.PHARMACY, InstitutionLevel.PHARMACY, false), YearToDate.ZERO,
                sale.druginfo().accountUsed(), SaleMapping.items(lines));
        SettlementResult result = SettlementEngine.settle(request, pack);
        return new Computed(request, result, LocalDateTime.now(clock).withNano(0));
    }

    private SettlementRecord cardRecord(Computed c) {
        cn.yibao.terminal.settlement.SetlInfo s = c.result().setlinfo();
        return new SettlementRecord(s.psnCashPay(), s.fundPaySumamt(), c.time().getYear(),
                Money.ZERO, Money.ZERO, Money.ZERO, Optional.empty());
    }

    private SaleMapping.Header header(CardInfo card, String setlId, LocalDateTime time) {
        return new SaleMapping.Header(setlId, setlId, PersonMapping.psnNo(card), card.holder().name(),
                PersonMapping.insutype(card.insurance()), PersonMapping.psnType(card.insurance()),
                MED_TYPE_PHARMACY, time);
    }

    private Settlement replay(JournalTxn txn) {
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
