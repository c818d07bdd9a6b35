package cn.yibao.simulator.supervision.report;

import cn.yibao.card.Money;
import cn.yibao.simulator.supervision.Detector;
import cn.yibao.simulator.supervision.Finding;
import cn.yibao.simulator.supervision.IndicatorResult;
import cn.yibao.simulator.supervision.Indicators;
import cn.yibao.simulator.supervision.Institution;
import cn.yibao.simulator.supervision.MonthData;
import cn.yibao.simulator.supervision.PharmacyScore;
import cn.yibao.simulator.supervision.SettledTransaction;
import cn.yibao.simulator.supervision.SupervisionPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the monthly report of every pharmacy: indicators, every detector's findings, the score. */
public final class MonthlyReports {

    private MonthlyReports() {
    }

    /** @return one report per pharmacy, in the order of the month's institutions */
    public static List<PharmacyMonthReport> build(MonthData data, SupervisionPolicy policy) {
        List<IndicatorResult> indicators = new Indicators(policy).compute(data);
        List<Finding> findings = new ArrayList<>();
        for (Detector d : Detector.all(policy)) {
            findings.addAll(d.detect(data));
        }
        Map<String, List<SettledTransaction>> byPharmacy = new HashMap<>();
        for (SettledTransaction tx : data.transactions()) {
            if (tx.month().equals(data.month())) {
                byPharmacy.computeIfAbsent(tx.institutionCode(), k -> new ArrayList<>()).add(tx);
            }
        }
        List<PharmacyMonthReport> out = new ArrayList<>();
        for (Institution i : data.institutions()) {
            if (i.kind() == Institution.Kind.PHARMACY) {
                out.add(one(data, policy, i, byPharmacy.getOrDefault(i.code(), List.of()), indicators, findings));
            }
        }
        return List.copyOf(out);
    }

    private static PharmacyMonthReport one(MonthData data, SupervisionPolicy policy, Institution pharmacy,
            List<SettledTransaction> txs, List<IndicatorResult> allIndicators, List<Finding> allFindings) {
        long[] daily = new long[data.month().lengthOfMonth()];
        Integer[] hourly = new Integer[24];
        Arrays.fill(hourly, 0);
        Money total = Money.ZERO;
        Money account = Money.ZERO;
        Money cash = Money.ZERO;
        for (SettledTransaction tx : txs) {
            daily[tx.time().getDayOfMonth() - 1] += tx.split().total().fen();
            hourly[tx.time().getHour()]++;
            total = total.plus(tx.split().total());
            account = account.plus(tx.split().account());
            cash = cash.plus(tx.split().cash());
        }
        List<IndicatorResult> indicators = allIndicators.stream()
                .filter(r -> r.institutionCode().equals(pharmacy.code())).toList();
        List<Finding> findings = allFindings.stream().filter(f -> f.institutionCode().equals(pharmacy.code())).toList();
        PharmacyScore score = PharmacyScore.of(policy.scoring(), pharmacy.code(), data.month().getYear(), findings,
                indicators);
        return new PharmacyMonthReport(pharmacy, data.month(), txs.size(), total, account, cash,
                Arrays.stream(daily).mapToObj(Money::ofFen).toList(), Arrays.asList(hourly), indicators, findings,
                score, data.sightings().stream().filter(s -> s.fixmedinsCode().equals(pharmacy.code())).toList());
    }
}
