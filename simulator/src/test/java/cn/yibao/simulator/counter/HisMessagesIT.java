package cn.yibao.simulator.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.msg.BusinessZone;
import cn.yibao.terminal.http.AccessToken;
import cn.yibao.terminal.http.ApiServer;
import cn.yibao.terminal.policy.PolicyPack;
import cn.yibao.terminal.policy.PolicyPacks;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real HIS sends, over the HTTP API to the live counter (issue 24): national unit prices
 * with up to 6 decimals and quantities with up to 4, as numbers or numeric strings; a line amount
 * checked against {@code cnt × pric}; no {@code feedetl_sn} twice in a request; the catalog price
 * as the ceiling; times and dates strictly of the ISO calendar.
 */
class HisMessagesIT {

    private static final String TOKEN = "his-messages-token-0123456789abcdefghijklm";
    private static final String LIANHUA = LiveCounterTest.LIANHUA; // B, 25.00

    @TempDir
    Path dir;

    private interface Body {
        void run(HisClient his, String psnNo) throws Exception;
    }

    private void withCounter(PolicyPack pack, Body body) throws Exception {
        try (CounterFixture f = new CounterFixture(dir, "employee", pack);
             ApiServer server = ApiServer.start(ApiServer.Settings.of(0, AccessToken.of(TOKEN), f.counter))) {
            HisClient his = new HisClient(server.baseUri(), TOKEN);
            body.run(his, his.ok("1101", "{}").path("baseinfo").path("psn_no").asText());
        }
    }

    private static String sale(String psnNo, String lines) {
        return "{\"druginfo\":{\"psn_no\":\"" + psnNo + "\"},\"drugdetail\":[" + lines + "]}";
    }

    private static String line(String sn, String cnt, String pric, String extra) {
        return "{\"feedetl_sn\":\"" + sn + "\",\"med_list_codg\":\"" + LIANHUA + "\",\"cnt\":" + cnt
                + (pric == null ? "" : ",\"pric\":" + pric) + extra + "}";
    }

    /** @return the envelope of a 2101 that must be refused with 400 BAD_INPUT */
    private static JsonNode badInput(HisClient his, String input) throws Exception {
        JsonNode a = his.post("/api/2101", "{\"infno\":\"2101\",\"msgid\":\"B1\",\"input\":" + input + "}");
        assertEquals("BAD_INPUT", a.path("err_code").asText(), a.toString());
        return a;
    }

    @Test
    void unitPricesWithSixDecimalsAndQuantitiesAsNumericStringsSettleAtCntTimesPricRoundedHalfUp() throws Exception {
        withCounter(PolicyPacks.changchun2010(), (his, psn) -> {
            // 3 × 0.0325 = 0.0975 → 0.10; 100 × 0.0325 = 3.25; "2.0000" × "0.123456" = 0.246912 → 0.25
            JsonNode out = his.ok("2101", sale(psn, line("1", "\"3\"", "0.0325", "") + ","
                    + line("2", "100", "\"0.0325\"", "") + "," + line("3", "\"2.0000\"", "\"0.123456\"", "")));
            assertEquals("3.60", out.path("setlinfo").path("medfee_sumamt").decimalValue().setScale(2).toPlainString(), out.toString());
            assertEquals("0.10", out.path("detlcutinfo").path(0).path("det_item_fee_sumamt").decimalValue().setScale(2).toPlainString());
            // a line amount sent with the line agrees within 0.01, or the line is named
            his.ok("2101", sale(psn, line("1", "3", "0.0325", ",\"det_item_fee_sumamt\":0.09")));
            JsonNode off = badInput(his, sale(psn, line("A7", "3", "0.0325", ",\"det_item_fee_sumamt\":\"0.12\"")));
            assertTrue(off.path("err_msg_en").asText().contains("feedetl_sn A7"), off.toString());
            assertTrue(off.path("err_msg").asText().contains("A7"), off.toString());
            // the same at the catalog price (25.00 × 2 = 50.00)
            his.ok("2101", sale(psn, line("1", "2", null, ",\"det_item_fee_sumamt\":50.01")));
            badInput(his, sale(psn, line("1", "2", null, ",\"det_item_fee_sumamt\":49.98")));
            // the national bounds: 6 decimals of a price, 4 of a quantity; a price above 0
            badInput(his, sale(psn, line("1", "1", "0.1234567", "")));
            badInput(his, sale(psn, line("1", "1.00001", "1.00", "")));
            badInput(his, sale(psn, line("1", "1", "0", "")));
            badInput(his, sale(psn, line("1", "1", "\"-1.00\"", "")));
            badInput(his, sale(psn, line("1", "\"two\"", "1.00", "")));
        });
    }

    @Test
    void oneRequestMayNotBillAFeedetlSnTwice() throws Exception {
        withCounter(PolicyPacks.changchun2010(), (his, psn) -> {
            JsonNode a = badInput(his, sale(psn, line("7", "1", null, "") + "," + line("8", "1", null, "") + ","
                    + line("7", "2", null, "")));
            String en = a.path("err_msg_en").asText();
            assertTrue(en.contains("drugdetail[2]") && en.contains("drugdetail[0]"), en);
            assertTrue(a.path("err_msg").asText().contains("drugdetail[2]"), a.toString());
        });
    }

    @Test
    void theCatalogPriceIsTheCeilingUnlessThePackAllowsMore() throws Exception {
        withCounter(PolicyPacks.changchun2010(), (his, psn) -> {
            assertEquals("PRICE_ABOVE_CATALOG", his.refused("2101", sale(psn, line("1", "1", "600.00", ""))));
            assertEquals("PRICE_ABOVE_CATALOG", his.refused("2101", sale(psn, line("1", "1", "25.000001", ""))));
            his.ok("2101", sale(psn, line("1", "1", "25.00", "")));
            his.ok("2101", sale(psn, line("1", "1", "24.99", "")));
        });
        PolicyPack allow = PolicyPacks.changchun2010()
                .withCounter(PolicyPacks.changchun2010().counter().withPriceAboveCatalog(true));
        withCounter(allow, (his, psn) -> assertEquals("600.00", his.ok("2101", sale(psn, line("1", "1", "600.00", "")))
                .path("setlinfo").path("medfee_sumamt").decimalValue().setScale(2).toPlainString()));
    }

    @Test
    void timesAreRealTimesOfTheIsoCalendarAndAStayRunsForward() throws Exception {
        withCounter(PolicyPacks.changchun2010(), (his, psn) -> {
            for (String bad : new String[] {"2026-11-20 24:00:00", "2026-02-30 10:00:00", "2026-11-20 10:60:00",
                "2026-11-20", "20261120100000"}) {
                JsonNode a = his.post("/api/2401", "{\"infno\":\"2401\",\"msgid\":\"T-" + bad.length() + bad.charAt(9)
                        + "\",\"input\":{\"mdtrtinfo\":{\"psn_no\":\"" + psn + "\",\"ipt_otp_no\":\"IP-1\",\"begntime\":\""
                        + bad + "\"},\"card_pin\":\"123456\"}}");
                assertEquals("BAD_INPUT", a.path("err_code").asText(), bad + ": " + a);
            }
            String future = LocalDateTime.now(BusinessZone.ZONE).plusHours(2).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
            JsonNode a = his.post("/api/2401", "{\"infno\":\"2401\",\"msgid\":\"T-future\",\"input\":{\"mdtrtinfo\":{"
                    + "\"psn_no\":\"" + psn + "\",\"ipt_otp_no\":\"IP-1\",\"begntime\":\"" + future + "\"},\"card_pin\":\"123456\"}}");
            assertEquals("BAD_INPUT", a.path("err_code").asText(), a.toString());
            // the .NET DateTime form stays accepted
            String stay = his.ok("2401", "{\"mdtrtinfo\":{\"psn_no\":\"" + psn + "\",\"ipt_otp_no\":\"IP-1\","
                    + "\"begntime\":\"2026-12-01T10:00:00\"},\"card_pin\":\"123456\"}").path("result").path("mdtrt_id").asText();
            JsonNode before = his.post("/api/2402", "{\"infno\":\"2402\",\"msgid\":\"D-1\",\"input\":{\"dscginfo\":{"
                    + "\"psn_no\":\"" + psn + "\",\"mdtrt_id\":\"" + stay + "\",\"endtime\":\"2026-03-01 10:00:00\"}}}");
            assertEquals("BAD_INPUT", before.path("err_code").asText(), before.toString());
            assertEquals("DISCHARGED", his.ok("2402", "{\"dscginfo\":{\"psn_no\":\"" + psn + "\",\"mdtrt_id\":\"" + stay
                    + "\",\"endtime\":\"2026-12-03 09:30:00\"}}").path("result").path("state").asText());
        });
    }
}
