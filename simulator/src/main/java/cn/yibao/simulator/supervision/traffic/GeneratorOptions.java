package cn.yibao.simulator.supervision.traffic;

import java.time.YearMonth;
import java.util.Objects;

/**
 * What the traffic generator produces: size, month, seed and the rates of injected fraud.
 *
 * @param seed               seed of the pseudo-random sequence; same options, same month
 * @param month              the month generated
 * @param pharmacies         number of pharmacies
 * @param cardsPerPharmacy   insured people who buy at each pharmacy
 * @param hospitals          number of hospitals (inpatient stays)
 * @param staysPerHospital   inpatient stays per hospital in the month
 * @param rateHeld           share of pharmacies that hold 4 to 12 of their customers' cards (滞卡)
 * @param rateStolen         share of cards stolen in the month, reported lost and used afterwards (盗刷)
 * @param rateSplit          share of inpatient stays split into two admissions (分解住院)
 * @param rateSubstitution   share of pharmacies that substitute drugs for daily goods (串换)
 */
public record GeneratorOptions(long seed, YearMonth month, int pharmacies, int cardsPerPharmacy, int hospitals,
        int staysPerHospital, double rateHeld, double rateStolen, double rateSplit, double rateSubstitution) {

    /** Default month of the generated traffic. */
    public static final YearMonth DEFAULT_MONTH = YearMonth.of(2026, 10);

    public GeneratorOptions {
        Objects.requireNonNull(month, "month");
        range(pharmacies, 1, 5000, "pharmacies");
        range(cardsPerPharmacy, 10, 5000, "cardsPerPharmacy");
        range(hospitals, 0, 500, "hospitals");
        range(staysPerHospital, 1, 5000, "staysPerHospital");
        rate(rateHeld, "rateHeld");
        rate(rateStolen, "rateStolen");
        rate(rateSplit, "rateSplit");
        rate(rateSubstitution, "rateSubstitution");
    }

    /** @return the default options: 200 pharmacies of 300 cards, 10 hospitals of 80 stays, 2026-10 */
    public static GeneratorOptions defaults() {
        return new GeneratorOptions(1, DEFAULT_MONTH, 200, 300, 10, 80, 0.05, 0.002, 0.05, 0.05);
    }

    private static void range(int v, int min, int max, String what) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(what + " must be between " + min + " and " + max);
        }
    }

    private static void rate(double r, String what) {
        if (!(r >= 0 && r <= 0.5)) {
            throw new IllegalArgumentException(what + " must be between 0 and 0.5");
        }
    }
}
