package cn.yibao.card.app;

import cn.yibao.card.Money;

/**
 * The offline-settlement accumulators of DF04 EF06: the year-to-date amounts RULES.md needs.
 *
 * @param year the year they belong to; amounts of an earlier year count as zero
 * @param ytdBase base handled by basic pooling this year (RULES.md §5)
 * @param ytdOver cumulative over-limit amount this year (large-amount relief bands)
 * @param ytdOutpatient cumulative outpatient eligible amount this year (RULES.md §7)
 */
public record Accumulators(int year, Money ytdBase, Money ytdOver, Money ytdOutpatient) {

    public Accumulators {
        if (year < 2000 || year > 2099) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        if (ytdBase == null || ytdOver == null || ytdOutpatient == null
                || ytdBase.isNegative() || ytdOver.isNegative() || ytdOutpatient.isNegative()) {
            throw new IllegalArgumentException("amounts required and not negative");
        }
    }

    /** @return zero accumulators for {@code year} */
    public static Accumulators zero(int year) {
        return new Accumulators(year, Money.ZERO, Money.ZERO, Money.ZERO);
    }

    /** @return the accumulators as they count in {@code year}: zero if they belong to an earlier year */
    public Accumulators asOf(int settlementYear) {
        return settlementYear > year ? zero(settlementYear) : this;
    }
}
