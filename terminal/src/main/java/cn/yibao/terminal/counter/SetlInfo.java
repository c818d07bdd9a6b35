package cn.yibao.terminal.counter;

import cn.yibao.card.Money;
import java.time.LocalDateTime;

/**
 * {@code setlinfo}: a settlement's identity and split, with the national field names
 * ({@code RULES.md} §10). The parts must add up; a cancellation carries the same fields negated.
 *
 * @param setlId          settlement ID; null in a pre-settlement
 * @param mdtrtId         visit ID (a pharmacy sale gets one too)
 * @param psnNo           person number
 * @param psnName         person name
 * @param insutype        insurance type
 * @param psnType         person type
 * @param medType         medical type: 11 outpatient, 21 inpatient, 41 pharmacy purchase
 * @param setlTime        when it was computed or settled
 * @param medfeeSumamt    total
 * @param fulamtOwnpayAmt class C and other out-of-scope
 * @param preselfpayAmt   class-B self-borne share
 * @param inscpScpAmt     in-scope amount
 * @param actPayDedc      deductible actually applied
 * @param poolPropSelfpay personal ratio share inside the pooling band
 * @param hifpPay         basic pooled fund
 * @param cvlservPay      civil-servant subsidy
 * @param hifobPay        employees' large-amount relief
 * @param hifmiPay        residents' critical-illness insurance
 * @param mafPay          medical assistance
 * @param othPay          special funds
 * @param fundPaySumamt   sum of all fund payments
 * @param psnPartAmt      everything the person bears (account + cash)
 * @param acctPay         personal account
 * @param psnCashPay      cash
 * @param balc            card balance after settlement
 */
public record SetlInfo(String setlId, String mdtrtId, String psnNo, String psnName, String insutype, String psnType,
        String medType, LocalDateTime setlTime, Money medfeeSumamt, Money fulamtOwnpayAmt, Money preselfpayAmt,
        Money inscpScpAmt, Money actPayDedc, Money poolPropSelfpay, Money hifpPay, Money cvlservPay, Money hifobPay,
        Money hifmiPay, Money mafPay, Money othPay, Money fundPaySumamt, Money psnPartAmt, Money acctPay,
        Money psnCashPay, Money balc) {

    public SetlInfo {
        Checks.optional(setlId, "setl_id", 30);
        Checks.optional(mdtrtId, "mdtrt_id", 30);
        Checks.required(psnNo, "psn_no", 30);
        Checks.present(setlTime, "setl_time");
        Checks.nonNegative(balc, "balc");
        checkSum("medfee_sumamt = fulamt_ownpay_amt + preselfpay_amt + inscp_scp_amt", medfeeSumamt,
                fulamtOwnpayAmt, preselfpayAmt, inscpScpAmt);
        checkSum("fund_pay_sumamt = sum of the funds", fundPaySumamt,
                hifpPay, cvlservPay, hifobPay, hifmiPay, mafPay, othPay);
        checkSum("psn_part_amt = acct_pay + psn_cash_pay", psnPartAmt, acctPay, psnCashPay);
        checkSum("medfee_sumamt = fund_pay_sumamt + psn_part_amt", medfeeSumamt, fundPaySumamt, psnPartAmt);
        Checks.present(actPayDedc, "act_pay_dedc");
        Checks.present(poolPropSelfpay, "pool_prop_selfpay");
    }

    private static void checkSum(String rule, Money total, Money... parts) {
        Money sum = Money.ZERO;
        for (Money part : parts) {
            sum = sum.plus(Checks.present(part, rule));
        }
        if (!sum.equals(Checks.present(total, rule))) {
            throw new IllegalArgumentException("setlinfo does not add up: " + rule);
        }
    }

    /** @return this split as a settlement: its IDs, time and the balance after the debit set */
    public SetlInfo settledAs(String id, String visitId, LocalDateTime time, Money balanceAfter) {
        return new SetlInfo(id, visitId, psnNo, psnName, insutype, psnType, medType, time, medfeeSumamt,
                fulamtOwnpayAmt, preselfpayAmt, inscpScpAmt, actPayDedc, poolPropSelfpay, hifpPay, cvlservPay,
                hifobPay, hifmiPay, mafPay, othPay, fundPaySumamt, psnPartAmt, acctPay, psnCashPay, balanceAfter);
    }

    /** @return the reversal of this settlement: every amount negated, the balance after the refund */
    public SetlInfo reversed(LocalDateTime time, Money balanceAfter) {
        return new SetlInfo(setlId, mdtrtId, psnNo, psnName, insutype, psnType, medType, time, neg(medfeeSumamt),
                neg(fulamtOwnpayAmt), neg(preselfpayAmt), neg(inscpScpAmt), neg(actPayDedc), neg(poolPropSelfpay),
                neg(hifpPay), neg(cvlservPay), neg(hifobPay), neg(hifmiPay), neg(mafPay), neg(othPay),
                neg(fundPaySumamt), neg(psnPartAmt), neg(acctPay), neg(psnCashPay), balanceAfter);
    }

    private static Money neg(Money m) {
        return Money.ZERO.minus(m);
    }
}
