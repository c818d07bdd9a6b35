package cn.yibao.terminal.counter.live;

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
import cn.yibao.terminal.counter.Opter;
import cn.yibao.terminal.counter.Settlement;
import cn.yibao.terminal.counter.StayCancel;
import cn.yibao.terminal.counter.StockChange;
import cn.yibao.terminal.counter.StockCount;
import cn.yibao.terminal.counter.SyncStatus;
import cn.yibao.terminal.counter.Tender;
import cn.yibao.terminal.counter.TenderRequest;
import cn.yibao.terminal.counter.Visit;
import cn.yibao.terminal.counter.VisitSettle;
import cn.yibao.terminal.counter.host.HostCalls;
import cn.yibao.terminal.counter.host.HostSwitch;
import cn.yibao.terminal.journal.Journal;
import cn.yibao.terminal.journal.VisitStore;
import cn.yibao.terminal.policy.PolicyPack;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The counter for real: the card on the reader, the settlement engine with the active policy pack,
 * the SQLite journal with signed records: pharmacy sales, outpatient visits, inpatient stays
 * (admission and discharge write the card's state) and same-day cancellations refunded by a
 * host-authorised load. Made whole by its {@link #builder builder}: the host (usually a
 * {@link HostSwitch} that the owner of the host link flips), the receipt desk, the customer display.
 */
public final class LiveCounter implements CounterApi {

    private final CardAccess cards;
    private final BundledCatalog catalog;
    private final PharmacyFlow pharmacy;
    private final CardWatch cardWatch;
    private final CounterRules rules;
    private final Visits visits;
    private final VisitSettleFlow visitSettle;
    private final AdmissionFlow admission;
    private final CancelFlow cancellation;
    private final Consumer<Settlement> afterSettle;
    private final ReceiptDesk receipts;
    private final Till till;
    private final HostCalls host;
    private final HostReconciliation reconciliation;
    private final InventoryForward inventory;
    private final CounterBook book;

    LiveCounter(LiveCounterBuilder b) {
        this.cards = b.cards;
        this.catalog = b.catalog;
        this.host = b.host;
        this.receipts = b.receipts;
        this.afterSettle = b.receipts == null ? b.afterSettle : b.receipts.andThen(b.afterSettle);
        this.till = new Till(b.display);
        Journal journal = b.journal;
        RecordChain chain = b.chain;
        this.cardWatch = CardWatch.open(journal.file().resolveSibling(CardWatch.FILE), b.clock, host);
        this.rules = new CounterRules(b.pack.counter(), cardWatch, journal.queries(), b.clock);
        OfflineGate offline = new OfflineGate(journal, b.pack.counter().offline(), b.clock, host);
        this.pharmacy = new PharmacyFlow(cards, b.pack, catalog, journal, chain, b.clock, rules, offline, b.pins);
        this.visits = new Visits(cards, catalog, b.pack, journal.queries(),
                new VisitStore(journal, "M" + chain.terminalId()), b.clock, rules);
        this.visitSettle = new VisitSettleFlow(cards, b.pack, visits, journal, chain, b.clock, offline, b.level, b.pins);
        this.admission = new AdmissionFlow(cards, visits, journal, chain, b.clock);
        this.cancellation = new CancelFlow(cards, journal, chain, visits.store(), b.clock, host);
        this.reconciliation = new HostReconciliation(journal, b.clock, host);
        this.inventory = new InventoryForward(host);
        this.book = new CounterBook(journal, cancellation, host, b.clock);
    }

    /**
     * Starts a counter on {@code cards}, settling with {@code pack}, journalling in {@code journal}
     * and signing with {@code chain}; without more it is offline, prints nothing and settles visits
     * at the MUNICIPAL level.
     */
    public static LiveCounterBuilder builder(CardAccess cards, PolicyPack pack, BundledCatalog catalog,
            Journal journal, RecordChain chain, Clock clock) {
        return new LiveCounterBuilder(cards, pack, catalog, journal, chain, clock);
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

    @Override
    public Tender tender(TenderRequest request) {
        Tender t = till.tender(request.paid());
        if (receipts != null && till.last() != null) {
            receipts.tendered(till.last(), t);
        }
        return t;
    }

    @Override
    public PrinterStatus printerStatus() {
        return receipts == null ? PrinterStatus.NONE : receipts.status();
    }

    @Override
    public PrinterStatus reprintReceipt() {
        if (receipts == null) {
            throw new CounterRefusedException(CounterRefusal.NO_PRINTER);
        }
        return receipts.reprint();
    }

    @Override
    public PersonInfo queryPerson(PersonQuery query) {
        return Refusals.refusing(() -> cards.withCard(session -> {
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
        Settlement pre = Refusals.refusing(() -> pharmacy.preSettle(sale));
        till.quoted(pre);
        return pre;
    }

    @Override
    public Settlement settlePharmacy(PharmacySale sale, Pin pin, String msgid) {
        return settlePharmacy(sale, pin, msgid, Opter.HIS);
    }

    @Override
    public Settlement settlePharmacy(PharmacySale sale, Pin pin, String msgid, Opter opter) {
        return settled(() -> pharmacy.settle(sale, pin, msgid, opter));
    }

    @Override
    public Visit register(RegisterRequest request) {
        return Refusals.refusing(() -> visits.register(request));
    }

    @Override
    public FeeUploadResult uploadFees(FeeUpload upload) {
        return Refusals.refusing(() -> visits.upload(upload));
    }

    @Override
    public Settlement preSettleVisit(VisitSettle request) {
        Settlement pre = Refusals.refusing(() -> visitSettle.preSettle(request));
        till.quoted(pre);
        return pre;
    }

    @Override
    public Settlement settleVisit(VisitSettle request, Pin pin, String msgid) {
        return settleVisit(request, pin, msgid, Opter.HIS);
    }

    @Override
    public Settlement settleVisit(VisitSettle request, Pin pin, String msgid, Opter opter) {
        return settled(() -> visitSettle.settle(request, pin, msgid, opter));
    }

    @Override
    public Settlement cancel(CancelRequest request, String msgid) {
        return cancel(request, msgid, Opter.HIS, null);
    }

    @Override
    public Settlement cancel(CancelRequest request, String msgid, Opter opter, String memo) {
        Settlement done = Refusals.refusing(() -> cancellation.cancel(request, msgid, opter, memo));
        afterSettle.accept(done);
        return done;
    }

    @Override
    public Visit admit(AdmissionRequest request) {
        throw new CounterRefusedException(CounterRefusal.PIN_REQUIRED);
    }

    @Override
    public Visit admit(AdmissionRequest request, Pin pin, String msgid) {
        return Refusals.refusing(() -> admission.admit(request, pin, msgid));
    }

    @Override
    public Visit discharge(DischargeRequest request) {
        return Refusals.refusing(() -> visits.discharge(request));
    }

    @Override
    public cn.yibao.terminal.counter.Stay stay(String iptOtpNo) {
        return Refusals.refusing(() -> visits.stay(iptOtpNo));
    }

    @Override
    public Visit cancelAdmission(StayCancel request, Pin pin, String msgid) {
        return Refusals.refusing(() -> admission.cancel(request, pin, msgid));
    }

    @Override
    public Visit cancelDischarge(StayCancel request) {
        return Refusals.refusing(() -> visits.cancelDischarge(request));
    }

    @Override
    public ReconciliationStatus reconciliation() {
        return reconciliation.today();
    }

    @Override
    public List<JournalEntry> searchJournal(JournalQuery query) {
        return book.search(query);
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
        return book.syncStatus();
    }

    @Override
    public DayTotals todayTotals() {
        return book.todayTotals();
    }

    /**
     * Runs a settlement, then the till and the after-settlement step (the receipt), unless the
     * answer settled nothing (no {@code setl_id}: nothing insured). A msgid answered before gets its
     * receipt again: the first attempt may have ended before printing (a crash recovered since).
     */
    private Settlement settled(Supplier<Settlement> settle) {
        // card, engine and journal: the settlement's time at the counter (metrics: docs/operations.md)
        Settlement done = Metrics.timer("yibao.terminal.settlement").record(() -> Refusals.refusing(settle));
        if (done.setlinfo().setlId() != null) {
            Metrics.counter("yibao.terminal.sales").increment();
            till.settled(done);
            afterSettle.accept(done);
        }
        return done;
    }
}
