package cn.yibao.simulator.supervision.report;

import cn.yibao.card.Money;
import cn.yibao.simulator.supervision.CardSighting;
import cn.yibao.simulator.supervision.Finding;
import cn.yibao.simulator.supervision.IndicatorResult;
import cn.yibao.simulator.supervision.Institution;
import cn.yibao.simulator.supervision.PharmacyScore;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * What the monthly supervision report of one pharmacy shows.
 *
 * @param pharmacy   the pharmacy
 * @param month      the month
 * @param txCount    insured settlements in the month
 * @param total      their total
 * @param account    paid from personal accounts
 * @param cash       paid in cash
 * @param daily      total per day of the month (index 0 = day 1)
 * @param hourly     settlements per hour of the day (24 entries)
 * @param indicators the §9 indicators
 * @param findings   the detectors' findings about this pharmacy
 * @param score      the year's 12-point standing
 * @param sightings  lost or blacklisted cards presented at this pharmacy's counters and refused (9121)
 */
public record PharmacyMonthReport(Institution pharmacy, YearMonth month, int txCount, Money total, Money account,
        Money cash, List<Money> daily, List<Integer> hourly, List<IndicatorResult> indicators,
        List<Finding> findings, PharmacyScore score, List<CardSighting> sightings) {

    public PharmacyMonthReport {
        Objects.requireNonNull(pharmacy, "pharmacy");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(score, "score");
        daily = List.copyOf(daily);
        hourly = List.copyOf(hourly);
        indicators = List.copyOf(indicators);
        findings = List.copyOf(findings);
        sightings = List.copyOf(sightings);
        if (daily.size() != month.lengthOfMonth() || hourly.size() != 24) {
            throw new IllegalArgumentException("daily needs one entry per day, hourly 24");
        }
    }
}
