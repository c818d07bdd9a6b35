package cn.yibao.simulator.host;

import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.record.stub.TotalsSplitRecomputer;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The amounts of a settlement in fen, read from its national-field result.
 *
 * @param medfee total fees ({@code medfee_sumamt})
 * @param fund   fund payment ({@code fund_pay_sumamt})
 * @param acct   personal account ({@code acct_pay})
 * @param cash   cash ({@code psn_cash_pay})
 */
record Amounts(long medfee, long fund, long acct, long cash) {

    static final Amounts ZERO = new Amounts(0, 0, 0, 0);

    static Amounts of(String resultJson) {
        return of(Json.parse(resultJson));
    }

    /** Reads the amounts of a result: its own fields, or those of its {@code setlinfo} (the terminal's engine result). */
    static Amounts of(JsonNode result) {
        JsonNode r = result.has("setlinfo") ? result.get("setlinfo") : result;
        return new Amounts(TotalsSplitRecomputer.fen(r, "medfee_sumamt"), TotalsSplitRecomputer.fen(r, "fund_pay_sumamt"),
                TotalsSplitRecomputer.fen(r, "acct_pay"), TotalsSplitRecomputer.fen(r, "psn_cash_pay"));
    }

    /** Reads the yuan fields of a reconciliation input. */
    static Amounts ofInput(JsonNode in) {
        return new Amounts(TotalsSplitRecomputer.fen(in, "medfee_sumamt"), TotalsSplitRecomputer.fen(in, "fund_pay_sumamt"),
                TotalsSplitRecomputer.fen(in, "acct_pay"), 0);
    }

    Amounts plus(Amounts o) {
        return new Amounts(medfee + o.medfee, fund + o.fund, acct + o.acct, cash + o.cash);
    }

    /** @return true when fees, fund and account agree (cash is not reconciled) */
    boolean sameAs(Amounts o) {
        return medfee == o.medfee && fund == o.fund && acct == o.acct;
    }
}
