package cn.yibao.terminal.policy;

import cn.yibao.card.Money;
import java.time.Duration;

/**
 * What the counter refuses at once (RULES.md §9, issue 7) and how far it may settle while the host
 * is unreachable. Section {@code counter} of a pack; a pack without it gets {@link #DEFAULT}.
 *
 * @param refuseNonMedical          refuse non-medical goods (daily goods, class N) on an insured sale
 * @param refuseListedCards         refuse a card on the lost or blacklist lists
 * @param reportListedCards         report a listed card presented at the counter to the host at once
 * @param refuseInHospitalAtPharmacy refuse an "in hospital" card at a pharmacy
 * @param refuseEmptySale           refuse a sale with no items
 * @param prescriptionRequired      refuse a prescription-only drug without a prescription reference
 * @param dailyInsuredPurchases     most insured purchases by one card in a day at this terminal
 *                                  (0: no limit)
 * @param offline                   what may be settled while settlements wait for the host
 * @param allowPriceAboveCatalog    {@code price_above_catalog}: {@code allow} (true) lets a line's
 *                                  unit price be above the catalog's; {@code refuse} (false, the
 *                                  default) makes the catalog price the ceiling
 */
public record CounterPolicy(boolean refuseNonMedical, boolean refuseListedCards, boolean reportListedCards,
        boolean refuseInHospitalAtPharmacy, boolean refuseEmptySale, boolean prescriptionRequired,
        int dailyInsuredPurchases, OfflineLimit offline, boolean allowPriceAboveCatalog) {

    /** Largest daily purchase limit a pack may set. */
    public static final int MAX_DAILY = 1_000;

    /** The settings of a pack without a {@code counter} section (the Changchun 2010 values). */
    public static final CounterPolicy DEFAULT = new CounterPolicy(true, true, true, true, true, true, 3,
            OfflineLimit.DEFAULT, false);

    public CounterPolicy {
        if (dailyInsuredPurchases < 0 || dailyInsuredPurchases > MAX_DAILY) {
            throw new IllegalArgumentException("counter.daily_insured_purchases: 0 to " + MAX_DAILY + " required");
        }
        Rules.required("counter.offline", offline);
    }

    /** Settings with the catalog price as the ceiling ({@code price_above_catalog} refuse). */
    public CounterPolicy(boolean refuseNonMedical, boolean refuseListedCards, boolean reportListedCards,
            boolean refuseInHospitalAtPharmacy, boolean refuseEmptySale, boolean prescriptionRequired,
            int dailyInsuredPurchases, OfflineLimit offline) {
        this(refuseNonMedical, refuseListedCards, reportListedCards, refuseInHospitalAtPharmacy, refuseEmptySale,
                prescriptionRequired, dailyInsuredPurchases, offline, false);
    }

    /** @return these settings with another daily purchase limit (0: none) */
    public CounterPolicy withDailyInsuredPurchases(int limit) {
        return new CounterPolicy(refuseNonMedical, refuseListedCards, reportListedCards, refuseInHospitalAtPharmacy,
                refuseEmptySale, prescriptionRequired, limit, offline, allowPriceAboveCatalog);
    }

    /** @return these settings with {@code price_above_catalog} allow (true) or refuse (false) */
    public CounterPolicy withPriceAboveCatalog(boolean allow) {
        return new CounterPolicy(refuseNonMedical, refuseListedCards, reportListedCards, refuseInHospitalAtPharmacy,
                refuseEmptySale, prescriptionRequired, dailyInsuredPurchases, offline, allow);
    }

    /** @return these settings with another offline limit */
    public CounterPolicy withOffline(OfflineLimit limit) {
        return new CounterPolicy(refuseNonMedical, refuseListedCards, reportListedCards, refuseInHospitalAtPharmacy,
                refuseEmptySale, prescriptionRequired, dailyInsuredPurchases, limit, allowPriceAboveCatalog);
    }

    /**
     * Bounds on the settlements the host has not acknowledged yet (the store-and-forward queue):
     * while any bound would be exceeded by a new settlement, the counter refuses it.
     *
     * @param maxInsuredAmount most fund plus account payments (fund_pay_sumamt + acct_pay) in the
     *                         queue, the new settlement included, while the host link is down
     * @param maxCount         most settlements in the queue, the new one included
     * @param maxAge           oldest a queued settlement may be
     */
    public record OfflineLimit(Money maxInsuredAmount, int maxCount, Duration maxAge) {

        /** Largest queue a pack may allow. */
        public static final int MAX_COUNT = 1_000_000;

        /** The Changchun 2010 values: 5,000.00 yuan, 500 settlements, 72 hours. */
        public static final OfflineLimit DEFAULT = new OfflineLimit(Money.ofYuan(5_000), 500, Duration.ofHours(72));

        public OfflineLimit {
            Rules.required("counter.offline.max_insured_amount", maxInsuredAmount);
            if (maxCount < 1 || maxCount > MAX_COUNT) {
                throw new IllegalArgumentException("counter.offline.max_count: 1 to " + MAX_COUNT + " required");
            }
            Rules.required("counter.offline.max_hours", maxAge);
            if (maxAge.isNegative() || maxAge.isZero() || maxAge.toHours() > 24 * 31) {
                throw new IllegalArgumentException("counter.offline.max_hours: 1 to 744 required");
            }
        }
    }
}
