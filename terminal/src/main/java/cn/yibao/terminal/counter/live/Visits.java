package cn.yibao.terminal.counter.live;

import cn.yibao.card.Money;
import cn.yibao.card.app.Accumulators;
import cn.yibao.card.session.CardInfo;
import cn.yibao.terminal.counter.CounterRefusal;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.DischargeRequest;
import cn.yibao.terminal.counter.FeeLine;
import cn.yibao.terminal.counter.FeeUpload;
import cn.yibao.terminal.counter.FeeUploadResult;
import cn.yibao.terminal.counter.LineSplit;
import cn.yibao.terminal.counter.RegisterRequest;
import cn.yibao.terminal.counter.StayCancel;
import cn.yibao.terminal.counter.Visit;
import cn.yibao.terminal.journal.JournalException;
import cn.yibao.terminal.journal.JournalQueries;
import cn.yibao.terminal.journal.JournalTxn;
import cn.yibao.terminal.journal.TxnKind;
import cn.yibao.terminal.journal.TxnState;
import cn.yibao.terminal.journal.VisitStore.StoredFee;
import cn.yibao.terminal.journal.VisitStore.StoredVisit;
import cn.yibao.terminal.journal.VisitStore;
import cn.yibao.terminal.policy.PolicyPack;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Outpatient visits (2201 register, 2204 fee lines) and the registration side of inpatient stays
 * (2301 fee lines, 2402 discharge), kept in the journal's database. Where a visit stands comes from
 * the journal transactions that admitted and settled it ({@link #state}).
 */
final class Visits {

    static final String OPEN = "OPEN";
    static final String DISCHARGED = "DISCHARGED";
    static final String SETTLED = "SETTLED";
    /** A stay whose admission was cancelled (2404): closed, its lines never billed. */
    static final String CANCELLED = "CANCELLED";
    static final String MED_TYPE_OUTPATIENT = "11";
    static final String MED_TYPE_INPATIENT = "21";

    private final CardAccess cards;
    private final BundledCatalog catalog;
    private final PolicyPack pack;
    private final JournalQueries queries;
    private final VisitStore store;
    private final Clock clock;
    private final CounterRules rules;

    Visits(CardAccess cards, BundledCatalog catalog, PolicyPack pack, JournalQueries queries, VisitStore store,
            Clock clock, CounterRules rules) {
        this.rules = rules;
        this.cards = cards;
        this.catalog = catalog;
        this.pack = pack;
        this.queries = queries;
        this.store = store;
        this.clock = clock;
    }

    /** @return the counter's rules (listed cards, in-hospital), shared by the visit flows */
    CounterRules rules() {
        return rules;
    }

    VisitStore store() {
        return store;
    }

    /** 2201: reads the card (no PIN), checks it may settle as an outpatient, opens the visit. */
    Visit register(RegisterRequest request) {
        return cards.withCard(session -> {
            CardInfo card = session.readCard();
            rules.outpatientCard(card);
            requireSamePerson(card, request.psnNo());
            String medType = request.medType() == null ? MED_TYPE_OUTPATIENT : request.medType();
            if (medType.startsWith("2")) {
                throw new CounterRefusedException(CounterRefusal.FEATURE_UNAVAILABLE);
            }
            StoredVisit v = store.open(request.psnNo(), request.iptOtpNo(), medType, false,
                    LocalDateTime.now(clock).withNano(0), null, null);
            return view(v);
        });
    }

    /** 2204/2301: stores the lines of open visits, each checked against the catalog. */
    FeeUploadResult upload(FeeUpload upload) {
        Map<String, List<FeeLine>> byVisit = new LinkedHashMap<>();
        for (FeeLine line : upload.feedetail()) {
            StoredVisit v = open(line.mdtrtId(), line.psnNo());
            if (v.inpatient() && !OPEN.equals(state(v))) {
                throw new CounterRefusedException(CounterRefusal.VISIT_CLOSED);
            }
            byVisit.computeIfAbsent(v.mdtrtId(), k -> new ArrayList<>()).add(line);
        }
        List<LineSplit> out = new ArrayList<>();
        for (Map.Entry<String, List<FeeLine>> e : byVisit.entrySet()) {
            List<SaleMapping.Line> lines = rules.priced(medical(SaleMapping.resolve(e.getValue(), catalog)));
            try {
                store.putFees(e.getKey(), e.getValue().stream().map(Visits::stored).toList());
            } catch (JournalException tooMany) {
                throw new CounterRefusedException(CounterRefusal.TOO_MANY_ITEMS);
            }
            out.addAll(SaleMapping.lineSplits(lines, Money.ZERO, pack));
        }
        return new FeeUploadResult(out);
    }

    /** 2402: registers the discharge of an admitted inpatient stay. */
    Visit discharge(DischargeRequest request) {
        StoredVisit v = open(request.mdtrtId(), request.psnNo());
        if (!v.inpatient()) {
            throw new CounterRefusedException(CounterRefusal.VISIT_NOT_FOUND);
        }
        if (!OPEN.equals(state(v))) {
            throw new CounterRefusedException(CounterRefusal.VISIT_CLOSED);
        }
        LocalDateTime end = request.endtime() != null ? request.endtime() : LocalDateTime.now(clock).withNano(0);
        if (end.isBefore(v.begntime())) {
            throw new IllegalArgumentException("endtime: before the admission");
        }
        store.discharge(v.mdtrtId(), end);
        return view(store.find(v.mdtrtId()).orElseThrow());
    }

    /** 2405: cancels the discharge of a stay not settled yet; it is open again for more lines. */
    Visit cancelDischarge(StayCancel request) {
        StoredVisit v = open(request.mdtrtId(), request.psnNo());
        if (!v.inpatient()) {
            throw new CounterRefusedException(CounterRefusal.VISIT_NOT_FOUND);
        }
        if (!DISCHARGED.equals(state(v))) {
            throw new CounterRefusedException(CounterRefusal.NOT_DISCHARGED);
        }
        store.reopen(v.mdtrtId());
        return view(store.find(v.mdtrtId()).orElseThrow());
    }

    /**
     * @return the visit, which must exist (its admission committed), belong to {@code psnNo} and
     *     not be settled or cancelled yet
     */
    StoredVisit open(String mdtrtId, String psnNo) {
        StoredVisit v = store.find(mdtrtId).filter(x -> x.psnNo().equals(psnNo))
                .orElseThrow(() -> new CounterRefusedException(CounterRefusal.VISIT_NOT_FOUND));
        String state = state(v);
        if (SETTLED.equals(state) || CANCELLED.equals(state)) {
            throw new CounterRefusedException(CounterRefusal.VISIT_CLOSED);
        }
        return v;
    }

    /**
     * @return the newest unsettled inpatient stay numbered {@code iptOtpNo}, with its fee lines
     * @throws CounterRefusedException VISIT_NOT_FOUND when there is none
     */
    cn.yibao.terminal.counter.Stay stay(String iptOtpNo) {
        StoredVisit v = store.findStay(iptOtpNo).filter(x -> !SETTLED.equals(state(x)))
                .orElseThrow(() -> new CounterRefusedException(CounterRefusal.VISIT_NOT_FOUND));
        List<cn.yibao.terminal.counter.Stay.Line> out = new java.util.ArrayList<>();
        Money total = Money.ZERO;
        if (!store.fees(v.mdtrtId()).isEmpty()) {
            for (SaleMapping.Line l : lines(v)) {
                out.add(new cn.yibao.terminal.counter.Stay.Line(l.fee().feedetlSn(), l.fee().medListCodg(),
                        l.item().hilistName(), l.item().spec(), l.fee().cnt(), l.price(), l.amount()));
                total = total.plus(l.amount());
            }
        }
        return new cn.yibao.terminal.counter.Stay(v.mdtrtId(), v.psnNo(), v.iptOtpNo(), DISCHARGED.equals(state(v)),
                out, total);
    }

    /** @return the visit's fee lines resolved against the catalog */
    List<SaleMapping.Line> lines(StoredVisit v) {
        List<FeeLine> fees = store.fees(v.mdtrtId()).stream().map(f -> new FeeLine(f.feedetlSn(), v.mdtrtId(),
                v.psnNo(), f.medListCodg(), f.cnt(), f.pric(), f.rxno()))
                .toList();
        List<SaleMapping.Line> lines = medical(SaleMapping.resolve(fees, catalog));
        if (lines.isEmpty()) {
            throw new CounterRefusedException(CounterRefusal.NO_ITEMS);
        }
        return lines;
    }

    /**
     * @return {@code lines}, none of which may be non-medical goods: a visit's fee lines come from
     *     the HIS and are all settled by the engine, which has no place for class N
     */
    private static List<SaleMapping.Line> medical(List<SaleMapping.Line> lines) {
        for (SaleMapping.Line l : lines) {
            if (l.item().chrgitmLv() == cn.yibao.terminal.counter.ChrgitmLv.N) {
                throw new CounterRefusedException(CounterRefusal.NON_MEDICAL_GOODS);
            }
        }
        return lines;
    }

    /**
     * Where the visit stands: OPEN, DISCHARGED, SETTLED, or CANCELLED (the transaction that closed
     * it wrote the card back to normal without a settlement: 2404).
     *
     * @throws CounterRefusedException VISIT_NOT_FOUND if its admission did not happen,
     *     SETTLEMENT_IN_DOUBT while its admission or settlement awaits recovery
     */
    String state(StoredVisit v) {
        if (v.admMsgid() != null && !committed(v.admMsgid())) {
            throw new CounterRefusedException(CounterRefusal.VISIT_NOT_FOUND);
        }
        if (v.setlMsgid() != null && committed(v.setlMsgid())) {
            return queries.findByMsgid(v.setlMsgid()).orElseThrow().kind() == TxnKind.ADMIT ? CANCELLED : SETTLED;
        }
        return v.state();
    }

    /**
     * @return true if the transaction committed, false if it was voided or never started
     * @throws CounterRefusedException SETTLEMENT_IN_DOUBT while it awaits recovery
     */
    private boolean committed(String msgid) {
        Optional<JournalTxn> txn = queries.findByMsgid(msgid);
        if (txn.isEmpty() || txn.get().state() == TxnState.VOIDED) {
            return false;
        }
        if (txn.get().state() != TxnState.COMMITTED) {
            throw new CounterRefusedException(CounterRefusal.SETTLEMENT_IN_DOUBT);
        }
        return true;
    }

    /** @return the API's view of the visit */
    Visit view(StoredVisit v) {
        return new Visit(v.mdtrtId(), v.psnNo(), v.iptOtpNo(), v.medType(), v.begntime(), v.endtime(), state(v));
    }

    static void requireSamePerson(CardInfo card, String psnNo) {
        if (psnNo != null && !psnNo.equals(PersonMapping.psnNo(card))) {
            throw new CounterRefusedException(CounterRefusal.CARD_MISMATCH);
        }
    }

    /** @return the accumulators as a visit row keeps them: year,base,over,outpatient (fen) */
    static String ytd(Accumulators a) {
        return a.year() + "," + a.ytdBase().fen() + "," + a.ytdOver().fen() + "," + a.ytdOutpatient().fen();
    }

    /** @return the accumulators kept by {@link #ytd(Accumulators)}, or empty */
    static Optional<Accumulators> ytd(String kept) {
        if (kept == null) {
            return Optional.empty();
        }
        String[] p = kept.split(",", -1);
        return Optional.of(new Accumulators(Integer.parseInt(p[0]), Money.ofFen(Long.parseLong(p[1])),
                Money.ofFen(Long.parseLong(p[2])), Money.ofFen(Long.parseLong(p[3]))));
    }

    private static StoredFee stored(FeeLine f) {
        return new StoredFee(f.feedetlSn(), f.medListCodg(), f.cnt(), f.pric(), f.rxno());
    }
}
