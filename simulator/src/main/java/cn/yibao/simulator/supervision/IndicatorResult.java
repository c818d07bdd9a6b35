package cn.yibao.simulator.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One indicator of one institution for one month.
 *
 * @param code            which indicator
 * @param institutionCode the institution
 * @param month           the month
 * @param value           yuan (two decimals) or a share (four decimals)
 * @param limit           the policy's ceiling, same unit
 * @param basis           how many settlements it was computed from
 */
public record IndicatorResult(IndicatorCode code, String institutionCode, YearMonth month, BigDecimal value,
        BigDecimal limit, int basis) {

    public IndicatorResult {
        Objects.requireNonNull(code, "code");
        Codes.requireInstitution(institutionCode, "institution code");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(limit, "limit");
        if (basis < 1) {
            throw new IllegalArgumentException("an indicator needs at least one settlement");
        }
    }

    /** @return whether the value is above the ceiling */
    public boolean breached() {
        return value.compareTo(limit) > 0;
    }

    /** @return the value for people: {@code "42.17"} yuan or {@code "12.3%"} */
    public String valueText() {
        return text(value);
    }

    /** @return the ceiling for people */
    public String limitText() {
        return text(limit);
    }

    private String text(BigDecimal v) {
        return code.isMoney()
                ? v.setScale(2, RoundingMode.HALF_UP).toPlainString()
                : v.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
