package cn.yibao.simulator.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.yibao.card.Money;
import cn.yibao.simulator.devices.PinPadSimulator;
import cn.yibao.terminal.devices.JsscSerialLink;
import cn.yibao.terminal.devices.PinPad;
import cn.yibao.terminal.http.AccessToken;
import cn.yibao.terminal.http.ApiServer;
import cn.yibao.terminal.policy.PolicyPacks;
import cn.yibao.terminal.testing.Await;
import cn.yibao.terminal.testing.PtyPair;
import cn.yibao.terminal.testing.PtyPairExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PIN at the counter (issue 24): requests from an HIS built on the national interface carry no
 * {@code card_pin}; the terminal asks the cardholder on its own PIN pad, simulated on a socat PTY,
 * and settles once it is typed. A pharmacy sale and an outpatient visit, each with a 0.0325-yuan
 * unit price; no PIN in time is {@code PIN_TIMEOUT} with nothing debited.
 */
@ExtendWith(PtyPairExtension.class)
class PinPadIT {

    private static final String TOKEN = "pin-pad-token-0123456789abcdefghijklmnopqrs";

    @TempDir
    Path dir;

    private static String line(String sn, String mdtrtPsn) {
        return "{\"feedetl_sn\":\"" + sn + "\"" + mdtrtPsn + ",\"med_list_codg\":\"" + LiveCounterTest.LIANHUA
                + "\",\"cnt\":\"100.0000\",\"pric\":\"0.0325\",\"rxno\":\"RX-1\"}";
    }

    @Test
    void aSaleAndAVisitSettleWithThePinTypedOnTheCountersPad(PtyPair pty) throws Exception {
        try (PinPadSimulator pad = PinPadSimulator.start(JsscSerialLink.open(pty.right(), 9_600));
             PinPad pinPad = new PinPad(JsscSerialLink.open(pty.left(), 9_600));
             CounterFixture f = new CounterFixture(dir, "employee", PolicyPacks.changchun2010(),
                     b -> b.pinPad(pinPad, Duration.ofSeconds(3)));
             ApiServer server = ApiServer.start(ApiServer.Settings.of(0, AccessToken.of(TOKEN), f.counter))) {
            HisClient his = new HisClient(server.baseUri(), TOKEN);
            String psn = his.ok("1101", "{}").path("baseinfo").path("psn_no").asText();
            Money before = f.card.snapshot().balance();

            // pharmacy sale: 100 × 0.0325 = 3.25, all from the account; no card_pin in the request
            String sale = "{\"druginfo\":{\"psn_no\":\"" + psn + "\"},\"drugdetail\":[" + line("1", "") + "]}";
            assertEquals("PIN_TIMEOUT", his.refused("2102", sale), "nobody typed: refused after the timeout");
            assertEquals(before, f.card.snapshot().balance(), "nothing debited");
            Await.until(Duration.ofSeconds(5), () -> pad.clears() == 1, () -> "cleared " + pad.clears());
            pad.willType("123456");
            JsonNode paid = his.ok("2102", sale).path("setlinfo");
            assertEquals(Money.parseYuan("3.25"), Money.ofYuan(paid.path("acct_pay").decimalValue()), paid.toString());
            Money afterSale = before.minus(Money.parseYuan("3.25"));
            assertEquals(afterSale, f.card.snapshot().balance());
            assertEquals(List.of("3.25", "3.25"), pad.prompts(), "the pad showed the account payment");

            // outpatient visit, settled the same way
            String mdtrtId = his.ok("2201", "{\"data\":{\"psn_no\":\"" + psn + "\",\"ipt_otp_no\":\"OP-1\"}}")
                    .path("data").path("mdtrt_id").asText();
            his.ok("2204", "{\"feedetail\":[" + line("F1", ",\"mdtrt_id\":\"" + mdtrtId + "\",\"psn_no\":\"" + psn + "\"")
                    + "]}");
            String visit = "{\"data\":{\"psn_no\":\"" + psn + "\",\"mdtrt_id\":\"" + mdtrtId + "\",\"acct_pay\":3.25}}";
            assertEquals("3.25", his.ok("2206", visit).path("setlinfo").path("medfee_sumamt").decimalValue()
                    .setScale(2).toPlainString());
            pad.willType("12345x");
            assertEquals("PIN_TIMEOUT", his.refused("2207", visit), "not six digits: no PIN");
            pad.willType("123456");
            JsonNode settled = his.ok("2207", visit).path("setlinfo");
            assertEquals(Money.parseYuan("3.25"), Money.ofYuan(settled.path("acct_pay").decimalValue()), settled.toString());
            assertEquals(afterSale.minus(Money.parseYuan("3.25")), f.card.snapshot().balance());

            // an HIS that owns a pad still sends card_pin: the counter's pad is not asked
            int asked = pad.prompts().size();
            his.ok("2102", sale.substring(0, sale.length() - 1) + ",\"card_pin\":\"123456\"}");
            assertEquals(asked, pad.prompts().size());
        }
    }
}
