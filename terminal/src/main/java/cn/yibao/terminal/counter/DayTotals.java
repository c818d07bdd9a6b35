package cn.yibao.terminal.counter;

import cn.yibao.card.Money;
import java.time.LocalDate;

/**
 * Today's totals at this counter, net of cancellations.
 *
 * @param date          the day
 * @param setlCnt       settlements (cancelled ones excluded)
 * @param cancelCnt     cancellations
 * @param medfeeSumamt  total fees
 * @param fundPaySumamt paid by the funds
 * @param acctPay       paid from personal accounts
 * @param psnCashPay    paid in cash
 */
public record DayTotals(LocalDate date, long setlCnt, long cancelCnt, Money medfeeSumamt, Money fundPaySumamt,
        Money acctPay, Money psnCashPay) {

    public DayTotals {
        Checks.present(date, "date");
        if (setlCnt < 0 || cancelCnt < 0) {
            throw new IllegalArgumentException("negative count");
        }
        Checks.present(medfeeSumamt, "medfee_sumamt");
        Checks.present(fundPaySumamt, "fund_pay_sumamt");
        Checks.present(acctPay, "acct_pay");
        Checks.present(psnCashPay, "psn_cash_pay");
    }
}
