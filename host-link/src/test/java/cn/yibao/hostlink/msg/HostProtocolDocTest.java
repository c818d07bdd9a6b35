package cn.yibao.hostlink.msg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.record.CardProof;
import cn.yibao.hostlink.record.RecordKind;
import cn.yibao.hostlink.record.RecordResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every complete JSON example of docs/host-protocol.md is a valid envelope for the link's readers. */
class HostProtocolDocTest {

    @Test
    void jsonExamplesInTheProtocolDocParse() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "host-protocol.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        int parsed = 0;
        while (m.find()) {
            String block = m.group(1);
            if (block.contains("…")) {
                continue;
            }
            JsonNode n = Json.parse(block);
            if (n.has("infno")) {
                Request r = Request.fromJson(n);
                assertEquals(n.get("msgid").asText(), r.msgid());
            } else {
                Response r = Response.fromJson(n);
                assertEquals(n.get("infcode").asInt(), r.infcode());
            }
            parsed++;
        }
        assertTrue(parsed >= 7, "only " + parsed + " examples found");
    }

    @Test
    void recordResultAndCardProofExamplesParse() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "host-protocol.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```json (record-result|card-proof)\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        int results = 0;
        int proofs = 0;
        while (m.find()) {
            if (m.group(1).equals("record-result")) {
                RecordResult r = RecordResult.parse(m.group(2));
                assertEquals(RecordKind.SETTLE, r.kind());
                assertEquals(r.setlinfo("medfee_sumamt"), r.setlinfo("fund_pay_sumamt").plus(r.setlinfo("acct_pay"))
                        .plus(r.setlinfo("psn_cash_pay")));
                results++;
            } else {
                CardProof p = CardProof.fromJson("2201000000000001", Json.parse(m.group(2)));
                assertEquals(CanonicalJson.text(Json.parse(m.group(2))), CanonicalJson.text(p.toJson()), "the proof's own form");
                proofs++;
            }
        }
        assertEquals(1, results);
        assertEquals(2, proofs);
    }
}
