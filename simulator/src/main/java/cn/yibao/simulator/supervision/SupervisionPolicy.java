package cn.yibao.simulator.supervision;

import cn.yibao.card.Money;
import cn.yibao.terminal.json.FileJson;
import cn.yibao.terminal.json.MoneyJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The supervision policy: every threshold of the host-side supervision as data (JSON, file
 * {@code supervision-policy.json}, versioned). Amounts are yuan strings with at most two decimals;
 * shares are exact decimals between 0 and 1. The bundled default carries RULES.md §9's numbers.
 *
 * @param version        policy version, e.g. {@code "sup-cc-2026.1"}
 * @param indicators     §9 institution indicators
 * @param scoring        the yearly 12-point pharmacy scoring
 * @param heldCard       held-card (滞卡) detector thresholds
 * @param postLoss       use-after-loss-report (盗刷) detector thresholds
 * @param splitAdmission split-admission (分解住院) detector thresholds
 * @param substitution   substitution (串换) detector thresholds
 */
public record SupervisionPolicy(String version, IndicatorLimits indicators, Scoring scoring, HeldCard heldCard,
        PostLoss postLoss, SplitAdmission splitAdmission, Substitution substitution) {

    /** Name of the bundled default, next to this class. */
    public static final String RESOURCE = "supervision-policy.json";
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z._-]{1,40}");
    private static final long MAX_FILE_BYTES = 64 * 1024;

    public SupervisionPolicy {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("policy version malformed: " + version);
        }
        Objects.requireNonNull(indicators, "indicators");
        Objects.requireNonNull(scoring, "scoring");
        Objects.requireNonNull(heldCard, "heldCard");
        Objects.requireNonNull(postLoss, "postLoss");
        Objects.requireNonNull(splitAdmission, "splitAdmission");
        Objects.requireNonNull(substitution, "substitution");
    }

    /**
     * §9 indicators per institution and month.
     *
     * @param avgPrescriptionMax        average outpatient prescription ceiling (50 yuan)
     * @param singlePrescriptionMax     single prescription ceiling (80 yuan)
     * @param largePrescriptionFrom     a prescription above this is "large" (80 yuan)
     * @param largePrescriptionMaxShare largest share of large prescriptions (0.20)
     * @param classCMaxShare            largest class-C share of cost (0.10)
     * @param inpatientBurdenMaxShare   largest inpatient personal burden (0.30)
     */
    public record IndicatorLimits(Money avgPrescriptionMax, Money singlePrescriptionMax, Money largePrescriptionFrom,
            BigDecimal largePrescriptionMaxShare, BigDecimal classCMaxShare, BigDecimal inpatientBurdenMaxShare) {
        public IndicatorLimits {
            positive(avgPrescriptionMax, "avgPrescriptionMax");
            positive(singlePrescriptionMax, "singlePrescriptionMax");
            positive(largePrescriptionFrom, "largePrescriptionFrom");
            share(largePrescriptionMaxShare, "largePrescriptionMaxShare");
            share(classCMaxShare, "classCMaxShare");
            share(inpatientBurdenMaxShare, "inpatientBurdenMaxShare");
        }
    }

    /**
     * The 莆田 12-point scheme: points per natural year, penalty above a number of points deducted.
     *
     * @param yearlyPoints             points a pharmacy starts the year with (12)
     * @param penaltyAbovePoints       deducted points above which the pharmacy is penalised (7)
     * @param pointsPerFinding         points deducted per finding of each code
     * @param pointsPerIndicatorBreach points deducted per breached indicator per month
     */
    public record Scoring(int yearlyPoints, int penaltyAbovePoints, Map<FindingCode, Integer> pointsPerFinding,
            int pointsPerIndicatorBreach) {
        public Scoring {
            if (yearlyPoints < 1 || yearlyPoints > 100 || penaltyAbovePoints < 0 || penaltyAbovePoints >= yearlyPoints) {
                throw new IllegalArgumentException("scoring points out of range");
            }
            Objects.requireNonNull(pointsPerFinding, "pointsPerFinding");
            pointsPerFinding = Map.copyOf(new EnumMap<>(pointsPerFinding));
            for (FindingCode code : FindingCode.values()) {
                Integer p = pointsPerFinding.get(code);
                if (p == null || p < 0 || p > yearlyPoints) {
                    throw new IllegalArgumentException("points for " + code + " missing or out of range");
                }
            }
            if (pointsPerIndicatorBreach < 0 || pointsPerIndicatorBreach > yearlyPoints) {
                throw new IllegalArgumentException("pointsPerIndicatorBreach out of range");
            }
        }
    }

    /**
     * Held card (滞卡): a card with at least {@code minSales} sales at one pharmacy in the month,
     * holder-verified in at most {@code maxHolderVerifiedShare} of them, and either at odd hours
     * ({@code oddFrom}–{@code oddUntil}) in at least {@code minOddShare} of them or at regular
     * intervals (coefficient of variation of the gaps at most {@code maxIntervalCv}) at the same
     * time of day (standard deviation at most {@code maxTimeOfDaySpreadMinutes}); regular sales
     * without odd hours count only at a pharmacy with at least {@code minSuspectCardsForRegular}
     * cards that show either pattern.
     */
    public record HeldCard(int minSales, BigDecimal maxHolderVerifiedShare, String oddFrom, String oddUntil,
            BigDecimal minOddShare, BigDecimal maxIntervalCv, int maxTimeOfDaySpreadMinutes,
            int minSuspectCardsForRegular) {
        public HeldCard {
            if (maxTimeOfDaySpreadMinutes < 0 || maxTimeOfDaySpreadMinutes > 24 * 60) {
                throw new IllegalArgumentException("heldCard.maxTimeOfDaySpreadMinutes out of range");
            }
            if (minSales < 2 || minSales > 1000) {
                throw new IllegalArgumentException("heldCard.minSales out of range");
            }
            if (minSuspectCardsForRegular < 1 || minSuspectCardsForRegular > 1000) {
                throw new IllegalArgumentException("heldCard.minSuspectCardsForRegular out of range");
            }
            share(maxHolderVerifiedShare, "maxHolderVerifiedShare");
            share(minOddShare, "minOddShare");
            if (maxIntervalCv == null || maxIntervalCv.signum() < 0 || maxIntervalCv.compareTo(BigDecimal.TEN) > 0) {
                throw new IllegalArgumentException("maxIntervalCv out of range");
            }
            LocalTime.parse(Objects.requireNonNull(oddFrom, "oddFrom"));
            LocalTime.parse(Objects.requireNonNull(oddUntil, "oddUntil"));
        }

        /** @return whether a time of day falls in the odd hours (the window may wrap midnight) */
        public boolean isOdd(LocalTime t) {
            LocalTime from = LocalTime.parse(oddFrom);
            LocalTime until = LocalTime.parse(oddUntil);
            return from.isAfter(until)
                    ? !t.isBefore(from) || t.isBefore(until)
                    : !t.isBefore(from) && t.isBefore(until);
        }
    }

    /** Use after a loss report: a settlement at least {@code graceMinutes} after the report. */
    public record PostLoss(int graceMinutes) {
        public PostLoss {
            if (graceMinutes < 0 || graceMinutes > 24 * 60) {
                throw new IllegalArgumentException("postLoss.graceMinutes out of range");
            }
        }
    }

    /**
     * Split admission: readmission to the same hospital at most {@code maxGapDays} days after a
     * discharge, with the same diagnosis or with both stays at or below {@code cheapStayMax}.
     */
    public record SplitAdmission(int maxGapDays, Money cheapStayMax) {
        public SplitAdmission {
            if (maxGapDays < 0 || maxGapDays > 365) {
                throw new IllegalArgumentException("splitAdmission.maxGapDays out of range");
            }
            positive(cheapStayMax, "cheapStayMax");
        }
    }

    /**
     * Substitution: per pharmacy and drug, the quantity sold on cards exceeds the net sale
     * stock-out by at least {@code minExcessUnits} and by at least {@code minExcessShare} of it.
     */
    public record Substitution(int minExcessUnits, BigDecimal minExcessShare) {
        public Substitution {
            if (minExcessUnits < 1 || minExcessUnits > 1_000_000) {
                throw new IllegalArgumentException("substitution.minExcessUnits out of range");
            }
            share(minExcessShare, "minExcessShare");
        }
    }

    /** @return the bundled default policy */
    public static SupervisionPolicy defaults() {
        try (InputStream in = SupervisionPolicy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled " + RESOURCE + " is missing");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a policy file; malformed or out-of-range content is an {@link IllegalArgumentException}. */
    public static SupervisionPolicy load(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IllegalArgumentException("policy file larger than " + MAX_FILE_BYTES + " bytes");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    static SupervisionPolicy read(InputStream in) throws IOException {
        try {
            return mapper().readValue(in, SupervisionPolicy.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("supervision policy rejected: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectMapper mapper() {
        SimpleModule money = new SimpleModule("money");
        money.addDeserializer(Money.class, MoneyJson.YUAN.deserializer());
        return FileJson.mapper(money);
    }

    private static void positive(Money m, String what) {
        if (m == null || m.fen() <= 0) {
            throw new IllegalArgumentException(what + " must be a positive amount");
        }
    }

    private static void share(BigDecimal s, String what) {
        if (s == null || s.signum() < 0 || s.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(what + " must be a share between 0 and 1");
        }
    }
}
