package cn.yibao.simulator.supervision;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The stay behind an inpatient settlement.
 *
 * @param admission     admission date (入院日期)
 * @param discharge     discharge date (出院日期), not before admission
 * @param diagnosisCode main discharge diagnosis (ICD-10 code)
 */
public record InpatientStay(LocalDate admission, LocalDate discharge, String diagnosisCode) {

    public InpatientStay {
        Objects.requireNonNull(admission, "admission");
        Objects.requireNonNull(discharge, "discharge");
        if (discharge.isBefore(admission)) {
            throw new IllegalArgumentException("discharge before admission");
        }
        Codes.requireCode(diagnosisCode, "diagnosis code");
    }

    /** @return bed-days (at least 1) */
    public long days() {
        return Math.max(1, ChronoUnit.DAYS.between(admission, discharge));
    }
}
