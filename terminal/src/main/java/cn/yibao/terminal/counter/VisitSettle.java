package cn.yibao.terminal.counter;

import cn.yibao.card.Money;

/**
 * 2206/2207 (outpatient) and 2303/2304 (inpatient) input {@code data}: settle the uploaded lines
 * of a visit.
 *
 * @param psnNo        person number
 * @param mdtrtId      visit ID
 * @param acctUsedFlag 1 = let the personal account pay (default), 0 = cash only
 * @param midSetlFlag  inpatient only: 1 = mid-stay settlement (no discharge needed)
 * @param acctPay      2207/2304 only, optional: the account payment agreed at pre-settlement
 */
public record VisitSettle(String psnNo, String mdtrtId, String acctUsedFlag, String midSetlFlag, Money acctPay) {

    public VisitSettle {
        Checks.required(psnNo, "psn_no", 30);
        Checks.required(mdtrtId, "mdtrt_id", 30);
        Checks.flag(acctUsedFlag, "acct_used_flag");
        Checks.flag(midSetlFlag, "mid_setl_flag");
        if (acctPay != null) {
            Checks.nonNegative(acctPay, "acct_pay");
        }
    }

    public boolean accountUsed() {
        return !"0".equals(acctUsedFlag);
    }
}
