package cn.yibao.terminal.settlement;

import cn.yibao.card.Money;

/**
 * The amounts of a settlement in the national vocabulary (RULES.md §10). The compact
 * constructor enforces the invariants: no part is negative, the funds add up to
 * {@code fund_pay_sumamt}, the person's part is the rest of the bill, account plus cash is the
 * person's part.
 *
 * @param medfeeSumamt    total
 * @param fulamtOwnpayAmt class C (全自费)
 * @param preselfpayAmt   class-B self-borne share (先行自付)
 * @param inscpScpAmt     in-scope amount E
 * @param actPayDedc      deductible applied
 * @param poolPropSelfpay personal ratio share inside the pooling bands (自负)
 * @param hifpPay         basic pooled fund
 * @param cvlservPay      civil-servant subsidy
 * @param hifobPay        employees' large-amount relief
 * @param hifmiPay        residents' critical-illness insurance
 * @param mafPay          medical assistance
 * @param othPay          special funds
 * @param fundPaySumamt   sum of all fund payments
 * @param psnPartAmt      everything the person bears
 * @param acctPay         personal account
 * @param psnCashPay      cash
 * @param balc            card balance after settlement
 */
public record SetlAmounts(Money medfeeSumamt, Money fulamtOwnpayAmt, Money preselfpayAmt, Money inscpScpAmt,
        Money actPayDedc, Money poolPropSelfpay, Money hifpPay, Money cvlservPay, Money hifobPay,
        Money hifmiPay, Money mafPay, Money othPay, Money fundPaySumamt, Money psnPartAmt, Money acctPay,
        Money psnCashPay, Money balc) {

    public SetlAmounts {
        Money[] all = {medfeeSumamt, fulamtOwnpayAmt, preselfpayAmt, inscpScpAmt, actPayDedc, poolPropSelfpay,
            hifpPay, cvlservPay, hifobPay, hifmiPay, mafPay, othPay, fundPaySumamt, psnPartAmt, acctPay,
            psnCashPay, balc};
        for (Money m : all) {
            if (m == null || m.isNegative()) {
                throw new IllegalStateException("setlinfo: missing or negative part: " + m);
            }
        }
        long funds = hifpPay.fen() + cvlservPay.fen() + hifobPay.fen() + hifmiPay.fen() + mafPay.fen() + othPay.fen();
        if (funds != fundPaySumamt.fen()
                || fundPaySumamt.fen() + psnPartAmt.fen() != medfeeSumamt.fen()
                || acctPay.fen() + psnCashPay.fen() != psnPartAmt.fen()
                || fulamtOwnpayAmt.fen() + preselfpayAmt.fen() + inscpScpAmt.fen() != medfeeSumamt.fen()) {
            throw new IllegalStateException("setlinfo: parts do not add up");
        }
    }
}
