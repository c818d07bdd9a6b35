package cn.yibao.terminal.counter.live;

import cn.yibao.card.CardException;
import cn.yibao.card.Money;
import cn.yibao.card.session.CardInfo;
import cn.yibao.terminal.cardlist.CardWatch;
import cn.yibao.terminal.counter.AdmissionRequest;
import cn.yibao.terminal.counter.CancelRequest;
import cn.yibao.terminal.counter.CatalogItem;
import cn.yibao.terminal.counter.CatalogQuery;
import cn.yibao.terminal.counter.CounterApi;
import cn.yibao.terminal.counter.CounterRefusal;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.DayTotals;
import cn.yibao.terminal.counter.DischargeRequest;
import cn.yibao.terminal.counter.FeeUpload;
import cn.yibao.terminal.counter.FeeUploadResult;
import cn.yibao.terminal.counter.InventoryReceipt;
import cn.yibao.terminal.counter.InventoryUpload;
import cn.yibao.terminal.counter.JournalEntry;
import cn.yibao.terminal.counter.JournalQuery;
import cn.yibao.terminal.counter.PersonInfo;
import cn.yibao.terminal.counter.PersonQuery;
import cn.yibao.terminal.counter.PharmacySale;
import cn.yibao.terminal.counter.Pin;
import cn.yibao.terminal.counter.PrinterStatus;
import cn.yibao.terminal.counter.ReconciliationStatus;
import cn.yibao.terminal.counter.RegisterRequest;
import cn.yibao.terminal.counter.SetlInfo;
import cn.yibao.terminal.counter.Settlement;
import cn.yibao.terminal.counter.StockChange;
import cn.yibao.terminal.counter.StockCount;
import cn.yibao.terminal.counter.SyncStatus;
import cn.yibao.terminal.counter.Tender;
import cn.yibao.terminal.counter.TenderRequest;
import cn.yibao.terminal.counter.Visit;
import cn.yibao.terminal.counter.VisitSettle;
import cn.yibao.terminal.counter.host.HostCalls;
import cn.yibao.terminal.devices.CustomerDisplay;
import cn.yibao.terminal.journal.Journal;
import cn.yibao.terminal.journal.JournalTxn;
import cn.yibao.terminal.journal.TxnKind;
import cn.yibao.terminal.journal.TxnState;
import cn.yibao.terminal.journal.VisitStore;
import cn.yibao.terminal.policy.PolicyPack;
import cn.yibao.terminal.policy.InstitutionLevel;
import cn.yibao.terminal.settlement.SettlementRefusedException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The counter for real: the card on the reader, the settlement engine with the active policy pack,
 * the SQLite journal with signed records: pharmacy sales, outpatient visits, inpatient stays
 * (admission and discharge write the card's state) and same-day cancellations refunded by a
 * host-authorised load.
 */
public final class LiveCounter implements CounterApi {

    private static final int DAY_SCAN = 10_000;

    private final CardAccess cards;
    private final BundledCatalog catalog;
    private final Journal journal;
    private final Clock clock;
    private final PharmacyFlow pharmacy;
    private final CardWatch cardWatch;
    private final CounterRules rules;
    private final OfflineGate offline;
    private final Visits visits;
    private final VisitSettleFlow visitSettle;
    private final AdmissionFlow admission;
    private final CancelFlow cancellation;
    private volatile Consumer<Settlement> afterSettle = s -> { };
    private volatile ReceiptDesk receipts;
    private final Till till = new Till();
    private volatile HostCalls host = HostCalls.OFFLINE;
    private final HostReconciliation reconciliation;
    private final InventoryForward inventory = new InventoryForward();

    public LiveCounter(CardAccess cards, PolicyPack pack, BundledCatalog catalog, Journal journal, RecordChain chain,
            Clock clock) {
        this.cards = cards;
        this.catalog = catalog;
        this.journal = journal;
        this.clock = clock;
        this.cardWatch = CardWatch.open(journal.file().resolveSibling(CardWatch.FILE), clock);
        this.rules = new CounterRules(pack.counter(), cardWatch, journal.queries(), clock);
        this.offline = new OfflineGate(journal, pack.counter().offline(), clock);
        this.pharmacy = new PharmacyFlow(cards, pack, catalog, journal, chain, clock, rules, offline);
        this.visits = new Visits(cards, catalog, pack, journal.queries(), new VisitStore(journal, "M" + chain.terminalId()), clock,
                rules);
        this.visitSettle = new VisitSettleFlow(cards, pack, visits, journal, chain, clock, offline);
        this.admission = new AdmissionFlow(cards, visits, journal, chain, clock);
        this.cancellation = new CancelFlow(cards, journal, chain, visits.store(), clock);
        this.reconciliation = new HostReconciliation(journal, clock);
    }

    /**
     * Puts the counter on the host link: sync status, reconciliation, the refunds of cancellations,
     * the reports of listed cards, the forwarding of inventory messages. Without it the counter is offline.
     */
    public void useHost(HostCalls calls) {
        this.host = Objects.requireNonNull(calls);
        offline.online(calls::online);
        cancellation.host(calls);
        cardWatch.useHost(calls);
        inventory.host(calls);
    }

    @Override
    public boolean hostFailBack() {
        return host.failBack();
    }

    /**
     * The host's lost and blacklist lists as this counter holds them (next to the journal, in
     * {@link CardWatch#FILE}), and the reports of listed cards presented here.
     */
    public CardWatch cardWatch() {
        return cardWatch;
    }


    /** Sets the level this terminal's institution settles outpatient visits and stays as (default MUNICIPAL). */
    public void institutionLevel(InstitutionLevel level) {
        visitSettle.institutionLevel(level);
    }

    /**
     * Sets what happens after each settlement is committed (the receipt printer, the customer
     * display); it must not throw and must not block the sale for long.
     */
    public void afterSettle(Consumer<Settlement> action) {
        this.afterSettle = action;
    }

    /** Prints each settlement's receipt at {@code desk} (after the commit) and reprints there on request. */
    public void useReceiptDesk(ReceiptDesk desk) {
        this.receipts = Objects.requireNonNull(desk);
        this.afterSettle = desk;
    }

    /** Shows the cash due, the cash handed over and the change on {@code display} (客显). */
    public void useCustomerDisplay(CustomerDisplay display) {
        till.display(display);
    }

    @Override
    public Tender tender(TenderRequest request) {
        return till.tender(request.paid());
    }

    @Override
    public PrinterStatus printerStatus() {
        ReceiptDesk desk = receipts;
        return desk == null ? PrinterStatus.NONE : desk.status();
    }

    @Override
    public PrinterStatus reprintReceipt() {
        ReceiptDesk desk = receipts;
        if (desk == null) {
            throw new CounterRefusedException(CounterRefusal.NO_PRINTER);
        }
        return desk.reprint();
    }

    @Override
    public PersonInfo queryPerson(PersonQuery query) {
        return refusing(() -> cards.withCard(session -> {
            CardInfo card = session.readCard();
            return PersonMapping.personInfo(card, rules.presented(card));
        }));
    }

    @Override
    public List<CatalogItem> searchCatalog(CatalogQuery query) {
        return catalog.search(query);
    }

    @Override
    public Settlement preSettlePharmacy(PharmacySale sale) {
        Settlement pre = refusing(() -> pharmacy.preSettle(sale));
        till.quoted(pre);
        return pre;
    }

    @Override
    public Settlement settlePharmacy(PharmacySale sale, Pin pin, String msgid) {
        return settled(() -> pharmacy.settle(sale, pin, msgid));
    }

    @Override
    public Visit register(RegisterRequest request) {
        return refusing(() -> visits.register(request));
    }

    @Override
    public FeeUploadResult uploadFees(FeeUpload upload) {
        return refusing(() -> visits.upload(upload));
    }

    @Override
    public Settlement preSettleVisit(VisitSettle request) {
        Settlement pre = refusing(() -> visitSettle.preSettle(request));
        till.quoted(pre);
        return pre;
    }

    @Override
    public Settlement settleVisit(VisitSettle request, Pin pin, String msgid) {
        return settled(() -> visitSettle.settle(request, pin, msgid));
    }

    @Override
    public Settlement cancel(CancelRequest request, String msgid) {
        Settlement done = refusing(() -> cancellation.cancel(request, msgid));
        afterSettle.accept(done);
        return done;
    }

    @Override
    public Visit admit(AdmissionRequest request) {
        throw new CounterRefusedException(CounterRefusal.PIN_REQUIRED);
    }

    @Override
    public Visit admit(AdmissionRequest request, Pin pin, String msgid) {
        return refusing(() -> admission.admit(request, pin, msgid));
    }

    @Override
    public Visit discharge(DischargeRequest request) {
        return refusing(() -> visits.discharge(request));
    }

    @Override
    public ReconciliationStatus reconciliation() {
        return reconciliation.today(host);
    }

    @Override
    public List<JournalEntry> searchJournal(JournalQuery query) {
        long acked = journal.uploads().ackedSeq();
        List<JournalEntry> out = new ArrayList<>();
        for (Committed c : committed()) {
            SetlInfo s = c.info();
            if (out.size() < query.limit() && matches(query, s)) {
                out.add(new JournalEntry(c.txn().id(), infno(c.txn().kind(), s.medType()), c.txn().msgid(),
                        s.setlId(), s.mdtrtId(), s.psnNo(), s.psnName(), s.setlTime(), s.medfeeSumamt(),
                        s.fundPaySumamt(), s.acctPay(), s.psnCashPay(), entryState(c.txn().kind(), s.setlId()),
                        journal.records().seqOf(c.txn().id()).stream().anyMatch(seq -> seq <= acked)));
            }
        }
        return out;
    }

    /** @return the national code of the transaction that made a journal entry */
    private static String infno(TxnKind kind, String medType) {
        boolean pharmacy = PharmacyFlow.MED_TYPE_PHARMACY.equals(medType);
        return switch (kind) {
            case CANCEL -> pharmacy ? "2103" : medType.startsWith("2") ? "2305" : "2208";
            case DISCHARGE -> "2304";
            default -> pharmacy ? "2102" : "2207";
        };
    }

    private String entryState(TxnKind kind, String setlId) {
        if (kind == TxnKind.CANCEL) {
            return "REVERSAL";
        }
        return cancellation.cancelled(setlId) ? "CANCELLED" : "SETTLED";
    }

    /** A committed transaction with the split it answered. */
    private record Committed(JournalTxn txn, SetlInfo info) {
    }

    /** @return the newest committed transactions, newest first */
    private List<Committed> committed() {
        List<Committed> out = new ArrayList<>();
        for (JournalTxn txn : journal.queries().recent(DAY_SCAN)) {
            if (txn.state() == TxnState.COMMITTED && txn.kind() != TxnKind.ADMIT) {
                out.add(new Committed(txn, ReplyCodec.read(txn.reply().orElseThrow()).setlinfo()));
            }
        }
        return out;
    }

    private static boolean matches(JournalQuery q, SetlInfo s) {
        LocalDate day = s.setlTime().toLocalDate();
        return (q.setlId() == null || q.setlId().equals(s.setlId()))
                && (q.psnNo() == null || q.psnNo().equals(s.psnNo()))
                && (q.mdtrtId() == null || q.mdtrtId().equals(s.mdtrtId()))
                && (q.begndate() == null || !day.isBefore(q.begndate()))
                && (q.enddate() == null || !day.isAfter(q.enddate()));
    }

    @Override
    public InventoryReceipt uploadStockCounts(InventoryUpload<StockCount> upload, String msgid) {
        return inventory.counts(upload, msgid);
    }

    @Override
    public InventoryReceipt uploadStockChanges(InventoryUpload<StockChange> upload, String msgid) {
        return inventory.changes(upload, msgid);
    }

    @Override
    public SyncStatus syncStatus() {
        long last = journal.records().head().nextSeq() - 1;
        long acked = journal.uploads().ackedSeq();
        LocalDateTime ackedAt = journal.uploads().ackedAt().map(t -> LocalDateTime.ofInstant(t, clock.getZone())).orElse(null);
        return new SyncStatus(host.online(), last, acked, ackedAt, last - acked);
    }

    @Override
    public DayTotals todayTotals() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.systemDefault()));
        long count = 0;
        long cancelled = 0;
        Money total = Money.ZERO;
        Money funds = Money.ZERO;
        Money account = Money.ZERO;
        Money cash = Money.ZERO;
        for (Committed c : committed()) {
            SetlInfo s = c.info();
            if (s.setlTime().toLocalDate().equals(today)) {
                if (c.txn().kind() == TxnKind.CANCEL) {
                    cancelled++;
                    count--;
                } else {
                    count++;
                }
                total = total.plus(s.medfeeSumamt());
                funds = funds.plus(s.fundPaySumamt());
                account = account.plus(s.acctPay());
                cash = cash.plus(s.psnCashPay());
            }
        }
        return new DayTotals(today, Math.max(0, count), cancelled, total, funds, account, cash);
    }

    /**
     * Runs a settlement, then the till and the after-settlement step (the receipt), unless the
     * answer settled nothing (no {@code setl_id}: nothing insured). A msgid answered before gets its
     * receipt again: the first attempt may have ended before printing (a crash recovered since).
     */
    private Settlement settled(Supplier<Settlement> settle) {
        Settlement done = refusing(settle);
        if (done.setlinfo().setlId() != null) {
            till.settled(done);
            afterSettle.accept(done);
        }
        return done;
    }

    /**
     * Runs {@code work}, turning the card's and the settlement engine's refusals into the
     * counter's, so that every caller (API, console, command line) sees one kind of refusal.
     */
    private static <T> T refusing(Supplier<T> work) {
        try {
            return work.get();
        } catch (CardException e) {
            throw new CounterRefusedException(e);
        } catch (SettlementRefusedException e) {
            throw new CounterRefusedException(e.refusal());
        }
    }

}
