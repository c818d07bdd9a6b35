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

    /**
     * Adds up one day's committed settlements and cancellations, net of the cancellations: a
     * cancellation counts as one and takes back the settlement it cancelled; amounts are summed as
     * they are (a cancellation's are negative).
     */
    public static final class Tally {

        private final LocalDate date;
        private long settled;
        private long cancelled;
        private Money medfee = Money.ZERO;
        private Money fund = Money.ZERO;
        private Money acct = Money.ZERO;
        private Money cash = Money.ZERO;

        public Tally(LocalDate date) {
            this.date = Checks.present(date, "date");
        }

        /** Adds a settlement, or a cancellation when {@code cancellation}, with its split. */
        public void add(boolean cancellation, Money medfeeSumamt, Money fundPaySumamt, Money acctPay, Money psnCashPay) {
            if (cancellation) {
                cancelled++;
                settled--;
            } else {
                settled++;
            }
            medfee = medfee.plus(medfeeSumamt);
            fund = fund.plus(fundPaySumamt);
            acct = acct.plus(acctPay);
            cash = cash.plus(psnCashPay);
        }

        /** @return the totals of what was added */
        public DayTotals totals() {
            return new DayTotals(date, Math.max(0, settled), cancelled, medfee, fund, acct, cash);
        }
    }
}
