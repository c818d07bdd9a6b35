package cn.yibao.simulator.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import cn.yibao.simulator.devices.PrinterSimulator;
import cn.yibao.simulator.reader.PcscCounter;
import cn.yibao.simulator.vpcd.PcscdExtension;
import cn.yibao.simulator.vpcd.PrivatePcscd;
import cn.yibao.terminal.counter.live.CounterRuntime;
import cn.yibao.terminal.counter.live.PcscCardAccess;
import cn.yibao.terminal.counter.live.ReceiptDesk;
import cn.yibao.terminal.counter.live.RuntimeOptions;
import cn.yibao.terminal.devices.JsscSerialLink;
import cn.yibao.terminal.devices.PaperWidth;
import cn.yibao.terminal.devices.ReceiptPrinter;
import cn.yibao.terminal.http.AccessToken;
import cn.yibao.terminal.http.ApiServer;
import cn.yibao.terminal.testing.Await;
import cn.yibao.terminal.testing.ConsoleLogin;
import cn.yibao.terminal.testing.PtyPair;
import cn.yibao.terminal.testing.PtyPairExtension;
import cn.yibao.terminal.testing.WebDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole counter for real: a cashier sells two items in the console (headless Chromium), the card
 * is read and debited through pcscd + vpcd, the sale is journaled and signed, and the receipt that
 * the printer simulator decodes from its PTY shows the split.
 */
@ExtendWith({PcscdExtension.class, PtyPairExtension.class})
class LiveConsoleSaleIT {

    private static final String TOKEN = "live-console-token-0123456789abcdefghijklmn";

    @TempDir
    Path dir;

    @Test
    void aSaleInTheConsoleDebitsTheCardOnceAndPrintsTheSplit(PtyPair pty) throws Exception {
        PrivatePcscd pcscd = PcscdExtension.pcscd();
        PcscCardAccess cards = PcscCounter.cardAccess(pcscd);
        try (PcscCounter rig = new PcscCounter(pcscd, "employee", dir.resolve("sim"));
             PrinterSimulator printerSim = PrinterSimulator.start(JsscSerialLink.open(pty.right(), 115_200));
             ReceiptPrinter printer = new ReceiptPrinter(JsscSerialLink.open(pty.left(), 115_200), PaperWidth.MM58,
                     Duration.ofMillis(500));
             CounterRuntime runtime = CounterRuntime.open(dir.resolve("terminal"), cards, "220100000001",
                     Clock.systemDefaultZone(),
                     RuntimeOptions.defaults().receiptDesk(new ReceiptDesk(printer, "定点零售药店", "220100000001")));
             ApiServer server = ApiServer.start(ApiServer.Settings.of(0, AccessToken.of(TOKEN), runtime.counter()));
             WebDriver browser = WebDriver.startChromium(dir.resolve("chromium"))) {
            Money before = rig.card().snapshot().balance();

            ConsoleLogin.asCashier(browser, server);
            browser.waitFor("return document.getElementById('code') !== null", "the console is up");
            scan(browser, "2*6901234500048", 1);   // 连花清瘟胶囊, class B, 25.00
            scan(browser, "6901234500062", 2);     // 维生素C片, class C, 9.90
            assertEquals("59.90", browser.text("#lines-total"));

            browser.type("#code", WebDriver.F4);
            browser.waitFor("return document.getElementById('psn-name').textContent === '张伟'", "the card is read");
            browser.type("#code", WebDriver.F5);
            browser.waitFor("return !document.getElementById('split-table').hidden", "the split is shown");
            assertEquals("59.90", split(browser, "acct_pay"));
            assertEquals("5.00", split(browser, "preselfpay_amt"));

            browser.type("#code", WebDriver.F8);
            browser.waitFor("return !document.getElementById('pin-dialog').hidden", "the PIN prompt");
            browser.type("#pin", "123456" + WebDriver.ENTER);
            browser.waitFor("return document.getElementById('receipt').textContent.includes('结算号：S')", "the receipt");
            Path shot = Path.of("target/screenshots/live-console-sale.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, browser.screenshot());

            assertEquals(before.minus(Money.parseYuan("59.90")), rig.card().snapshot().balance(), "debited once");
            assertEquals(1, rig.card().snapshot().log().size());
            assertEquals(1, runtime.journal().records().head().nextSeq() - 1, "one signed record");

            Await.until(Duration.ofSeconds(10), () -> printerSim.receipts().size() == 1,
                    () -> "printed " + printerSim.receipts());
            List<String> paper = printerSim.receipts().get(0);
            assertTrue(paper.stream().anyMatch(l -> l.startsWith("个人账户支付") && l.endsWith("59.90")), String.join("\n", paper));
            assertTrue(paper.stream().anyMatch(l -> l.startsWith("医疗费总额") && l.endsWith("59.90")), String.join("\n", paper));
            assertTrue(paper.stream().anyMatch(l -> l.startsWith("账户余额") && l.endsWith("1440.10")), String.join("\n", paper));
            assertTrue(paper.stream().anyMatch(l -> l.startsWith("操作员") && l.endsWith(ConsoleLogin.CASHIER_ID + " "
                    + ConsoleLogin.CASHIER_NAME)), "the receipt names the cashier: " + String.join("\n", paper));

            // the customer asks for a copy while the printer is out of paper, then once it is back
            printerSim.setPaperOut(true);
            browser.type("#code", WebDriver.F10);
            browser.waitFor("return document.getElementById('message').textContent.includes('打印机缺纸')",
                    "the cashier is told the printer is out of paper");
            printerSim.setPaperOut(false);
            browser.type("#code", WebDriver.F10);
            browser.waitFor("return document.getElementById('message').textContent === '已补打小票'", "reprinted");
            Await.until(Duration.ofSeconds(10), () -> printerSim.receipts().size() == 2,
                    () -> "printed " + printerSim.receipts());
            assertEquals(paper, printerSim.receipts().get(1), "the same receipt again");
            assertEquals(1, rig.card().snapshot().log().size(), "a reprint touches no card");
        }
    }

    private static void scan(WebDriver browser, String code, int lines) {
        browser.type("#code", code + WebDriver.ENTER);
        browser.waitFor("return document.querySelectorAll('#lines tbody tr').length === " + lines, lines + " lines");
    }

    private static String split(WebDriver browser, String field) {
        return browser.text("#split-table tr[data-field='" + field + "'] td:last-child");
    }
}
