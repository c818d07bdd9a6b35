package cn.yibao.terminal.counter.demo;

import cn.yibao.card.Money;
import cn.yibao.terminal.counter.AdmissionRequest;
import cn.yibao.terminal.counter.BaseInfo;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory counter for the demo and for tests of the API and the console: five personas, a
 * reader with one card on it, a trivial split ({@link DemoSplit}), a journal list, a simulated host
 * (which also takes the inventory messages: a msgid seen before stores nothing again).
 * Every method is synchronised; a refused call changes nothing.
 */
public final class DemoCounter implements CounterApi {

    /** Person numbers of the personas. */
    public static final String EMPLOYEE = "P0001";
    public static final String RETIRED_CIVIL_SERVANT = "P0002";
    public static final String RESIDENT = "P0003";
    public static final String LOST_CARD = "P0004";
    public static final String BLACKLISTED_CARD = "P0005";

    private final Clock clock;
    private final Map<String, DemoCard> cards = new LinkedHashMap<>();
    private final DemoJournal journal = new DemoJournal();
    private final DemoVisits visits = new DemoVisits();
    /** The inventory msgids the demo host remembers, oldest first. */
    private static final int MAX_INVENTORY_MSGIDS = 10_000;
    private final Set<String> inventoryMsgids = new LinkedHashSet<>();
    private String onReader;
    /** The last settlement's cash share (null before the first). */
    private Money cashDue;

    /** A demo counter with the five personas and the employee's card on the reader. */
    public DemoCounter(Clock clock) {
        this.clock = clock;
        addCard(EMPLOYEE, "张三", "1", LocalDate.of(1980, 5, 12), "310", "11", "0", "300.00", DemoCard.State.NORMAL);
        addCard(RETIRED_CIVIL_SERVANT, "李四", "2", LocalDate.of(1956, 3, 2), "310", "21", "1", "20.00",
                DemoCard.State.NORMAL);
        addCard(RESIDENT, "王五", "1", LocalDate.of(1992, 11, 30), "390", "50", "0", "0.00", DemoCard.State.NORMAL);
        addCard(LOST_CARD, "赵六", "1", LocalDate.of(1975, 1, 20), "310", "11", "0", "500.00", DemoCard.State.LOST);
        addCard(BLACKLISTED_CARD, "钱七", "2", LocalDate.of(1988, 8, 8), "310", "11", "0", "80.00",
                DemoCard.State.BLACKLISTED);
        onReader = EMPLOYEE;
    }

    private void addCard(String psnNo, String name, String gend, LocalDate brdy, String insutype, String psnType,
            String cvlserv, String balance, DemoCard.State state) {
        String certno = "220102" + brdy.toString().replace("-", "") + "00" + psnNo.substring(3);
        String masked = certno.substring(0, 6) + "*".repeat(certno.length() - 10) + certno.substring(certno.length() - 4);
        int age = java.time.Period.between(brdy, LocalDate.now(clock)).getYears();
        BaseInfo person = new BaseInfo(psnNo, "01", masked, name, gend, "01", brdy, age);
        String cardNo = "220100D156" + psnNo.substring(1) + "X";
        cards.put(psnNo, new DemoCard(person, insutype, psnType, cvlserv, cardNo, Money.parseYuan(balance), state));
    }

    // ---- demo controls (not part of CounterApi) ----

    /** Puts the card of persona {@code psnNo} on the reader (a tap). */
    public synchronized void placeCard(String psnNo) {
        if (!cards.containsKey(psnNo)) {
            throw new IllegalArgumentException("no persona " + psnNo);
        }
        onReader = psnNo;
    }

    /** Takes the card off the reader. */
    public synchronized void removeCard() {
        onReader = null;
    }

    /** @return the persona's current account balance */
    public synchronized Money balance(String psnNo) {
        return cards.get(psnNo).balance();
    }

    /** The simulated host acknowledges every journal record and reconciles today's totals. */
    public synchronized void hostAcknowledgesAndReconciles() {
        journal.acknowledgeAll(now());
        journal.reconcile(today(), now());
    }

    // ---- CounterApi ----

    @Override
    public synchronized PersonInfo queryPerson(PersonQuery query) {
        DemoCard card = cardOnReader();
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
        DemoCard card = cardTapped(sale.druginfo().psnNo());
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
        DemoCard card = cardTapped(sale.druginfo().psnNo());
        Settlement pre = preSettleAtCounter(card, sale);
        String setlId = nextSetlId();
        return commit("2102", msgid, card, pre, sale.druginfo().acctPay(), pin, setlId);
    }

    /** Checks the agreed account payment and the PIN, debits, and journals: the settle step. */
    private Settlement commit(String infno, String msgid, DemoCard card, Settlement pre, Money agreedAcct, Pin pin,
            String setlId) {
        Money acct = pre.setlinfo().acctPay();
        if (agreedAcct != null && card.balance().compareTo(agreedAcct) < 0) {
            throw new CounterRefusedException(CounterRefusal.INSUFFICIENT_BALANCE);
        }
        if (agreedAcct != null && !agreedAcct.equals(acct)) {
            throw new CounterRefusedException(CounterRefusal.SPLIT_CHANGED);
        }
        if (!acct.isZero()) {
            card.verifyPin(pin);
        }
        card.debit(acct);
        String mdtrtId = pre.setlinfo().mdtrtId() != null ? pre.setlinfo().mdtrtId() : "Y" + setlId.substring(1);
        var info = pre.setlinfo().settledAs(setlId, mdtrtId, now(), card.balance());
        Settlement settled = new Settlement(info, pre.setldetail(), pre.detlcutinfo(), pre.explain());
        journal.append(infno, msgid, settled, "SETTLED");
        cashDue = settled.setlinfo().psnCashPay();
        return settled;
    }

    @Override
    public synchronized Tender tender(TenderRequest request) {
        return Tender.of(cashDue, request.paid());
    }

    @Override
    public synchronized Visit register(RegisterRequest request) {
        DemoCard card = cardTapped(request.psnNo());
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
        DemoCard card = cards.get(request.psnNo());
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
        DemoCard card = cardTapped(request.psnNo());
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
        Settlement settled = commit(inpatient ? "2304" : "2207", msgid, card, pre, request.acctPay(), pin,
                nextSetlId());
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
        var replay = journal.replay(msgid);
        if (replay.isPresent()) {
            return replay.get();
        }
        JournalEntry entry = journal.entry(request.setlId())
                .filter(e -> e.psnNo().equals(request.psnNo()))
                .orElseThrow(() -> new CounterRefusedException(CounterRefusal.SETTLEMENT_NOT_FOUND));
        if (entry.state().equals("CANCELLED")) {
            throw new CounterRefusedException(CounterRefusal.ALREADY_CANCELLED);
        }
        if (!entry.setlTime().toLocalDate().equals(today())) {
            throw new CounterRefusedException(CounterRefusal.NOT_SAME_DAY);
        }
        Settlement original = journal.settlement(request.setlId()).orElseThrow();
        DemoCard card = cards.get(entry.psnNo());
        card.load(original.setlinfo().acctPay());
        Settlement reversal = original.reversed(now(), card.balance());
        journal.markCancelled(request.setlId());
        journal.append(cancelInfno(original.setlinfo().medType()), msgid, reversal, "REVERSAL");
        return reversal;
    }

    private static String cancelInfno(String medType) {
        return switch (medType) {
            case DemoSplit.MED_TYPE_INPATIENT -> "2305";
            case DemoSplit.MED_TYPE_PHARMACY -> "2103";
            default -> "2208";
        };
    }

    @Override
    public synchronized Visit admit(AdmissionRequest request) {
        DemoCard card = cardTapped(request.psnNo());
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
        return inventory(upload, msgid);
    }

    @Override
    public synchronized InventoryReceipt uploadStockChanges(InventoryUpload<StockChange> upload, String msgid) {
        return inventory(upload, msgid);
    }

    private InventoryReceipt inventory(InventoryUpload<?> upload, String msgid) {
        int lines = upload.invinfo().size();
        boolean fresh = inventoryMsgids.add(msgid);
        if (inventoryMsgids.size() > MAX_INVENTORY_MSGIDS) {
            inventoryMsgids.remove(inventoryMsgids.iterator().next());
        }
        return new InventoryReceipt(lines, fresh ? lines : 0);
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

    private DemoCard cardOnReader() {
        if (onReader == null) {
            throw new CounterRefusedException(CounterRefusal.CARD_ABSENT);
        }
        return cards.get(onReader);
    }

    /** @return the card on the reader, which must be {@code psnNo}'s and usable */
    private DemoCard cardTapped(String psnNo) {
        DemoCard card = cardOnReader();
        card.checkUsable();
        if (!card.psnNo().equals(psnNo)) {
            throw new CounterRefusedException(CounterRefusal.CARD_MISMATCH);
        }
        return card;
    }

    private static void refuseInHospital(DemoCard card) {
        if (card.state() == DemoCard.State.IN_HOSPITAL) {
            throw new CounterRefusedException(CounterRefusal.CARD_IN_HOSPITAL);
        }
    }

    private String nextSetlId() {
        return String.format("S%s%06d", today().toString().replace("-", ""), journal.nextSeq());
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
