package cn.yibao.simulator.supervision;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pharmacy's standing in the yearly 12-point scheme (莆田 记分制).
 *
 * @param institutionCode   the pharmacy
 * @param year              the natural year
 * @param deducted          points deducted so far this year
 * @param yearlyPoints      points the year started with
 * @param penaltyAbove      deducted points above which the pharmacy is penalised
 * @param findingsByCode    how many findings of each code were counted
 * @param indicatorBreaches how many indicator breaches were counted
 */
public record PharmacyScore(String institutionCode, int year, int deducted, int yearlyPoints, int penaltyAbove,
        Map<FindingCode, Integer> findingsByCode, int indicatorBreaches) {

    public PharmacyScore {
        Codes.requireInstitution(institutionCode, "institution code");
        if (deducted < 0) {
            throw new IllegalArgumentException("negative deduction");
        }
        findingsByCode = Map.copyOf(findingsByCode);
    }

    /** @return points left, never below zero */
    public int remaining() {
        return Math.max(0, yearlyPoints - deducted);
    }

    /** @return whether the pharmacy is above the penalty line (suspension of insurance service) */
    public boolean penalised() {
        return deducted > penaltyAbove;
    }

    /**
     * Scores one pharmacy for a year from its findings and indicator results (those of other
     * institutions or years are ignored). Each finding deducts its code's points; each breached
     * indicator of a month deducts the breach points.
     */
    public static PharmacyScore of(SupervisionPolicy.Scoring scoring, String institutionCode, int year,
            List<Finding> findings, List<IndicatorResult> indicators) {
        Objects.requireNonNull(scoring, "scoring");
        Map<FindingCode, Integer> counts = new EnumMap<>(FindingCode.class);
        int deducted = 0;
        for (Finding f : findings) {
            if (f.institutionCode().equals(institutionCode) && f.month().getYear() == year) {
                counts.merge(f.code(), 1, Integer::sum);
                deducted += scoring.pointsPerFinding().get(f.code());
            }
        }
        int breaches = 0;
        for (IndicatorResult r : indicators) {
            if (r.institutionCode().equals(institutionCode) && r.month().getYear() == year && r.breached()) {
                breaches++;
                deducted += scoring.pointsPerIndicatorBreach();
            }
        }
        return new PharmacyScore(institutionCode, year, deducted, scoring.yearlyPoints(),
                scoring.penaltyAbovePoints(), counts, breaches);
    }
}
