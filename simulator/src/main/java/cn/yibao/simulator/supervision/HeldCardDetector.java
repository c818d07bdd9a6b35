package cn.yibao.simulator.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Held cards (滞卡): the pharmacy keeps insured people's cards and swipes them itself. Per
 * pharmacy and card in the month: many sales, the holder (almost) never verified in person, and
 * either a good share at odd hours or sales at regular intervals (the source's "every two or
 * three days").
 */
public final class HeldCardDetector implements Detector {

    private final SupervisionPolicy.HeldCard policy;

    public HeldCardDetector(SupervisionPolicy.HeldCard policy) {
        this.policy = policy;
    }

    @Override
    public FindingCode code() {
        return FindingCode.HELD_CARD;
    }

    @Override
    public List<Finding> detect(MonthData data) {
        Map<String, List<SettledTransaction>> byCardAtPharmacy = new LinkedHashMap<>();
        for (SettledTransaction tx : data.transactions()) {
            if (tx.visitType() == VisitType.PHARMACY && tx.month().equals(data.month())) {
                byCardAtPharmacy.computeIfAbsent(tx.institutionCode() + "/" + tx.card().token(),
                        k -> new ArrayList<>()).add(tx);
            }
        }
        List<Finding> out = new ArrayList<>();
        byCardAtPharmacy.forEach((key, txs) -> {
            if (txs.size() >= policy.minSales()) {
                txs.sort(Comparator.comparing(SettledTransaction::time));
                examine(data, key, txs, out);
            }
        });
        return List.copyOf(out);
    }

    private void examine(MonthData data, String key, List<SettledTransaction> txs, List<Finding> out) {
        int n = txs.size();
        long verified = txs.stream().filter(SettledTransaction::holderVerified).count();
        long odd = txs.stream().filter(t -> policy.isOdd(t.time().toLocalTime())).count();
        BigDecimal verifiedShare = share(verified, n);
        BigDecimal oddShare = share(odd, n);
        BigDecimal cv = intervalCv(txs);
        if (verifiedShare.compareTo(policy.maxHolderVerifiedShare()) > 0) {
            return;
        }
        boolean oddHours = oddShare.compareTo(policy.minOddShare()) >= 0;
        boolean regular = cv.compareTo(policy.maxIntervalCv()) <= 0;
        if (!oddHours && !regular) {
            return;
        }
        SettledTransaction first = txs.get(0);
        String zh = String.format("卡 %s 本月在本店刷卡 %d 次，本人核验 %d 次，非营业时段 %d 次，间隔变异系数 %s%s",
                first.card().masked(), n, verified, odd, cv.toPlainString(), regular ? "（间隔规律）" : "");
        String en = String.format("card %s: %d sales this month at this pharmacy, %d holder-verified, %d at odd hours,"
                + " interval CV %s%s", first.card().masked(), n, verified, odd, cv.toPlainString(),
                regular ? " (regular)" : "");
        out.add(new Finding(code(), first.institutionCode(), data.month(), key, zh, en,
                txs.stream().map(SettledTransaction::txId).toList()));
    }

    /** Coefficient of variation of the gaps between consecutive sales (0 = perfectly regular). */
    static BigDecimal intervalCv(List<SettledTransaction> sorted) {
        int gaps = sorted.size() - 1;
        if (gaps < 2) {
            return BigDecimal.TEN;
        }
        double[] g = new double[gaps];
        double mean = 0;
        for (int i = 0; i < gaps; i++) {
            g[i] = Duration.between(sorted.get(i).time(), sorted.get(i + 1).time()).toMinutes();
            mean += g[i] / gaps;
        }
        if (mean <= 0) {
            return BigDecimal.TEN;
        }
        double var = 0;
        for (double x : g) {
            var += (x - mean) * (x - mean) / gaps;
        }
        return BigDecimal.valueOf(Math.sqrt(var) / mean).setScale(3, RoundingMode.HALF_UP);
    }

    private static BigDecimal share(long part, int whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
