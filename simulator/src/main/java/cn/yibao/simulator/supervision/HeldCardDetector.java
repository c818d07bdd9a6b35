package cn.yibao.simulator.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Held cards (滞卡): the pharmacy keeps insured people's cards and swipes them itself. Per
 * pharmacy and card in the month: many sales, the holder (almost) never verified in person, and
 * either a good share at odd hours or sales at regular intervals (the source's "every two or
 * three days", at the same time of day). Regular daytime sales alone are also what a carer does for a
 * bedridden holder, so they count only when the pharmacy has several such cards: holding cards is
 * a pharmacy practice.
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
            if (tx.visitType() == HostVisitType.PHARMACY && tx.month().equals(data.month())) {
                byCardAtPharmacy.computeIfAbsent(tx.institutionCode() + "/" + tx.card().token(),
                        k -> new ArrayList<>()).add(tx);
            }
        }
        List<Suspect> suspects = new ArrayList<>();
        byCardAtPharmacy.forEach((key, txs) -> {
            if (txs.size() >= policy.minSales()) {
                txs.sort(Comparator.comparing(SettledTransaction::time));
                Suspect s = examine(key, txs);
                if (s != null) {
                    suspects.add(s);
                }
            }
        });
        Map<String, Integer> perPharmacy = new HashMap<>();
        suspects.forEach(s -> perPharmacy.merge(s.pharmacy(), 1, Integer::sum));
        List<Finding> out = new ArrayList<>();
        for (Suspect s : suspects) {
            int atPharmacy = perPharmacy.get(s.pharmacy());
            if (s.oddHours() || atPharmacy >= policy.minSuspectCardsForRegular()) {
                out.add(finding(data, s, atPharmacy));
            }
        }
        return List.copyOf(out);
    }

    /** A card whose pattern matches, before the pharmacy-level corroboration. */
    private record Suspect(String key, String pharmacy, List<SettledTransaction> txs, long verified, long odd,
            BigDecimal cv, boolean oddHours, boolean regular) {
    }

    private Suspect examine(String key, List<SettledTransaction> txs) {
        int n = txs.size();
        long verified = txs.stream().filter(SettledTransaction::holderVerified).count();
        long odd = txs.stream().filter(t -> policy.isOdd(t.time().toLocalTime())).count();
        BigDecimal cv = intervalCv(txs);
        if (share(verified, n).compareTo(policy.maxHolderVerifiedShare()) > 0) {
            return null;
        }
        boolean oddHours = share(odd, n).compareTo(policy.minOddShare()) >= 0;
        boolean regular = cv.compareTo(policy.maxIntervalCv()) <= 0
                && timeOfDaySpread(txs) <= policy.maxTimeOfDaySpreadMinutes();
        return oddHours || regular
                ? new Suspect(key, txs.get(0).institutionCode(), txs, verified, odd, cv, oddHours, regular) : null;
    }

    private Finding finding(MonthData data, Suspect s, int atPharmacy) {
        String masked = s.txs().get(0).card().masked();
        String zh = String.format("卡 %s 本月在本店刷卡 %d 次，本人核验 %d 次，非营业时段 %d 次，间隔变异系数 %s%s；"
                + "本店同类卡 %d 张", masked, s.txs().size(), s.verified(), s.odd(), s.cv().toPlainString(),
                s.regular() ? "（间隔规律）" : "", atPharmacy);
        String en = String.format("card %s: %d sales this month at this pharmacy, %d holder-verified, %d at odd hours,"
                + " interval CV %s%s; %d such cards at this pharmacy", masked, s.txs().size(), s.verified(), s.odd(),
                s.cv().toPlainString(), s.regular() ? " (regular)" : "", atPharmacy);
        return new Finding(code(), s.pharmacy(), data.month(), s.key(), zh, en,
                s.txs().stream().map(SettledTransaction::txId).toList());
    }

    /** Standard deviation of the minute of the day of the sales: a routine swipes at the same time. */
    static double timeOfDaySpread(List<SettledTransaction> txs) {
        double mean = txs.stream().mapToInt(t -> t.time().toLocalTime().toSecondOfDay()).average().orElse(0) / 60;
        double var = 0;
        for (SettledTransaction t : txs) {
            double d = t.time().toLocalTime().toSecondOfDay() / 60.0 - mean;
            var += d * d / txs.size();
        }
        return Math.sqrt(var);
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
