package cn.yibao.terminal.counter;

import java.util.List;

/**
 * The answer of a pre-settlement, a settlement or a cancellation (2101/2102/2103, 2206/2207/2208,
 * 2303/2304/2305).
 *
 * @param setlinfo    the split
 * @param setldetail  one row per fund that paid
 * @param detlcutinfo one row per fee line
 * @param explain     how the split was reached, line by line, in Chinese and English
 * @param opter       who settled or cancelled it (national {@code opter}); null in a pre-settlement
 * @param opterName   their name ({@code opter_name})
 * @param memo        a cancellation's reason and approving supervisor; else null
 */
public record Settlement(SetlInfo setlinfo, List<SetlDetail> setldetail, List<LineSplit> detlcutinfo,
        List<ExplainLine> explain, String opter, String opterName, String memo) {

    public Settlement {
        Checks.present(setlinfo, "setlinfo");
        setldetail = Checks.list(setldetail, "setldetail", 20);
        detlcutinfo = Checks.list(detlcutinfo, "detlcutinfo", 10_000);
        explain = Checks.list(explain, "explain", 100);
        Checks.optional(opter, "opter", 30);
        Checks.optional(opterName, "opter_name", 50);
        Checks.optional(memo, "memo", 200);
    }

    /** A settlement no operator is named on yet (a pre-settlement). */
    public Settlement(SetlInfo setlinfo, List<SetlDetail> setldetail, List<LineSplit> detlcutinfo,
            List<ExplainLine> explain) {
        this(setlinfo, setldetail, detlcutinfo, explain, null, null, null);
    }

    /** @return this settlement made by {@code by}, with {@code note} (a cancellation's reason) or null */
    public Settlement by(Opter by, String note) {
        return new Settlement(setlinfo, setldetail, detlcutinfo, explain, by.opter(), by.opterName(), note);
    }

    /**
     * @return the cancellation of this settlement (2103/2208/2305): every amount negated, the
     *     balance after the refund of the account share
     */
    public Settlement reversed(java.time.LocalDateTime time, cn.yibao.card.Money balanceAfter) {
        SetlInfo info = setlinfo.reversed(time, balanceAfter);
        List<SetlDetail> rows = setldetail.stream().map(d -> new SetlDetail(d.fundPayType(), d.fundPayTypeName(),
                cn.yibao.card.Money.ZERO.minus(d.inscpScpAmt()), cn.yibao.card.Money.ZERO.minus(d.fundPayamt()))).toList();
        cn.yibao.card.Money refund = setlinfo.acctPay();
        return new Settlement(info, rows, detlcutinfo, List.of(new ExplainLine(
                "撤销结算 " + info.setlId() + "，个人账户退回 " + refund + " 元",
                "cancelled settlement " + info.setlId() + "; account refunded " + refund)));
    }
}
