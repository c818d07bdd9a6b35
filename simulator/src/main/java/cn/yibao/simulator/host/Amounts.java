package cn.yibao.simulator.host;

import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.record.RecordResult;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The amounts of a settlement in fen, read from its record result ({@link RecordResult}).
 *
 * @param medfee total fees ({@code medfee_sumamt})
 * @param fund   fund payment ({@code fund_pay_sumamt})
 * @param acct   personal account ({@code acct_pay})
 * @param cash   cash ({@code psn_cash_pay})
 */
record Amounts(long medfee, long fund, long acct, long cash) {

    static final Amounts ZERO = new Amounts(0, 0, 0, 0);

    /** Reads a stored record result (the host's one reader: {@link RecordResult}). */
    static Amounts of(String resultJson) {
        return of(RecordResult.parse(resultJson));
    }

    static Amounts of(RecordResult r) {
        return new Amounts(r.setlinfo("medfee_sumamt").fen(), r.setlinfo("fund_pay_sumamt").fen(),
                r.setlinfo("acct_pay").fen(), r.setlinfo("psn_cash_pay").fen());
    }

    /** Reads the yuan fields of a reconciliation input. */
    static Amounts ofInput(JsonNode in) {
        return new Amounts(Json.yuan(in, "medfee_sumamt").fen(), Json.yuan(in, "fund_pay_sumamt").fen(),
                Json.yuan(in, "acct_pay").fen(), 0);
    }

    Amounts plus(Amounts o) {
        return new Amounts(medfee + o.medfee, fund + o.fund, acct + o.acct, cash + o.cash);
    }

    /** @return true when fees, fund and account agree (cash is not reconciled) */
    boolean sameAs(Amounts o) {
        return medfee == o.medfee && fund == o.fund && acct == o.acct;
    }
}
