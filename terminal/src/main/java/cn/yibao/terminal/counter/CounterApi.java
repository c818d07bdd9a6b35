package cn.yibao.terminal.counter;

import java.util.List;

/**
 * What the counter offers to the HIS API and the cashier console, in the national interface's
 * vocabulary. Every method either returns its result or throws {@link CounterRefusedException}
 * with a {@link CounterRefusal} (or another {@code Refusal}) and leaves card and journal as they
 * were. Malformed input never reaches it: the records validate themselves.
 *
 * <p>Settling methods take the request's {@code msgid}: calling again with the same msgid returns
 * the first result and debits nothing more (it is the idempotency and reversal key).
 *
 * <p>Implementations must be safe for concurrent calls; calls may block on the card or the disk.
 */
public interface CounterApi {

    /** 1101: reads the card on the reader. */
    PersonInfo queryPerson(PersonQuery query);

    /** 1312: catalog lookup, for item entry. */
    List<CatalogItem> searchCatalog(CatalogQuery query);

    /** 2101: pharmacy pre-settlement; computes the split, debits nothing. */
    Settlement preSettlePharmacy(PharmacySale sale);

    /** 2102: pharmacy settlement; debits the account (PIN needed when it pays) and journals. */
    Settlement settlePharmacy(PharmacySale sale, Pin pin, String msgid);

    /**
     * 2102 made by {@code opter}: the journal, the signed record, the receipt and 5203 name them.
     * By default the operator is not recorded (the demo counter).
     */
    default Settlement settlePharmacy(PharmacySale sale, Pin pin, String msgid, Opter opter) {
        return settlePharmacy(sale, pin, msgid);
    }

    /** 2201: opens an outpatient visit. */
    Visit register(RegisterRequest request);

    /** 2204 (outpatient) and 2301 (inpatient): uploads fee lines to an open visit. */
    FeeUploadResult uploadFees(FeeUpload upload);

    /** 2206 (outpatient) and 2303 (inpatient): pre-settles a visit's lines; debits nothing. */
    Settlement preSettleVisit(VisitSettle request);

    /** 2207 (outpatient) and 2304 (inpatient): settles a visit; debits the account and journals. */
    Settlement settleVisit(VisitSettle request, Pin pin, String msgid);

    /** 2207/2304 made by {@code opter}, like {@link #settlePharmacy(PharmacySale, Pin, String, Opter)}. */
    default Settlement settleVisit(VisitSettle request, Pin pin, String msgid, Opter opter) {
        return settleVisit(request, pin, msgid);
    }

    /** 2103/2208/2305: cancels a same-day settlement and refunds the account. */
    Settlement cancel(CancelRequest request, String msgid);

    /**
     * 2103/2208/2305 made by {@code opter}, with {@code memo} (the reason and the approving
     * supervisor) kept with the cancellation; by default neither is recorded (the demo counter).
     */
    default Settlement cancel(CancelRequest request, String msgid, Opter opter, String memo) {
        return cancel(request, msgid);
    }

    /** 2401: admits; the card is "in hospital" until the discharge settlement. */
    Visit admit(AdmissionRequest request);

    /**
     * 2401 with the PIN and the msgid: the card's state is written by a settlement record, which
     * needs the PIN; a repeated msgid gets the first answer. By default the PIN and msgid are
     * ignored (a counter that keeps no card state).
     */
    default Visit admit(AdmissionRequest request, Pin pin, String msgid) {
        return admit(request);
    }

    /** 2402: registers the discharge of an inpatient visit. */
    Visit discharge(DischargeRequest request);

    /**
     * The console's discharge desk: the open inpatient stay the HIS numbered {@code iptOtpNo}
     * (住院号), with its fee lines and whether the discharge is registered. By default there are no stays.
     *
     * @throws CounterRefusedException VISIT_NOT_FOUND when there is no unsettled stay with that number
     */
    default Stay stay(String iptOtpNo) {
        throw new CounterRefusedException(CounterRefusal.VISIT_NOT_FOUND);
    }

    /**
     * 2404: cancels an admission not settled yet (open or discharged, with or without fee lines):
     * the card goes back to normal by a settlement record of amount 0 (it needs the PIN, as the
     * admission did) and the stay is closed ({@code CANCELLED}; its lines are never billed). A
     * repeated msgid gets the first answer.
     */
    default Visit cancelAdmission(StayCancel request, Pin pin, String msgid) {
        throw new CounterRefusedException(CounterRefusal.FEATURE_UNAVAILABLE);
    }

    /** 2405: cancels the discharge of a stay not settled yet: it is open again for more fee lines. */
    default Visit cancelDischarge(StayCancel request) {
        throw new CounterRefusedException(CounterRefusal.FEATURE_UNAVAILABLE);
    }

    /** 3201: the last reconciliation with the host, with the terminal's own totals. */
    ReconciliationStatus reconciliation();

    /** 5203: journal search, newest first. */
    List<JournalEntry> searchJournal(JournalQuery query);

    /**
     * 3501: forwards the pharmacy's stock counts to the host at once (nothing is queued here). A
     * retry with the same msgid is stored once by the host. By default the counter has no host.
     */
    default InventoryReceipt uploadStockCounts(InventoryUpload<StockCount> upload, String msgid) {
        throw new CounterRefusedException(CounterRefusal.FEATURE_UNAVAILABLE);
    }

    /** 3502: forwards the pharmacy's stock changes (3503–3506 movements folded in) like {@link #uploadStockCounts}. */
    default InventoryReceipt uploadStockChanges(InventoryUpload<StockChange> upload, String msgid) {
        throw new CounterRefusedException(CounterRefusal.FEATURE_UNAVAILABLE);
    }

    /**
     * The cash the customer handed over for the last settlement's cash share: the change, also
     * shown on the customer display (收款, then 找零) where there is one. Never touches card or journal.
     *
     * @throws CounterRefusedException NOTHING_TO_TENDER before a settlement, CASH_SHORT when too little
     */
    default Tender tender(TenderRequest request) {
        throw new CounterRefusedException(CounterRefusal.FEATURE_UNAVAILABLE);
    }

    /** @return the receipt printer's state; by default the counter has none */
    default PrinterStatus printerStatus() {
        return PrinterStatus.NONE;
    }

    /**
     * Prints the receipts kept while the printer could not take them, oldest first; with none kept,
     * prints the last receipt again (the customer's copy). Never touches card or journal.
     *
     * @return the printer's state afterwards ({@code problem} set when it still cannot print)
     */
    default PrinterStatus reprintReceipt() {
        throw new CounterRefusedException(CounterRefusal.NO_PRINTER);
    }

    /** Store-and-forward state: queued records, last acknowledgement. */
    SyncStatus syncStatus();

    /**
     * The operator's fail-back: the host link goes back to the preferred (first) of the host's
     * addresses. By default (no host link) there is nothing to do.
     *
     * @return whether the link was on another address
     */
    default boolean hostFailBack() {
        return false;
    }

    /** Today's totals, net of cancellations. */
    DayTotals todayTotals();
}
