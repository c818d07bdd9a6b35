package cn.yibao.terminal.policy;

import cn.yibao.card.Money;
import java.math.BigDecimal;

/**
 * A rate between 0 and 1, held exactly in millionths (so {@code 0.12} is 120,000). Applying it
 * to an amount rounds half-up to the fen, in integer arithmetic.
 *
 * @param millionths the rate times 1,000,000
 */
public record Rate(long millionths) {

    private static final long ONE = 1_000_000L;

    public Rate {
        if (millionths < 0 || millionths > ONE) {
            throw new IllegalArgumentException("rate out of [0, 1]: " + millionths + " millionths");
        }
    }

    /**
     * Parses a decimal rate such as {@code "0.12"}.
     *
     * @throws IllegalArgumentException if it is not a decimal in [0, 1] with at most six places
     */
    public static Rate parse(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("not a rate: " + text, e);
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("rate out of [0, 1]: " + text);
        }
        if (value.stripTrailingZeros().scale() > 6) {
            throw new IllegalArgumentException("rate with more than six decimals: " + text);
        }
        return new Rate(value.movePointRight(6).longValueExact());
    }

    /** @return {@code amount × rate}, rounded half-up to the fen; {@code amount} must not be negative */
    public Money apply(Money amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("rate applied to a negative amount: " + amount);
        }
        return Money.ofFen((Math.multiplyExact(amount.fen(), millionths) + ONE / 2) / ONE);
    }

    /** @return the rate as an exact decimal, e.g. {@code 0.12} */
    public BigDecimal value() {
        return BigDecimal.valueOf(millionths, 6).stripTrailingZeros();
    }

    /** @return the rate as a percentage for explanations, e.g. {@code "12%"} or {@code "12.5%"} */
    public String percent() {
        long whole = millionths / 10_000;
        long frac = millionths % 10_000;
        if (frac == 0) {
            return whole + "%";
        }
        String digits = Long.toString(10_000 + frac).substring(1);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        return whole + "." + digits.substring(0, end) + "%";
    }

    @Override
    public String toString() {
        return percent();
    }
}
