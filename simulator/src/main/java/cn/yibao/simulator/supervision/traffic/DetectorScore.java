package cn.yibao.simulator.supervision.traffic;

import cn.yibao.simulator.supervision.FindingCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Precision and recall of one detector against the labels.
 *
 * @param code          the detector's finding code
 * @param labelled      injected cases
 * @param flagged       findings produced
 * @param truePositives findings that match a label
 */
public record DetectorScore(FindingCode code, int labelled, int flagged, int truePositives) {

    public DetectorScore {
        Objects.requireNonNull(code, "code");
        if (truePositives < 0 || truePositives > labelled || truePositives > flagged) {
            throw new IllegalArgumentException("inconsistent counts");
        }
    }

    /** @return TP / flagged, or 1 when nothing was flagged */
    public BigDecimal precision() {
        return ratio(truePositives, flagged);
    }

    /** @return TP / labelled, or 1 when nothing was labelled */
    public BigDecimal recall() {
        return ratio(truePositives, labelled);
    }

    public int falsePositives() {
        return flagged - truePositives;
    }

    public int falseNegatives() {
        return labelled - truePositives;
    }

    private static BigDecimal ratio(int part, int whole) {
        return whole == 0 ? BigDecimal.ONE.setScale(3)
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }
}
