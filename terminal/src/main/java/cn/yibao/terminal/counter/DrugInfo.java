package cn.yibao.terminal.counter;

import cn.yibao.card.Money;

/**
 * 2101/2102 input {@code druginfo}: the pharmacy sale's header.
 *
 * @param psnNo        person number from 1101
 * @param medType      41 定点药店购药 (default)
 * @param acctUsedFlag 1 = let the personal account pay (default), 0 = cash only
 * @param acctPay      2102 only, optional: the account payment the customer agreed to at
 *                     pre-settlement; the settlement is refused if it would differ
 */
public record DrugInfo(String psnNo, String medType, String acctUsedFlag, Money acctPay) {

    public DrugInfo {
        Checks.required(psnNo, "psn_no", 30);
        Checks.optional(medType, "med_type", 6);
        Checks.flag(acctUsedFlag, "acct_used_flag");
        if (acctPay != null) {
            Checks.nonNegative(acctPay, "acct_pay");
        }
    }

    public boolean accountUsed() {
        return !"0".equals(acctUsedFlag);
    }
}
