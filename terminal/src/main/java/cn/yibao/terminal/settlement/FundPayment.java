package cn.yibao.terminal.settlement;

import cn.yibao.card.Money;

/**
 * One {@code setldetail} row: what one fund (or the personal account) pays.
 *
 * @param type        the fund
 * @param inscpScpAmt the in-scope amount the fund worked on ({@code inscp_scp_amt})
 * @param amount      what it pays ({@code fund_payamt}), positive
 */
public record FundPayment(FundPayType type, Money inscpScpAmt, Money amount) {

    public FundPayment {
        if (type == null || inscpScpAmt == null || amount == null) {
            throw new IllegalArgumentException("fund payment: missing field");
        }
        if (amount.isNegative() || amount.isZero() || inscpScpAmt.isNegative()) {
            throw new IllegalArgumentException("fund payment: amount must be positive: " + amount);
        }
    }
}
