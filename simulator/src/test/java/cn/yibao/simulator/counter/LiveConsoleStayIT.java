package cn.yibao.simulator.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import cn.yibao.simulator.vpcd.PcscdExtension;
import cn.yibao.terminal.counter.AdmissionRequest;
import cn.yibao.terminal.counter.DischargeRequest;
import cn.yibao.terminal.counter.FeeLine;
import cn.yibao.terminal.counter.FeeUpload;
import cn.yibao.terminal.counter.PersonQuery;
import cn.yibao.terminal.counter.Pin;
import cn.yibao.terminal.counter.Visit;
import cn.yibao.terminal.journal.TxnKind;
import cn.yibao.terminal.testing.WebDriver;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discharge by the hospital's 住院号 (issue 20, point 7), the console's side: the stay lookup
 * ({@code GET /console/api/stay?ipt_otp_no=}, served by the terminal's console API) is answered here
 * in the page by a stand-in with the stay's real visit id, as that endpoint's contract says; the
 * pre-settlement and the settlement go to the live counter. The stay's lines and total show before
 * the pre-settlement; a stay not yet discharged is stopped before the PIN.
 */
@ExtendWith(PcscdExtension.class)
class LiveConsoleStayIT {

    private static final Pin PIN = Pin.ofNullable("123456");

    @TempDir
    Path dir;

    @Test
    void aStayFoundByItsHospitalNumberShowsItsLinesAndIsStoppedBeforeThePinUntilDischarged() throws Exception {
        try (ConsoleTill till = ConsoleTill.open(PcscdExtension.pcscd(), dir)) {
            var counter = till.runtime.counter();
            String psnNo = counter.queryPerson(PersonQuery.cardOnReader()).baseinfo().psnNo();
            Visit stay = counter.admit(new AdmissionRequest(psnNo, null, null, "IP-7", "外科", "阑尾炎"), PIN, "A-1");
            counter.uploadFees(new FeeUpload(List.of(
                    new FeeLine("D1", stay.mdtrtId(), psnNo, LiveCounterTest.OMEPRAZOLE, new BigDecimal("20"), null, "RX-1"),
                    new FeeLine("D2", stay.mdtrtId(), psnNo, LiveCounterTest.LIANHUA, new BigDecimal("40"), null, "RX-1"))));
            Money before = till.balance();
            serveStay(till, stay.mdtrtId(), psnNo, false);

            till.readCard();
            till.keys("\uE033"); // F3
            assertEquals("mdtrt-id", till.focused());
            till.keys("ZY20261206001" + WebDriver.ENTER);
            till.waitLines(2);
            till.waitMessage("尚未办理出院登记");
            assertEquals("1370.00", till.browser.text("#lines-total"), "the stay's lines before any pre-settlement");
            assertTrue(till.browser.text("#stay-info").contains("住院号 ZY20261206001"), till.browser.text("#stay-info"));
            assertEquals("code", till.focused());
            till.preSettle();
            till.keys(WebDriver.F8);
            till.waitMessage("不能出院结算");
            assertTrue(till.browser.script("return document.getElementById('pin-dialog').hidden").asBoolean(),
                    "stopped before the PIN");

            // discharged by the HIS: the same 住院号 settles, the card debited once
            counter.discharge(new DischargeRequest(stay.mdtrtId(), psnNo, null, "1"));
            serveStay(till, stay.mdtrtId(), psnNo, true);
            till.keys(ConsoleTill.F9);
            till.readCard();
            till.keys("\uE033");
            till.keys("ZY20261206001" + WebDriver.ENTER);
            till.browser.waitFor("return Sale.get().state === '预结算'", "pre-settled");
            Money acct = Money.parseYuan(till.split("acct_pay"));
            String receipt = till.settleWithPin("123456");
            assertTrue(receipt.contains("出院结算单") && receipt.contains("住院号：ZY20261206001"), receipt);
            assertEquals(before.minus(acct), till.balance());
            assertEquals(1, till.journal().stream().filter(t -> t.kind() == TxnKind.DISCHARGE).count());
        }
    }

    /** The stay lookup's answer for ZY20261206001, as the console API's contract has it. */
    private static void serveStay(ConsoleTill till, String mdtrtId, String psnNo, boolean discharged) {
        String stay = "{\"mdtrt_id\":\"" + mdtrtId + "\",\"psn_no\":\"" + psnNo + "\",\"psn_name\":\"张伟\","
                + "\"ipt_otp_no\":\"ZY20261206001\",\"discharged\":" + discharged + ",\"total\":1370.00,\"lines\":["
                + "{\"feedetl_sn\":\"D1\",\"med_list_codg\":\"" + LiveCounterTest.OMEPRAZOLE + "\",\"name\":\"奥美拉唑肠溶胶囊\","
                + "\"cnt\":20,\"pric\":18.50,\"det_item_fee_sumamt\":370.00},"
                + "{\"feedetl_sn\":\"D2\",\"med_list_codg\":\"" + LiveCounterTest.LIANHUA + "\",\"name\":\"连花清瘟胶囊\","
                + "\"cnt\":40,\"pric\":25.00,\"det_item_fee_sumamt\":1000.00}]}";
        till.browser.script("const stay = " + stay + ";"
                + " if (!window.realFetch) window.realFetch = window.fetch;"
                + " window.fetch = (path, init) => String(path).startsWith('/console/api/stay?ipt_otp_no=ZY20261206001')"
                + " ? Promise.resolve(new Response(JSON.stringify(stay),"
                + " {status: 200, headers: {'Content-Type': 'application/json'}})) : window.realFetch(path, init);");
    }
}
