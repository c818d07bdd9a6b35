package cn.yibao.simulator.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import cn.yibao.card.app.CardState;
import cn.yibao.simulator.reader.PcscCounter;
import cn.yibao.simulator.vpcd.PcscdExtension;
import cn.yibao.simulator.vpcd.PrivatePcscd;
import cn.yibao.terminal.counter.AdmissionRequest;
import cn.yibao.terminal.counter.DischargeRequest;
import cn.yibao.terminal.counter.FeeLine;
import cn.yibao.terminal.counter.FeeUpload;
import cn.yibao.terminal.counter.PersonQuery;
import cn.yibao.terminal.counter.Pin;
import cn.yibao.terminal.counter.Visit;
import cn.yibao.terminal.counter.live.CounterRuntime;
import cn.yibao.terminal.counter.live.PcscCardAccess;
import cn.yibao.terminal.http.AccessToken;
import cn.yibao.terminal.http.ApiServer;
import cn.yibao.terminal.journal.TxnKind;
import cn.yibao.terminal.testing.ConsoleLogin;
import cn.yibao.terminal.testing.WebDriver;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The discharge desk for real: the HIS has admitted the patient (the card marked in hospital
 * through pcscd + vpcd), uploaded fee lines and discharged the stay; the clerk reads the card in the
 * console (headless Chromium), types the stay's 住院号 (ipt_otp_no), sees its lines and the split, and the cardholder enters
 * the PIN: the card is debited once and back to normal, the journal holds the discharge settlement.
 */
@ExtendWith(PcscdExtension.class)
class LiveConsoleDischargeIT {

    private static final String TOKEN = "live-console-token-0123456789abcdefghijklmn";
    private static final Pin PIN = Pin.ofNullable("123456");

    @TempDir
    Path dir;

    @Test
    void aDischargeSettledInTheConsoleDebitsOnceAndClearsTheInHospitalState() throws Exception {
        PrivatePcscd pcscd = PcscdExtension.pcscd();
        PcscCardAccess cards = PcscCounter.cardAccess(pcscd);
        try (PcscCounter rig = new PcscCounter(pcscd, "employee", dir.resolve("sim"));
             CounterRuntime runtime = CounterRuntime.open(dir.resolve("terminal"), cards, "220100000001", Clock.systemDefaultZone());
             ApiServer server = ApiServer.start(ApiServer.Settings.of(0, AccessToken.of(TOKEN), runtime.counter()));
             WebDriver browser = WebDriver.startChromium(dir.resolve("chromium"))) {
            String psnNo = runtime.counter().queryPerson(PersonQuery.cardOnReader()).baseinfo().psnNo();
            Visit stay = runtime.counter().admit(
                    new AdmissionRequest(psnNo, null, null, "IP-7", "外科", "阑尾炎"), PIN, "A-1");
            runtime.counter().uploadFees(new FeeUpload(List.of(
                    new FeeLine("D1", stay.mdtrtId(), psnNo, LiveCounterTest.OMEPRAZOLE, new BigDecimal("20"), null, "RX-1"),
                    new FeeLine("D2", stay.mdtrtId(), psnNo, LiveCounterTest.LIANHUA, new BigDecimal("40"), null, "RX-1"))));
            runtime.counter().discharge(new DischargeRequest(stay.mdtrtId(), psnNo, null, "1"));
            assertEquals(CardState.IN_HOSPITAL, rig.card().snapshot().insurance().cardState());
            Money before = rig.card().snapshot().balance();
            int logBefore = rig.card().snapshot().log().size();

            ConsoleLogin.asCashier(browser, server);
            browser.waitFor("return document.getElementById('mdtrt-id') !== null", "the console is up");
            browser.type("#code", WebDriver.F4);
            browser.waitFor("return document.getElementById('card-no').textContent.includes('住院状态')",
                    "the card is read, in hospital");
            browser.type("#code", WebDriver.F3);
            browser.type("#mdtrt-id", "IP-7" + WebDriver.ENTER); // the hospital's 住院号, as the clerk has it
            browser.waitFor("return !document.getElementById('split-table').hidden", "the discharge split is shown");
            Money medfee = Money.parseYuan(split(browser, "medfee_sumamt"));
            Money acct = Money.parseYuan(split(browser, "acct_pay"));
            assertEquals(Money.parseYuan("1370.00"), medfee, "20 × 18.50 + 40 × 25.00");

            browser.type("#mdtrt-id", WebDriver.F8);
            browser.waitFor("return !document.getElementById('pin-dialog').hidden", "the PIN prompt");
            assertTrue(browser.text("#pin-amount").startsWith("出院结算"), browser.text("#pin-amount"));
            browser.type("#pin", "123456" + WebDriver.ENTER);
            browser.waitFor("return document.getElementById('receipt').textContent.includes('结算号：S')", "the receipt");
            String receipt = browser.text("#receipt");
            assertTrue(receipt.contains("出院结算单") && receipt.contains("住院号：IP-7"), receipt);
            Path shot = Path.of("target/screenshots/live-console-discharge.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, browser.screenshot());

            assertEquals(CardState.NORMAL, rig.card().snapshot().insurance().cardState(), "no longer in hospital");
            assertEquals(before.minus(acct), rig.card().snapshot().balance(), "debited once");
            assertEquals(logBefore + 1, rig.card().snapshot().log().size());
            assertEquals(1, runtime.journal().queries().recent(10).stream()
                    .filter(t -> t.kind() == TxnKind.DISCHARGE).count(), "one discharge settlement journaled");
        }
    }

    private static String split(WebDriver browser, String field) {
        return browser.text("#split-table tr[data-field='" + field + "'] td:last-child");
    }
}
