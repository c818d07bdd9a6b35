package cn.yibao.terminal.counter;

import cn.yibao.card.Money;
import java.util.Objects;

/**
 * The cash the customer handed over for the last settlement's cash share, and the change.
 *
 * @param due    the last settlement's cash share ({@code psn_cash_pay})
 * @param paid   the cash handed over
 * @param change {@code paid - due}
 */
public record Tender(Money due, Money paid, Money change) {

    /** Most cash a tender may name, in yuan (a customer display shows 8 digits). */
    public static final Money MAX_PAID = Money.parseYuan("999999.99");

    public Tender {
        Checks.nonNegative(due, "due");
        Checks.nonNegative(paid, "paid");
        Objects.requireNonNull(change, "change");
        if (!change.equals(paid.minus(due)) || change.isNegative()) {
            throw new IllegalArgumentException("change must be paid - due, not negative");
        }
    }

    /**
     * @param due the last settlement's cash share, or null before the first settlement
     * @return the tender of {@code paid} against {@code due}
     * @throws CounterRefusedException NOTHING_TO_TENDER when {@code due} is null, CASH_SHORT when
     *     {@code paid} is less than {@code due}
     */
    public static Tender of(Money due, Money paid) {
        if (due == null) {
            throw new CounterRefusedException(CounterRefusal.NOTHING_TO_TENDER);
        }
        if (paid.compareTo(due) < 0) {
            throw new CounterRefusedException(CounterRefusal.CASH_SHORT);
        }
        return new Tender(due, paid, paid.minus(due));
    }
}
