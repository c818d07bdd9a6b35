package cn.yibao.terminal.counter.live;

import cn.yibao.card.app.CardState;
import cn.yibao.card.session.CardInfo;
import cn.yibao.terminal.cardlist.CardWatch;
import cn.yibao.terminal.cardlist.ListStatus;
import cn.yibao.terminal.cardlist.ListedCardReport;
import cn.yibao.terminal.cardlist.Listing;
import cn.yibao.terminal.counter.ChrgitmLv;
import cn.yibao.terminal.counter.CounterRefusal;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.journal.JournalQueries;
import cn.yibao.terminal.journal.TxnKind;
import cn.yibao.terminal.policy.CounterPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counter's fraud rules (RULES.md §8–§9, issue 7), each driven by its setting in the policy
 * pack's {@code counter} section. The flows call them before the journal's first write, so a
 * refusal leaves card and journal as they were. A disabled rule lets the sale through:
 * <ul>
 * <li>{@code refuse_non_medical} off: non-medical goods (class N) are left out of the insured sale
 *     (not in the split, not debited, not signed); the POS charges them in cash;</li>
 * <li>{@code refuse_listed_cards} off: a lost or blacklisted card settles (and is still reported
 *     if {@code report_listed_cards} is on);</li>
 * <li>{@code refuse_in_hospital_at_pharmacy} off: an in-hospital card may buy at a pharmacy;</li>
 * <li>{@code refuse_empty_sale} off: a sale with nothing insured in it (no lines, or only
 *     non-medical goods set aside) is answered with an all-zero split and is neither debited nor
 *     journaled (there is nothing to sign: the host would find no settlement to re-compute);</li>
 * <li>{@code prescription_required} off: a prescription-only drug sells without {@code rxno};</li>
 * <li>{@code daily_insured_purchases} 0: no daily limit;</li>
 * <li>{@code price_above_catalog} {@code allow}: a line may be priced above the catalog (by
 *     default the catalog price is the ceiling).</li>
 * </ul>
 */
final class CounterRules {

    /**
     * A listed card is reported once per presentation: read again within this time with the same
     * status (the person query, the pre-settlement and the settlement of one visit to the
     * counter), it is not reported again.
     */
    static final Duration REPORT_ONCE_WITHIN = Duration.ofMinutes(10);
    /** Most cards remembered as just reported (the memory is cleared when full). */
    private static final int MAX_REMEMBERED = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(CounterRules.class);

    private final CounterPolicy policy;
    private final CardWatch watch;
    private final JournalQueries queries;
    private final Clock clock;
    private final Map<String, Sighting> reported = new ConcurrentHashMap<>();

    private record Sighting(ListStatus status, Instant at) {
    }

    CounterRules(CounterPolicy policy, CardWatch watch, JournalQueries queries, Clock clock) {
        this.policy = policy;
        this.watch = watch;
        this.queries = queries;
        this.clock = clock;
    }

    /**
     * The lines of a pharmacy sale that go into the insured split: refuses an empty sale,
     * non-medical goods, prescription drugs without a prescription reference, as the policy says.
     */
    List<SaleMapping.Line> insuredLines(List<SaleMapping.Line> lines) {
        if (lines.isEmpty() && policy.refuseEmptySale()) {
            throw new CounterRefusedException(CounterRefusal.NO_ITEMS);
        }
        priced(lines);
        List<SaleMapping.Line> insured = new ArrayList<>(lines.size());
        for (SaleMapping.Line l : lines) {
            if (l.item().chrgitmLv() == ChrgitmLv.N) {
                if (policy.refuseNonMedical()) {
                    throw new CounterRefusedException(CounterRefusal.NON_MEDICAL_GOODS);
                }
                continue;
            }
            if (policy.prescriptionRequired() && l.item().prescriptionOnly()
                    && (l.fee().rxno() == null || l.fee().rxno().isBlank())) {
                throw new CounterRefusedException(CounterRefusal.PRESCRIPTION_REQUIRED);
            }
            insured.add(l);
        }
        if (insured.isEmpty() && !lines.isEmpty() && policy.refuseEmptySale()) {
            throw new CounterRefusedException(CounterRefusal.NO_ITEMS);
        }
        return insured;
    }

    /**
     * @return {@code lines}, none priced above the catalog unless the pack's
     *     {@code price_above_catalog} is {@code allow}: the catalog price is the ceiling
     */
    List<SaleMapping.Line> priced(List<SaleMapping.Line> lines) {
        if (!policy.allowPriceAboveCatalog()) {
            for (SaleMapping.Line l : lines) {
                if (l.aboveCatalog()) {
                    throw new CounterRefusedException(CounterRefusal.PRICE_ABOVE_CATALOG);
                }
            }
        }
        return lines;
    }

    /**
     * Checks the card for a pharmacy purchase: listed (card state or host list, reported to the
     * host), in hospital, today's purchases.
     */
    void pharmacyCard(CardInfo card) {
        listed(card);
        if (card.insurance().cardState() == CardState.IN_HOSPITAL && policy.refuseInHospitalAtPharmacy()) {
            throw new CounterRefusedException(CounterRefusal.CARD_IN_HOSPITAL);
        }
        int limit = policy.dailyInsuredPurchases();
        if (limit > 0) {
            var dayStart = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
            if (queries.countSince(TxnKind.SALE, card.identity().serialHex(), dayStart) >= limit) {
                throw new CounterRefusedException(CounterRefusal.DAILY_PURCHASE_LIMIT);
            }
        }
    }

    /**
     * Checks the card for an outpatient visit: listed (as for a pharmacy), and never in hospital
     * (RULES.md §8: refused for outpatient until the discharge settlement).
     */
    void outpatientCard(CardInfo card) {
        listed(card);
        if (card.insurance().cardState() == CardState.IN_HOSPITAL) {
            throw new CounterRefusedException(CounterRefusal.CARD_IN_HOSPITAL);
        }
    }

    /**
     * A card that is lost or blacklisted by its own state or by the host's lists: reported to the
     * host (kept on disk first, sent in the background), then refused, each as the policy says.
     */
    void listed(CardInfo card) {
        Optional<ListStatus> status = presented(card);
        if (status.isPresent() && policy.refuseListedCards()) {
            throw new CounterRefusedException(status.get() == ListStatus.LOST ? CounterRefusal.CARD_LOST
                    : CounterRefusal.CARD_BLACKLISTED);
        }
    }

    /**
     * The card was presented at the counter (read for a person query, a pre-settlement or a
     * settlement): if it is lost or blacklisted, by its own state or by the host's lists, the
     * sighting is logged and reported to the host as the policy says. Refuses nothing.
     *
     * @return LOST or BLACKLISTED, or empty for a card on no list
     */
    Optional<ListStatus> presented(CardInfo card) {
        String serial = card.identity().serialHex();
        CardState state = card.insurance().cardState();
        ListStatus status;
        ListedCardReport.Source source;
        if (state == CardState.LOST || state == CardState.BLACKLISTED) {
            status = state == CardState.LOST ? ListStatus.LOST : ListStatus.BLACKLISTED;
            source = ListedCardReport.Source.CARD;
        } else {
            Optional<Listing> listing = watch.lookup(serial, card.identity().cardNumber());
            if (listing.isEmpty()) {
                return Optional.empty();
            }
            status = listing.get().status();
            source = ListedCardReport.Source.LIST;
        }
        LOG.warn("listed card presented: {} {} (from the {})", card.identity().maskedCardNumber(), status,
                source == ListedCardReport.Source.CARD ? "card" : "host's list");
        Instant now = clock.instant();
        if (policy.reportListedCards() && !reportedJustNow(serial, status, now)) {
            watch.report(ListedCardReport.of(serial, status, source, now));
        }
        return Optional.of(status);
    }

    /** @return whether this card was reported with this status within {@link #REPORT_ONCE_WITHIN}; remembers it if not */
    private boolean reportedJustNow(String serial, ListStatus status, Instant now) {
        Sighting last = reported.get(serial);
        if (last != null && last.status() == status && !now.isAfter(last.at().plus(REPORT_ONCE_WITHIN))
                && !now.isBefore(last.at())) {
            return true;
        }
        if (reported.size() >= MAX_REMEMBERED) {
            reported.clear();
        }
        reported.put(serial, new Sighting(status, now));
        return false;
    }
}
