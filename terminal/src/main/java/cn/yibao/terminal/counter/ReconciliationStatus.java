package cn.yibao.terminal.counter;

import cn.yibao.card.Money;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * 3201 output: the last daily reconciliation by totals (对总账) with the host.
 *
 * @param stmtBegndate      first day reconciled
 * @param stmtEnddate       last day reconciled
 * @param fixmedinsSetlCnt  the terminal's settlement count
 * @param medfeeSumamt      the terminal's total fees
 * @param fundPaySumamt     the terminal's fund total
 * @param acctPay           the terminal's account total
 * @param stmtRslt          0 balanced (对平), 1 host has more, 2 terminal has more, 3 differ; null = not yet
 * @param stmtRsltDscr      the result in words (Chinese)
 * @param checkedAt         when the host answered, or null
 */
public record ReconciliationStatus(LocalDate stmtBegndate, LocalDate stmtEnddate, long fixmedinsSetlCnt,
        Money medfeeSumamt, Money fundPaySumamt, Money acctPay, String stmtRslt, String stmtRsltDscr,
        LocalDateTime checkedAt) {

    public ReconciliationStatus {
        Checks.present(stmtBegndate, "stmt_begndate");
        Checks.present(stmtEnddate, "stmt_enddate");
        Checks.present(medfeeSumamt, "medfee_sumamt");
        Checks.present(fundPaySumamt, "fund_pay_sumamt");
        Checks.present(acctPay, "acct_pay");
        if (stmtRslt != null && !stmtRslt.matches("[0-3]")) {
            throw new IllegalArgumentException("stmt_rslt must be 0..3");
        }
        Checks.optional(stmtRsltDscr, "stmt_rslt_dscr", 200);
    }
}
