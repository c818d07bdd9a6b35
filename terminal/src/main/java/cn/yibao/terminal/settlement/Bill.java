package cn.yibao.terminal.settlement;

import cn.yibao.card.Money;
import cn.yibao.terminal.policy.Rate;
import java.util.List;

/**
 * The bill summed by catalog class in one pass (RULES.md §4).
 *
 * @param total         Σ all items
 * @param classA        Σ class A
 * @param classB        Σ class B
 * @param classC        Σ class C ({@code ownpay})
 * @param countB        number of class-B items
 * @param selfShareRate class-B self-borne rate applied, or {@code null} when none applies
 * @param selfShare     Σ over class-B items of round(amount × rate), rounded per item
 */
record Bill(Money total, Money classA, Money classB, Money classC, int countB, Rate selfShareRate, Money selfShare) {

    /**
     * Sums the items; refuses the whole sale at the first class-N item.
     *
     * @param rate class-B self-borne rate, or {@code null} when no self-share applies
     */
    static Bill of(List<Item> items, Rate rate) {
        long a = 0;
        long b = 0;
        long c = 0;
        long self = 0;
        int countB = 0;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            long fen = item.amount().fen();
            switch (item.itemClass()) {
                case A -> a += fen;
                case B -> {
                    b += fen;
                    countB++;
                    if (rate != null) {
                        self += rate.apply(item.amount()).fen();
                    }
                }
                case C -> c += fen;
                case N -> throw new SettlementRefusedException(SettlementRefusal.NON_MEDICAL_ITEM,
                        "第" + (i + 1) + "项 " + item.code() + " " + item.name(),
                        "items[" + i + "] code " + item.code());
                default -> throw new IllegalStateException("unknown class " + item.itemClass());
            }
        }
        return new Bill(Money.ofFen(a + b + c), Money.ofFen(a), Money.ofFen(b), Money.ofFen(c), countB, rate,
                Money.ofFen(self));
    }

    /** @return {@code E = total − ownpay − selfshare} */
    Money eligible() {
        return total.minus(classC).minus(selfShare);
    }
}
