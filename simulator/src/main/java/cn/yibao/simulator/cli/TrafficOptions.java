package cn.yibao.simulator.cli;

import cn.yibao.simulator.supervision.SupervisionPolicy;
import cn.yibao.simulator.supervision.traffic.GeneratedMonth;
import cn.yibao.simulator.supervision.traffic.GeneratorOptions;
import cn.yibao.simulator.supervision.traffic.MonthImport;
import cn.yibao.simulator.supervision.traffic.TrafficGenerator;
import cn.yibao.terminal.cli.BadInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/** Options shared by the supervision subcommands: what traffic to generate and which policy to apply. */
final class TrafficOptions {

    private static final GeneratorOptions D = GeneratorOptions.defaults();

    @Option(names = "--seed", description = "Seed of the generator (default ${DEFAULT-VALUE}).")
    long seed = D.seed();

    @Option(names = "--month", description = "Month to generate, yyyy-MM (default ${DEFAULT-VALUE}).")
    String month = D.month().toString();

    @Option(names = "--pharmacies", description = "Pharmacies (default ${DEFAULT-VALUE}).")
    int pharmacies = D.pharmacies();

    @Option(names = "--cards-per-pharmacy", description = "Insured customers per pharmacy (default ${DEFAULT-VALUE}).")
    int cardsPerPharmacy = D.cardsPerPharmacy();

    @Option(names = "--hospitals", description = "Hospitals (default ${DEFAULT-VALUE}).")
    int hospitals = D.hospitals();

    @Option(names = "--stays-per-hospital", description = "Inpatient stays per hospital (default ${DEFAULT-VALUE}).")
    int staysPerHospital = D.staysPerHospital();

    @Option(names = "--rate-held", description = "Share of pharmacies holding 4-12 customers' cards (default ${DEFAULT-VALUE}).")
    double rateHeld = D.rateHeld();

    @Option(names = "--rate-stolen", description = "Share of cards stolen in the month and used after the loss report (default ${DEFAULT-VALUE}).")
    double rateStolen = D.rateStolen();

    @Option(names = "--rate-split", description = "Share of inpatient stays split in two (default ${DEFAULT-VALUE}).")
    double rateSplit = D.rateSplit();

    @Option(names = "--rate-substitution", description = "Share of pharmacies substituting drugs (default ${DEFAULT-VALUE}).")
    double rateSubstitution = D.rateSubstitution();

    @Option(names = "--policy", paramLabel = "FILE", description = "Supervision policy JSON (default: the bundled one).")
    Path policy;

    @Option(names = "--in", paramLabel = "DIR",
            description = "Read the month from JSON Lines written by 'supervision generate' instead of generating it.")
    Path in;

    /** @return the month read from {@code --in}, or else generated from the options */
    GeneratedMonth month() {
        if (in == null) {
            return TrafficGenerator.generate(options());
        }
        try {
            return MonthImport.read(in, yearMonth());
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException("cannot read " + in + ": " + e.getMessage(), e);
        }
    }

    /** @return where the month comes from, for people */
    String source() {
        GeneratorOptions o = options();
        return in != null ? "month " + yearMonth() + " read from " + in
                : String.format("month %s, seed %d: %d pharmacies x %d cards, %d hospitals x %d stays", o.month(),
                        o.seed(), o.pharmacies(), o.cardsPerPharmacy(), o.hospitals(), o.staysPerHospital());
    }

    GeneratorOptions options() {
        try {
            return new GeneratorOptions(seed, yearMonth(), pharmacies, cardsPerPharmacy, hospitals, staysPerHospital,
                    rateHeld, rateStolen, rateSplit, rateSubstitution);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    YearMonth yearMonth() {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new BadInputException("--month must be yyyy-MM: " + month, e);
        }
    }

    SupervisionPolicy loadPolicy() {
        if (policy == null) {
            return SupervisionPolicy.defaults();
        }
        try {
            return SupervisionPolicy.load(policy);
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException("cannot use policy " + policy + ": " + e.getMessage(), e);
        }
    }
}
