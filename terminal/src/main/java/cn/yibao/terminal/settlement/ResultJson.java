package cn.yibao.terminal.settlement;

import cn.yibao.card.Money;
import cn.yibao.card.Refusal;
import cn.yibao.hostlink.msg.CanonicalJson;
import cn.yibao.terminal.json.FileJson;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The settlement result as JSON in the national vocabulary: {@code setlinfo} (RULES.md §10 field
 * names and order, amounts as numbers with two decimals), {@code setldetail}, the year-to-date
 * positions after settlement and the {@code explain} lines.
 */
public final class ResultJson {

    private static final JsonNodeFactory NODES = FileJson.mapper().getNodeFactory();

    private ResultJson() {
    }

    /** @return the result as a JSON tree, fields in documented order */
    public static ObjectNode toJson(SettlementResult result) {
        ObjectNode root = NODES.objectNode();
        root.put("policy", result.policyId());
        SetlAmounts s = result.setlinfo();
        ObjectNode info = root.putObject("setlinfo");
        put(info, "medfee_sumamt", s.medfeeSumamt());
        put(info, "fulamt_ownpay_amt", s.fulamtOwnpayAmt());
        put(info, "preselfpay_amt", s.preselfpayAmt());
        put(info, "inscp_scp_amt", s.inscpScpAmt());
        put(info, "act_pay_dedc", s.actPayDedc());
        put(info, "pool_prop_selfpay", s.poolPropSelfpay());
        put(info, "hifp_pay", s.hifpPay());
        put(info, "cvlserv_pay", s.cvlservPay());
        put(info, "hifob_pay", s.hifobPay());
        put(info, "hifmi_pay", s.hifmiPay());
        put(info, "maf_pay", s.mafPay());
        put(info, "oth_pay", s.othPay());
        put(info, "fund_pay_sumamt", s.fundPaySumamt());
        put(info, "psn_part_amt", s.psnPartAmt());
        put(info, "acct_pay", s.acctPay());
        put(info, "psn_cash_pay", s.psnCashPay());
        put(info, "balc", s.balc());
        ArrayNode detail = root.putArray("setldetail");
        for (FundPayment row : result.setldetail()) {
            ObjectNode r = detail.addObject();
            r.put("fund_pay_type", row.type().code());
            r.put("fund_pay_type_name", row.type().nameZh());
            put(r, "inscp_scp_amt", row.inscpScpAmt());
            put(r, "fund_payamt", row.amount());
        }
        root.set("year_to_date", RequestJson.yearToDateJson(result.yearToDateAfter()));
        ArrayNode explain = root.putArray("explain");
        for (ExplainStep line : result.explain()) {
            ObjectNode l = explain.addObject();
            l.put("step", line.step());
            l.put("zh", line.zh());
            l.put("en", line.en());
        }
        return root;
    }

    /** @return the canonical bytes of the result (what the journal and the host link sign) */
    public static byte[] canonical(SettlementResult result) {
        return CanonicalJson.bytes(toJson(result));
    }

    /** @return {@code {"error":{"code":…,"message_zh":…,"message":…}}} */
    public static ObjectNode error(Refusal refusal) {
        ObjectNode root = NODES.objectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", refusal.code());
        error.put("message_zh", refusal.messageZh());
        error.put("message", refusal.message());
        return root;
    }

    private static void put(ObjectNode node, String name, Money amount) {
        node.set(name, DecimalNode.valueOf(amount.toYuan()));
    }
}
