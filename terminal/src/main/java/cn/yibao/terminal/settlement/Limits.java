package cn.yibao.terminal.settlement;

import cn.yibao.card.Money;

/**
 * Bounds on a settlement request. Anything beyond them is malformed input, refused before any
 * rule runs, so that no sum can overflow and no request can exhaust the terminal.
 */
public final class Limits {

    /** Most line items in one request (a long inpatient stay has a few thousand). */
    public static final int MAX_ITEMS = 10_000;
    /** Largest request document accepted, in bytes (10,000 items of about 400 bytes each). */
    public static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;
    /** Largest single line item: 1,000,000.00 yuan. */
    public static final Money MAX_ITEM_AMOUNT = Money.ofYuan(1_000_000);
    /** Largest bill: 10,000,000.00 yuan. */
    public static final Money MAX_TOTAL = Money.ofYuan(10_000_000);
    /** Largest card balance: 1,000,000.00 yuan. */
    public static final Money MAX_BALANCE = Money.ofYuan(1_000_000);
    /**
     * Largest year-to-date position: 10,000,000.00 yuan (a position plus a whole bill stays far
     * inside {@link Money#MAX_FEN}).
     */
    public static final Money MAX_YEAR_TO_DATE = Money.ofYuan(10_000_000);
    /** Longest item code, in characters. */
    public static final int MAX_CODE_LENGTH = 64;
    /** Longest item name, in characters. */
    public static final int MAX_NAME_LENGTH = 200;

    private Limits() {
    }

    /** Checks {@code 0 <= amount <= max}; the message starts with {@code field}. */
    static Money bounded(String field, Money amount, Money max) {
        if (amount == null) {
            throw new IllegalArgumentException(field + ": missing");
        }
        if (amount.isNegative()) {
            throw new IllegalArgumentException(field + ": must not be negative");
        }
        if (amount.compareTo(max) > 0) {
            throw new IllegalArgumentException(field + ": more than " + max.toYuanString() + " yuan");
        }
        return amount;
    }

    /** Checks that a required value is present; the message starts with {@code field}. */
    static <T> T required(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": missing");
        }
        return value;
    }
}
