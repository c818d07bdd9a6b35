package cn.yibao.terminal.counter;

import cn.yibao.card.Money;

/**
 * One {@code setldetail[]} row: what one fund paid.
 *
 * @param fundPayType     fund code: 310100 employee pooling, 310200 personal account, 320100
 *                        civil-servant subsidy, 330100 large-amount, 390100 resident pooling, …
 * @param fundPayTypeName the fund's Chinese name
 * @param inscpScpAmt     the in-scope amount the fund considered
 * @param fundPayamt      what it paid
 */
public record SetlDetail(String fundPayType, String fundPayTypeName, Money inscpScpAmt, Money fundPayamt) {

    public SetlDetail {
        Checks.required(fundPayType, "fund_pay_type", 6);
        Checks.required(fundPayTypeName, "fund_pay_type_name", 50);
        Checks.present(inscpScpAmt, "inscp_scp_amt");
        Checks.present(fundPayamt, "fund_payamt");
    }
}
