package cn.yibao.hostlink.record.stub;

import cn.yibao.card.Money;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.MalformedMessageException;
import cn.yibao.hostlink.record.SignedRecord;
import cn.yibao.hostlink.record.SplitRecomputer;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Stand-in for the settlement engine until it is merged: checks only the arithmetic a split must
 * satisfy — {@code medfee_sumamt} is the sum of the items' {@code amount_fen}, fund + account +
 * cash equal it, and {@code acct_pay} is what the card proof says was debited.
 */
public final class TotalsSplitRecomputer implements SplitRecomputer {

    @Override
    public boolean reproduces(SignedRecord record, String items) {
        try {
            JsonNode list = Json.parse(items);
            JsonNode result = Json.parse(record.result());
            if (!list.isArray()) {
                return false;
            }
            long sum = 0;
            for (JsonNode item : list) {
                sum = Math.addExact(sum, Json.integer(item, "amount_fen"));
            }
            long total = fen(result, "medfee_sumamt");
            long parts = fen(result, "fund_pay_sumamt") + fen(result, "acct_pay") + fen(result, "psn_cash_pay");
            return total == sum && parts == total && fen(result, "acct_pay") == record.proof().debitFen();
        } catch (MalformedMessageException | IllegalArgumentException | ArithmeticException e) {
            return false;
        }
    }

    /** @return the yuan amount {@code field} of {@code n} in fen */
    public static long fen(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !(v.isNumber() || v.isTextual())) {
            throw new IllegalArgumentException("missing amount " + field);
        }
        return Money.parseYuan(v.asText()).fen();
    }
}
