package cn.yibao.simulator.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.yibao.card.app.CardState;
import cn.yibao.terminal.http.AccessToken;
import cn.yibao.terminal.http.ApiServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hospital day over the HTTP API on the live counter (issue 24): a stay discharged with no fee
 * lines is no dead end (2404 cancels the admission, the card is normal again), and a discharge
 * registered too early is cancelled (2405) so that more lines can come before the settlement.
 */
class HisStaysIT {

    private static final String TOKEN = "his-stays-token-0123456789abcdefghijklmnopq";
    private static final String PIN = ",\"card_pin\":\"123456\"";

    @TempDir
    Path dir;

    private static String stay(String psn, String mdtrtId) {
        return "{\"data\":{\"psn_no\":\"" + psn + "\",\"mdtrt_id\":\"" + mdtrtId + "\"}";
    }

    private static String fee(String psn, String mdtrtId, String sn) {
        return "{\"feedetail\":[{\"feedetl_sn\":\"" + sn + "\",\"mdtrt_id\":\"" + mdtrtId + "\",\"psn_no\":\"" + psn
                + "\",\"med_list_codg\":\"" + LiveCounterTest.LIANHUA + "\",\"cnt\":2,\"rxno\":\"RX-1\"}]}";
    }

    private static String admit(HisClient his, String psn) throws Exception {
        return his.ok("2401", "{\"mdtrtinfo\":{\"psn_no\":\"" + psn + "\",\"ipt_otp_no\":\"IP-1\"}" + PIN + "}")
                .path("result").path("mdtrt_id").asText();
    }

    private static String discharge(HisClient his, String psn, String mdtrtId) throws Exception {
        return his.ok("2402", "{\"dscginfo\":{\"psn_no\":\"" + psn + "\",\"mdtrt_id\":\"" + mdtrtId + "\"}}")
                .path("result").path("state").asText();
    }

    @Test
    void aStayDischargedWithNoLinesIsCancelledAndTheCardIsNormalAgain() throws Exception {
        try (CounterFixture f = new CounterFixture(dir, "employee");
             ApiServer server = ApiServer.start(ApiServer.Settings.of(0, AccessToken.of(TOKEN), f.counter))) {
            HisClient his = new HisClient(server.baseUri(), TOKEN);
            String psn = his.ok("1101", "{}").path("baseinfo").path("psn_no").asText();
            String sale = "{\"druginfo\":{\"psn_no\":\"" + psn + "\"},\"drugdetail\":[{\"feedetl_sn\":\"1\","
                    + "\"med_list_codg\":\"" + LiveCounterTest.LIANHUA + "\",\"cnt\":1}]}";
            String mdtrtId = admit(his, psn);
            assertEquals("DISCHARGED", discharge(his, psn, mdtrtId));
            assertEquals("NO_ITEMS", his.refused("2304", stay(psn, mdtrtId) + PIN + "}"));
            assertEquals("CARD_IN_HOSPITAL", his.refused("2101", sale));

            assertEquals("PIN_REQUIRED", his.refused("2404", stay(psn, mdtrtId) + "}"));
            assertEquals(CardState.IN_HOSPITAL, f.card.snapshot().insurance().cardState());
            JsonNode cancelled = his.ok("2404", "C-1", stay(psn, mdtrtId) + PIN + "}").path("result");
            assertEquals("CANCELLED", cancelled.path("state").asText(), cancelled.toString());
            assertEquals(CardState.NORMAL, f.card.snapshot().insurance().cardState());
            assertEquals(cancelled, his.ok("2404", "C-1", stay(psn, mdtrtId) + PIN + "}").path("result"),
                    "a resend gets the first answer");
            assertEquals("VISIT_CLOSED", his.refused("2404", stay(psn, mdtrtId) + PIN + "}"));
            assertEquals("VISIT_CLOSED", his.refused("2301", fee(psn, mdtrtId, "L1")));
            assertEquals("VISIT_CLOSED", his.refused("2304", stay(psn, mdtrtId) + PIN + "}"));

            his.ok("2101", sale);
            String again = admit(his, psn);
            assertEquals(CardState.IN_HOSPITAL, f.card.snapshot().insurance().cardState());
            // an open stay, with lines, can be cancelled too: nothing of it is billed
            his.ok("2301", fee(psn, again, "L1"));
            assertEquals("CANCELLED", his.ok("2404", stay(psn, again) + PIN + "}").path("result").path("state").asText());
            assertEquals(0, f.counter.todayTotals().setlCnt(), "no settlement counted");
        }
    }

    @Test
    void aCancelledDischargeReopensTheStayForMoreLines() throws Exception {
        try (CounterFixture f = new CounterFixture(dir, "employee");
             ApiServer server = ApiServer.start(ApiServer.Settings.of(0, AccessToken.of(TOKEN), f.counter))) {
            HisClient his = new HisClient(server.baseUri(), TOKEN);
            String psn = his.ok("1101", "{}").path("baseinfo").path("psn_no").asText();
            String mdtrtId = admit(his, psn);
            his.ok("2301", fee(psn, mdtrtId, "L1"));
            assertEquals("NOT_DISCHARGED", his.refused("2405", stay(psn, mdtrtId) + "}"));
            assertEquals("DISCHARGED", discharge(his, psn, mdtrtId));
            assertEquals("VISIT_CLOSED", his.refused("2301", fee(psn, mdtrtId, "L2")));

            JsonNode reopened = his.ok("2405", stay(psn, mdtrtId) + "}").path("result");
            assertEquals("OPEN", reopened.path("state").asText(), reopened.toString());
            assertEquals(true, reopened.path("endtime").isMissingNode(), reopened.toString());
            his.ok("2301", fee(psn, mdtrtId, "L2"));
            assertEquals("DISCHARGED", discharge(his, psn, mdtrtId));
            JsonNode paid = his.ok("2304", stay(psn, mdtrtId) + PIN + "}").path("setlinfo");
            assertEquals(0, paid.path("medfee_sumamt").decimalValue().compareTo(new java.math.BigDecimal("100.00")),
                    paid.toString());
            assertEquals(CardState.NORMAL, f.card.snapshot().insurance().cardState());
            assertEquals("VISIT_CLOSED", his.refused("2405", stay(psn, mdtrtId) + "}"));
        }
    }
}
