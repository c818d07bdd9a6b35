package cn.yibao.simulator.supervision;

import cn.yibao.card.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the RULES.md §9 indicators per institution for the month: average and largest
 * outpatient prescription, share of large prescriptions, class-C share of cost, inpatient personal
 * burden. A pharmacy sale or an outpatient settlement counts as one prescription.
 */
public final class Indicators {

    private final SupervisionPolicy.IndicatorLimits limits;

    public Indicators(SupervisionPolicy policy) {
        this.limits = policy.indicators();
    }

    /** @return the indicators of every institution with settlements in the month, by institution */
    public List<IndicatorResult> compute(MonthData data) {
        Map<String, List<SettledTransaction>> byInstitution = new LinkedHashMap<>();
        for (SettledTransaction tx : data.transactions()) {
            if (tx.month().equals(data.month())) {
                byInstitution.computeIfAbsent(tx.institutionCode(), k -> new ArrayList<>()).add(tx);
            }
        }
        List<IndicatorResult> out = new ArrayList<>();
        byInstitution.forEach((code, txs) -> out.addAll(forInstitution(data, code, txs)));
        return List.copyOf(out);
    }

    private List<IndicatorResult> forInstitution(MonthData data, String code, List<SettledTransaction> txs) {
        List<IndicatorResult> out = new ArrayList<>();
        long rxCount = 0;
        long largeCount = 0;
        Money rxSum = Money.ZERO;
        Money rxMax = Money.ZERO;
        Money total = Money.ZERO;
        Money classC = Money.ZERO;
        Money ipTotal = Money.ZERO;
        Money ipBurden = Money.ZERO;
        int ipCount = 0;
        for (SettledTransaction tx : txs) {
            Split s = tx.split();
            total = total.plus(s.total());
            classC = classC.plus(s.classC());
            if (tx.visitType().isPrescription()) {
                rxCount++;
                rxSum = rxSum.plus(s.total());
                rxMax = rxMax.max(s.total());
                largeCount += s.total().compareTo(limits.largePrescriptionFrom()) > 0 ? 1 : 0;
            } else {
                ipCount++;
                ipTotal = ipTotal.plus(s.total());
                ipBurden = ipBurden.plus(s.personBurden());
            }
        }
        if (rxCount > 0) {
            int n = (int) rxCount;
            out.add(result(data, code, IndicatorCode.AVG_PRESCRIPTION,
                    rxSum.toYuan().divide(BigDecimal.valueOf(rxCount), 2, RoundingMode.HALF_UP),
                    limits.avgPrescriptionMax().toYuan(), n));
            out.add(result(data, code, IndicatorCode.MAX_SINGLE_PRESCRIPTION, rxMax.toYuan(),
                    limits.singlePrescriptionMax().toYuan(), n));
            out.add(result(data, code, IndicatorCode.LARGE_PRESCRIPTION_SHARE,
                    ratio(largeCount, rxCount), limits.largePrescriptionMaxShare(), n));
        }
        if (total.fen() > 0) {
            out.add(result(data, code, IndicatorCode.CLASS_C_SHARE, ratio(classC.fen(), total.fen()),
                    limits.classCMaxShare(), txs.size()));
        }
        if (ipCount > 0 && ipTotal.fen() > 0) {
            out.add(result(data, code, IndicatorCode.INPATIENT_BURDEN, ratio(ipBurden.fen(), ipTotal.fen()),
                    limits.inpatientBurdenMaxShare(), ipCount));
        }
        return out;
    }

    private static IndicatorResult result(MonthData data, String code, IndicatorCode ic, BigDecimal value,
            BigDecimal limit, int basis) {
        return new IndicatorResult(ic, code, data.month(), value, limit, basis);
    }

    private static BigDecimal ratio(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
