package cn.yibao.simulator.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.yibao.card.Money;
import cn.yibao.simulator.devices.DisplaySimulator;
import cn.yibao.terminal.counter.PersonQuery;
import cn.yibao.terminal.devices.CustomerDisplay;
import cn.yibao.terminal.devices.JsscSerialLink;
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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cash side of a sale on the live counter, with the customer display (客显) simulated on a socat
 * PTY: the pre-settlement and the settlement show the cash due (总计), the cash handed over shows
 * 收款 then 找零; too little is refused, and before any settlement there is nothing to tender.
 */
@ExtendWith(PtyPairExtension.class)
class CashTenderIT {

    private static final String TOKEN = "cash-tender-token-0123456789abcdefghijklmn";

    @TempDir
    Path dir;

    @Test
    void theDisplayShowsTheCashDueThenWhatWasPaidAndTheChange(PtyPair pty) throws Exception {
        try (DisplaySimulator sim = DisplaySimulator.start(JsscSerialLink.open(pty.right(), 9_600));
             CustomerDisplay display = new CustomerDisplay(JsscSerialLink.open(pty.left(), 9_600));
             CounterFixture f = new CounterFixture(dir, "resident-adult", PolicyPacks.changchun2010(),
                     b -> b.customerDisplay(display));
             ApiServer server = ApiServer.start(ApiServer.Settings.of(0, AccessToken.of(TOKEN), f.counter))) {
            HisClient his = new HisClient(server.baseUri(), TOKEN);
            assertEquals("NOTHING_TO_TENDER", tender(his, "100").path("err_code").asText());

            String psnNo = f.counter.queryPerson(PersonQuery.cardOnReader()).baseinfo().psnNo();
            String sale = "{\"druginfo\":{\"psn_no\":\"" + psnNo + "\"},\"drugdetail\":[{\"feedetl_sn\":\"1\","
                    + "\"med_list_codg\":\"" + LiveCounterTest.LIANHUA + "\",\"cnt\":2,\"rxno\":\"RX-1\"}]}";
            Money due = Money.parseYuan(his.ok("2101", sale).path("setlinfo").path("psn_cash_pay").asText());
            assertEquals(Money.parseYuan("50.00"), due, "a resident has no account: the whole 50.00 in cash");
            shows(sim, "50.00", CustomerDisplay.Lamp.TOTAL);

            his.ok("2102", sale);
            shows(sim, "50.00", CustomerDisplay.Lamp.TOTAL);
            assertEquals("CASH_SHORT", tender(his, "20").path("err_code").asText());
            JsonNode change = tender(his, "100").path("output");
            assertEquals(List.of(Money.parseYuan("50.00"), Money.parseYuan("100.00"), Money.parseYuan("50.00")),
                    List.of(yuan(change, "due"), yuan(change, "paid"), yuan(change, "change")), change::toString);
            shows(sim, "50.00", CustomerDisplay.Lamp.CHANGE);
            List<DisplaySimulator.Shown> h = sim.history();
            assertEquals(List.of(new DisplaySimulator.Shown("50.00", Optional.of(CustomerDisplay.Lamp.TOTAL)),
                    new DisplaySimulator.Shown("50.00", Optional.of(CustomerDisplay.Lamp.TOTAL)),
                    new DisplaySimulator.Shown("100.00", Optional.of(CustomerDisplay.Lamp.PAID)),
                    new DisplaySimulator.Shown("50.00", Optional.of(CustomerDisplay.Lamp.CHANGE))), h,
                    "总计 at pre-settlement and settlement, then 收款 and 找零; the short tender showed nothing");
        }
    }

    private static Money yuan(JsonNode n, String field) {
        return Money.ofYuan(n.path(field).decimalValue());
    }

    private static void shows(DisplaySimulator sim, String digits, CustomerDisplay.Lamp lamp) {
        DisplaySimulator.Shown want = new DisplaySimulator.Shown(digits, Optional.of(lamp));
        Await.until(Duration.ofSeconds(5), () -> sim.shown().equals(want), () -> "shown " + sim.shown());
    }

    private static JsonNode tender(HisClient his, String paid) throws Exception {
        return his.post("/api/tender", "{\"paid\":\"" + paid + "\"}");
    }
}
