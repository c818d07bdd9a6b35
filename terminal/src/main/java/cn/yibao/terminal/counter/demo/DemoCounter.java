package cn.yibao.terminal.counter.demo;

import cn.yibao.card.Money;
import cn.yibao.terminal.counter.AdmissionRequest;
import cn.yibao.terminal.counter.CancelRequest;
import cn.yibao.terminal.counter.CatalogItem;
import cn.yibao.terminal.counter.CatalogQuery;
import cn.yibao.terminal.counter.CounterApi;
import cn.yibao.terminal.counter.CounterRefusal;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.DayTotals;
import cn.yibao.terminal.counter.DischargeRequest;
import cn.yibao.terminal.counter.FeeLine;
import cn.yibao.terminal.counter.FeeUpload;
import cn.yibao.terminal.counter.FeeUploadResult;
import cn.yibao.terminal.counter.InventoryReceipt;
import cn.yibao.terminal.counter.InventoryUpload;
import cn.yibao.terminal.counter.JournalEntry;
import cn.yibao.terminal.counter.JournalQuery;
import cn.yibao.terminal.counter.LineSplit;
import cn.yibao.terminal.counter.PersonInfo;
import cn.yibao.terminal.counter.PersonQuery;
import cn.yibao.terminal.counter.PharmacySale;
import cn.yibao.terminal.counter.Pin;
import cn.yibao.terminal.counter.ReconciliationStatus;
import cn.yibao.terminal.counter.RegisterRequest;
import cn.yibao.terminal.counter.Settlement;
import cn.yibao.terminal.counter.StockChange;
import cn.yibao.terminal.counter.StockCount;
import cn.yibao.terminal.counter.SyncStatus;
import cn.yibao.terminal.counter.Tender;
import cn.yibao.terminal.counter.TenderRequest;
import cn.yibao.terminal.counter.Visit;
import cn.yibao.terminal.counter.VisitSettle;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * An in-memory counter for the demo and for tests of the API and the console: five personas and a
 * reader with one card on it ({@link DemoReader}), a trivial split ({@link DemoSplit}), the debits
 * and refunds ({@link DemoPayments}) in a journal list ({@link DemoJournal}), a simulated host
 * (which also takes the inventory messages, {@link DemoInventory}: a msgid seen before stores
 * nothing again). Every method is synchronised; a refused call changes nothing.
 */
public final class DemoCounter implements CounterApi {

    /** Person numbers of the personas. */
    public static final String EMPLOYEE = "P0001";
    public static final String RETIRED_CIVIL_SERVANT = "P0002";
    public static final String RESIDENT = "P0003";
    public static final String LOST_CARD = "P0004";
    public static final String BLACKLISTED_CARD = "P0005";

    private final Clock clock;
    private final DemoReader reader;
    private final DemoJournal journal = new DemoJournal();
    private final DemoPayments payments;
    private final DemoVisits visits = new DemoVisits();
    private final DemoInventory inventory = new DemoInventory();

    /** A demo counter with the five personas and the employee's card on the reader. */
    public DemoCounter(Clock clock) {
        this.clock = clock;
        this.reader = new DemoReader(clock);
        this.payments = new DemoPayments(journal, reader, clock);
    }

    // ---- demo controls (not part of CounterApi) ----

    /** Puts the card of persona {@code psnNo} on the reader (a tap). */
    public synchronized void placeCard(String psnNo) {
        reader.place(psnNo);
    }

    /** Takes the card off the reader. */
    public synchronized void removeCard() {
        reader.remove();
    }

    /** @return the persona's current account balance */
    public synchronized Money balance(String psnNo) {
        return reader.card(psnNo).balance();
    }

    /** The simulated host acknowledges every journal record and reconciles today's totals. */
    public synchronized void hostAcknowledgesAndReconciles() {
        journal.acknowledgeAll(now());
        journal.reconcile(today(), now());
    }

    // ---- CounterApi ----

    @Override
    public synchronized PersonInfo queryPerson(PersonQuery query) {
        DemoCard card = reader.onReader();
        if (query.mdtrtCertNo() != null && !query.mdtrtCertNo().isBlank() && !query.mdtrtCertNo().equals(card.cardNo())) {
            throw new CounterRefusedException(CounterRefusal.CARD_MISMATCH);
        }
        return card.read();
    }

    @Override
    public synchronized List<CatalogItem> searchCatalog(CatalogQuery query) {
        return DemoCatalog.search(query);
    }

    @Override
    public synchronized Settlement preSettlePharmacy(PharmacySale sale) {
        DemoCard card = reader.tapped(sale.druginfo().psnNo());
        return preSettleAtCounter(card, sale);
    }

    private Settlement preSettleAtCounter(DemoCard card, PharmacySale sale) {
        refuseInHospital(card);
        List<LineSplit> lines = DemoSplit.classify(sale.drugdetail());
        String medType = sale.druginfo().medType() == null ? DemoSplit.MED_TYPE_PHARMACY : sale.druginfo().medType();
        return DemoSplit.settle(card, lines, medType, sale.druginfo().accountUsed(), null, now());
    }

    @Override
    public synchronized Settlement settlePharmacy(PharmacySale sale, Pin pin, String msgid) {
        var replay = journal.replay(msgid);
        if (replay.isPresent()) {
            return replay.get();
        }
        DemoCard card = reader.tapped(sale.druginfo().psnNo());
        Settlement pre = preSettleAtCounter(card, sale);
        return payments.settle("2102", msgid, card, pre, sale.druginfo().acctPay(), pin, payments.nextSetlId());
    }

    @Override
    public synchronized Tender tender(TenderRequest request) {
        return payments.tender(request.paid());
    }

    @Override
    public synchronized Visit register(RegisterRequest request) {
        DemoCard card = reader.tapped(request.psnNo());
        refuseInHospital(card);
        return visits.open(request.psnNo(), request.iptOtpNo(), request.medType() == null ? "11" : request.medType(),
                now(), today());
    }

    @Override
    public synchronized FeeUploadResult uploadFees(FeeUpload upload) {
        for (FeeLine line : upload.feedetail()) {
            visits.open(line.mdtrtId(), line.psnNo());
        }
        List<LineSplit> result = DemoSplit.classify(upload.feedetail());
        upload.feedetail().forEach(visits::upload);
        return new FeeUploadResult(result);
    }

    @Override
    public synchronized Settlement preSettleVisit(VisitSettle request) {
        Visit visit = settleableVisit(request);
        DemoCard card = reader.card(request.psnNo());
        return DemoSplit.settle(card, DemoSplit.classify(visits.lines(visit.mdtrtId())), visit.medType(),
                request.accountUsed(), visit.mdtrtId(), now());
    }

    private Visit settleableVisit(VisitSettle request) {
        Visit visit = visits.get(request.mdtrtId(), request.psnNo());
        if (!visit.state().equals("OPEN") && !visit.state().equals("DISCHARGED")) {
            throw new CounterRefusedException(CounterRefusal.VISIT_CLOSED);
        }
        return visit;
    }

    @Override
    public synchronized Settlement settleVisit(VisitSettle request, Pin pin, String msgid) {
        var replay = journal.replay(msgid);
        if (replay.isPresent()) {
            return replay.get();
        }
        DemoCard card = reader.tapped(request.psnNo());
        Visit visit = settleableVisit(request);
        boolean inpatient = visit.medType().equals(DemoSplit.MED_TYPE_INPATIENT);
        boolean mid = "1".equals(request.midSetlFlag());
        if (inpatient && !mid && !visit.state().equals("DISCHARGED")) {
            throw new CounterRefusedException(CounterRefusal.DISCHARGE_REQUIRED);
        }
        if (!inpatient) {
            refuseInHospital(card);
        }
        Settlement pre = preSettleVisit(request);
        Settlement settled = payments.settle(inpatient ? "2304" : "2207", msgid, card, pre, request.acctPay(), pin,
                payments.nextSetlId());
        if (!mid) {
            visits.setState(visit, "SETTLED", null);
            if (inpatient) {
                card.setState(DemoCard.State.NORMAL);
            }
        }
        return settled;
    }

    @Override
    public synchronized Settlement cancel(CancelRequest request, String msgid) {
        return payments.cancel(request, msgid);
    }

    @Override
    public synchronized Visit admit(AdmissionRequest request) {
        DemoCard card = reader.tapped(request.psnNo());
        if (card.state() == DemoCard.State.IN_HOSPITAL || visits.hasOpenInpatientStay(request.psnNo())) {
            throw new CounterRefusedException(CounterRefusal.ALREADY_IN_HOSPITAL);
        }
        LocalDateTime begin = request.begntime() != null ? request.begntime() : now();
        Visit visit = visits.open(request.psnNo(), request.iptOtpNo(), DemoSplit.MED_TYPE_INPATIENT, begin, today());
        card.setState(DemoCard.State.IN_HOSPITAL);
        return visit;
    }

    @Override
    public synchronized Visit discharge(DischargeRequest request) {
        Visit visit = visits.open(request.mdtrtId(), request.psnNo());
        if (!visit.medType().equals(DemoSplit.MED_TYPE_INPATIENT)) {
            throw new CounterRefusedException(CounterRefusal.VISIT_NOT_FOUND);
        }
        return visits.setState(visit, "DISCHARGED", request.endtime() != null ? request.endtime() : now());
    }

    @Override
    public synchronized ReconciliationStatus reconciliation() {
        return journal.reconciliation(today());
    }

    @Override
    public synchronized List<JournalEntry> searchJournal(JournalQuery query) {
        return journal.search(query);
    }

    @Override
    public synchronized InventoryReceipt uploadStockCounts(InventoryUpload<StockCount> upload, String msgid) {
        return inventory.take(upload, msgid);
    }

    @Override
    public synchronized InventoryReceipt uploadStockChanges(InventoryUpload<StockChange> upload, String msgid) {
        return inventory.take(upload, msgid);
    }

    @Override
    public synchronized SyncStatus syncStatus() {
        return journal.sync();
    }

    @Override
    public synchronized DayTotals todayTotals() {
        return journal.totals(today());
    }

    // ---- helpers ----

    private static void refuseInHospital(DemoCard card) {
        if (card.state() == DemoCard.State.IN_HOSPITAL) {
            throw new CounterRefusedException(CounterRefusal.CARD_IN_HOSPITAL);
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
