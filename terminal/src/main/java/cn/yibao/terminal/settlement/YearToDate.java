package cn.yibao.terminal.settlement;

import cn.yibao.card.Money;

/**
 * Year-to-date positions (RULES.md {@code ytd_base}, {@code ytd_over}, {@code ytd_outpatient}): in
 * a request the positions before the settlement (at most {@link Limits#MAX_YEAR_TO_DATE} each), in a
 * result the positions after it.
 *
 * @param base       base already handled by basic pooling this year
 * @param overLimit  cumulative amount above the annual pooling limit this year
 * @param outpatient cumulative outpatient eligible amount this year
 */
public record YearToDate(Money base, Money overLimit, Money outpatient) {

    /** All zeros: the first settlement of the year. */
    public static final YearToDate ZERO = new YearToDate(Money.ZERO, Money.ZERO, Money.ZERO);

    public YearToDate {
        Limits.bounded("base", base, Money.ofFen(Money.MAX_FEN));
        Limits.bounded("over_limit", overLimit, Money.ofFen(Money.MAX_FEN));
        Limits.bounded("outpatient", outpatient, Money.ofFen(Money.MAX_FEN));
    }
}
