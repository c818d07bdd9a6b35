package cn.yibao.card;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of money in integer fen (分). Never a floating-point value.
 *
 * <p>Amounts may be negative only where a caller computes a difference; the settlement rules
 * check non-negativity of every part themselves. Products with rates are rounded half-up to the fen
 * where they are formed ({@link #times(BigDecimal)}).
 *
 * @param fen the amount in fen
 */
public record Money(long fen) implements Comparable<Money> {

    /** Zero fen. */
    public static final Money ZERO = new Money(0);

    /** The largest amount accepted from outside: 100 million yuan, far beyond any bill. */
    public static final long MAX_FEN = 10_000_000_000L;

    /** The longest text of an amount read from outside, sign and decimals included. */
    public static final int MAX_TEXT_LENGTH = 20;

    public Money {
        if (fen > MAX_FEN || fen < -MAX_FEN) {
            throw new IllegalArgumentException("amount out of range: " + fen + " fen");
        }
    }

    /** @return the amount of {@code fen} fen */
    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    /** @return the amount of {@code yuan} whole yuan */
    public static Money ofYuan(long yuan) {
        return new Money(Math.multiplyExact(yuan, 100L));
    }

    /**
     * Parses a yuan amount written with at most two decimals ({@code "12"}, {@code "12.5"},
     * {@code "12.50"}).
     *
     * @throws IllegalArgumentException if the text is not such a number or is out of range
     */
    public static Money parseYuan(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("not an amount: " + text);
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an amount: " + text, e);
        }
        return ofYuan(value);
    }

    /**
     * Converts an exact decimal yuan amount with at most two decimals.
     *
     * @throws IllegalArgumentException if it has more than two decimals or is out of range
     */
    public static Money ofYuan(BigDecimal yuan) {
        if (yuan.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("more than two decimals: " + yuan.toPlainString());
        }
        BigDecimal fen = yuan.movePointRight(2);
        if (fen.abs().compareTo(BigDecimal.valueOf(MAX_FEN)) > 0) {
            throw new IllegalArgumentException("amount out of range: " + yuan.toPlainString());
        }
        return new Money(fen.longValueExact());
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    /** @return this amount times {@code rate}, rounded half-up to the fen */
    public Money times(BigDecimal rate) {
        BigDecimal product = BigDecimal.valueOf(fen).multiply(rate).setScale(0, RoundingMode.HALF_UP);
        return new Money(product.longValueExact());
    }

    public Money min(Money other) {
        return fen <= other.fen ? this : other;
    }

    public Money max(Money other) {
        return fen >= other.fen ? this : other;
    }

    /** @return this amount, or zero if it is negative */
    public Money positivePart() {
        return fen < 0 ? ZERO : this;
    }

    public boolean isNegative() {
        return fen < 0;
    }

    public boolean isZero() {
        return fen == 0;
    }

    /** @return the amount in yuan as an exact decimal with two places */
    public BigDecimal toYuan() {
        return BigDecimal.valueOf(fen, 2);
    }

    /** @return the amount in yuan with two decimals, e.g. {@code "1032.00"} */
    public String toYuanString() {
        return toYuan().toPlainString();
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    @Override
    public String toString() {
        return toYuanString();
    }
}
