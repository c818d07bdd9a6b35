package cn.yibao.simulator.supervision;

import cn.yibao.card.Money;
import java.util.Objects;

/**
 * The settlement split the host received: who paid what.
 *
 * @param total   {@code medfee_sumamt}
 * @param fund    {@code fund_pay_sumamt}, every fund together
 * @param account {@code acct_pay}
 * @param cash    {@code psn_cash_pay}
 * @param classC  {@code fulamt_ownpay_amt}, the class-C (全自费) amount
 */
public record Split(Money total, Money fund, Money account, Money cash, Money classC) {

    public Split {
        for (Money m : new Money[] {total, fund, account, cash, classC}) {
            Objects.requireNonNull(m, "amount");
            if (m.isNegative()) {
                throw new IllegalArgumentException("negative part in split");
            }
        }
        if (!fund.plus(account).plus(cash).equals(total)) {
            throw new IllegalArgumentException("fund + account + cash != total");
        }
        if (classC.compareTo(total) > 0) {
            throw new IllegalArgumentException("class-C amount exceeds total");
        }
    }

    /** @return {@code psn_part_amt}: what the person bears (account + cash) */
    public Money personBurden() {
        return account.plus(cash);
    }
}
