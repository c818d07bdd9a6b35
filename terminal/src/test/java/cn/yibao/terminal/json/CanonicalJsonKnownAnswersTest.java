package cn.yibao.terminal.json;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.yibao.card.Money;
import cn.yibao.hostlink.msg.CanonicalJson;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.record.RecordKind;
import cn.yibao.hostlink.record.RecordResult;
import cn.yibao.terminal.policy.PolicyPacks;
import cn.yibao.terminal.settlement.RandomRequests;
import cn.yibao.terminal.settlement.RequestJson;
import cn.yibao.terminal.settlement.ResultJson;
import cn.yibao.terminal.settlement.SettlementEngine;
import cn.yibao.terminal.settlement.SettlementRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Known answers of the one canonical writer ({@link CanonicalJson}) for the inputs the system
 * produces: parsed messages and files, amounts as BigDecimal with their scale, Chinese text,
 * escapes, nesting and key order, and the trees the counter, the engine and the link build. Until
 * issue 23 there were two writers (also the link's Jackson-based {@code Json.canonical}); this test
 * showed that both gave these answers before the second was removed.
 */
class CanonicalJsonKnownAnswersTest {

    /** Parsed input and the canonical text both writers must give for it. */
    private static final String[][] KNOWN = {
        {"{\"acct_pay\":30.00,\"fund_pay_sumamt\":0.10,\"medfee_sumamt\":12345678901234.57,\"psn_cash_pay\":0.3}",
            "{\"acct_pay\":30.00,\"fund_pay_sumamt\":0.10,\"medfee_sumamt\":12345678901234.57,\"psn_cash_pay\":0.3}"},
        {"{\"refund\":\"-0.01\",\"a\":[0.00,-0.10,7500.00,0,-7,9223372036854775807,18446744073709551616,1.5]}",
            "{\"a\":[0.00,-0.10,7500.00,0,-7,9223372036854775807,18446744073709551616,1.5],\"refund\":\"-0.01\"}"},
        {"{ \"é\": \"长春\", \"b\": {\"z\": 0.10, \"x\": \"y\"},\n \"a\": [1, 2.50, null, true, false] }",
            "{\"a\":[1,2.50,null,true,false],\"b\":{\"x\":\"y\",\"z\":0.10},\"é\":\"长春\"}"},
        {"{\"psn_name\":\"王收银\",\"opter_name\":\"李 医生\",\"memo\":\"退费：重复收费（第2次）\",\"hilist_name\":\"阿莫西林胶囊\"}",
            "{\"hilist_name\":\"阿莫西林胶囊\",\"memo\":\"退费：重复收费（第2次）\",\"opter_name\":\"李 医生\",\"psn_name\":\"王收银\"}"},
        {"\"q\\\" b\\\\ n\\n t\\t r\\r b\\b f\\f u\\u0001\\u0009 \\/ \\u533b \\ud83c\\udfe5 \\u2028\"",
            "\"q\\\" b\\\\ n\\n t\\t r\\r b\\b f\\f u\\u0001\\t / 医 \uD83C\uDFE5 \u2028\""},
        {"{\"ä\":3,\"a\":2,\"B\":1,\"_\":0,\"10\":1,\"9\":2,\"\":5,\"\uD83C\uDFE5\":6,\"\uFF21\":7}",
            "{\"\":5,\"10\":1,\"9\":2,\"B\":1,\"_\":0,\"a\":2,\"ä\":3,\"\uD83C\uDFE5\":6,\"\uFF21\":7}"},
        {"{\"z\":{\"y\":{\"x\":[{\"b\":1,\"a\":2},[],{}]}},\"A\":[],\"a\":{}}",
            "{\"A\":[],\"a\":{},\"z\":{\"y\":{\"x\":[{\"a\":2,\"b\":1},[],{}]}}}"},
        // where the link's former Jackson writer differed (it wrote \u001F and 1E+3); no caller produced these
        {"[\"\\u001f\\u000b\", 1e3, 1E-7, 0.0000001]", "[\"\\u001f\\u000b\",1000,0.0000001,0.0000001]"},
        {"[]", "[]"},
        {"{}", "{}"},
        {"0.10", "0.10"},
    };

    @Test
    void parsedInputsHaveTheKnownCanonicalText() {
        List<Executable> checks = new ArrayList<>();
        for (String[] known : KNOWN) {
            for (JsonNode n : List.of(Json.parse(known[0]),
                    FileJson.parse(known[0].getBytes(StandardCharsets.UTF_8), 1 << 20, "test"))) {
                checks.add(() -> assertEquals(known[1], CanonicalJson.text(n), known[0]));
            }
        }
        assertAll(checks);
    }

    /**
     * The requests, results and record results of 200 random settlements (seed 23): SHA-256 of
     * their canonical texts, one a line (both writers gave these bytes).
     */
    @Test
    void treesTheEngineBuildsHaveTheKnownCanonicalBytes() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        SplittableRandom random = new SplittableRandom(23);
        for (int i = 0; i < 200; i++) {
            SettlementRequest request = RandomRequests.next(random);
            ObjectNode result = ResultJson.toJson(SettlementEngine.settle(request, PolicyPacks.changchun2010()));
            sha.update(line(RequestJson.toJson(request)));
            sha.update(line(result));
            result.remove("explain");
            sha.update(line(new RecordResult(RecordKind.SETTLE, "S0000000100" + i, "M" + i, "4400000000" + i, "41",
                    result, "1001", "王收银").toJson()));
        }
        assertEquals("581f039daac194ab636c86503d7ee51391db5514d46d69a4dcbc85c4b81fa49a",
                HexFormat.of().formatHex(sha.digest()));
    }

    private static byte[] line(JsonNode tree) {
        return (CanonicalJson.text(tree) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A cancellation's record settlement (negative amounts) and a fault plan (doubles). */
    @Test
    void treesTheCounterAndTheHostBuildHaveTheKnownCanonicalText() {
        ObjectNode setlinfo = Json.object().put("setl_id", "S1").put("medfee_sumamt", Money.ofFen(-3000).toYuan())
                .put("fund_pay_sumamt", Money.ofFen(-10).toYuan()).put("acct_pay", Money.ofFen(-2990).toYuan())
                .put("psn_cash_pay", Money.ZERO.toYuan());
        ObjectNode cancel = Json.object().put("omsgid", "H-20261207-0001").put("refund", "29.90");
        cancel.set("setlinfo", setlinfo);
        ObjectNode faults = Json.object().put("delay_ms", 0L).put("drop_after", 3).put("duplicate_ack_rate", 0.5)
                .put("lost_ack_rate", 0.0).put("stall_ms", 1500L).put("refuse_tls", false);
        assertAll(() -> assertEquals("{\"omsgid\":\"H-20261207-0001\",\"refund\":\"29.90\",\"setlinfo\":{\"acct_pay\":-29.90,"
                + "\"fund_pay_sumamt\":-0.10,\"medfee_sumamt\":-30.00,\"psn_cash_pay\":0.00,\"setl_id\":\"S1\"}}",
                CanonicalJson.text(cancel)),
                () -> assertEquals("{\"delay_ms\":0,\"drop_after\":3,\"duplicate_ack_rate\":0.5,\"lost_ack_rate\":0.0,"
                        + "\"refuse_tls\":false,\"stall_ms\":1500}", CanonicalJson.text(faults)));
    }
}
