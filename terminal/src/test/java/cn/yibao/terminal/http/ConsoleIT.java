package cn.yibao.terminal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import cn.yibao.terminal.counter.JournalQuery;
import cn.yibao.terminal.counter.demo.DemoCounter;
import cn.yibao.terminal.testing.ConsoleLogin;
import cn.yibao.terminal.testing.WebDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A cashier completes a pharmacy sale in the console in headless Chromium against the demo counter:
 * scanned items, a name search, the tap, the split, a wrong then a right PIN, the receipt.
 */
class ConsoleIT {

    private static final Path OUT = Path.of("target");

    private ApiFixture api;
    private WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        api = new ApiFixture();
        browser = WebDriver.startChromium(OUT.resolve("chromium"));
        ConsoleLogin.asCashier(browser, api.server);
        browser.waitFor("return document.getElementById('sync').textContent.includes('待上传')",
                "the status bar shows the sync state");
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        api.close();
    }

    @Test
    void cashierCompletesASaleWithTheSplitOnScreen() throws Exception {
        scan("2*6901234500048");
        scan("维生素");
        browser.type("#code", "胶囊" + WebDriver.ENTER);
        browser.waitFor("return document.querySelectorAll('#results li').length === 3", "three search results");
        browser.type("#code", "3" + WebDriver.ENTER);
        waitForLines(3);
        assertEquals("84.90", browser.text("#lines-total"));

        browser.type("#code", WebDriver.F4);
        browser.waitFor("return document.getElementById('psn-name').textContent === '张三'", "the card is read");
        browser.type("#code", WebDriver.F5);
        browser.waitFor("return !document.getElementById('split-table').hidden", "the split is shown");
        assertEquals("84.90", split("medfee_sumamt"));
        assertEquals("84.90", split("acct_pay"));
        assertEquals("0.00", split("psn_cash_pay"));
        assertEquals("9.90", split("fulamt_ownpay_amt"));
        assertEquals("7.50", split("preselfpay_amt"));
        assertTrue(browser.text("#explain").contains("个人账户支付 84.90 元，现金支付 0.00 元"), browser.text("#explain"));

        browser.type("#code", WebDriver.F8);
        browser.waitFor("return !document.getElementById('pin-dialog').hidden", "the PIN prompt");
        browser.type("#pin", "000000" + WebDriver.ENTER);
        browser.waitFor("return document.getElementById('pin-error').textContent.includes('密码错误')",
                "a wrong PIN is refused in Chinese");
        browser.type("#pin", "123456" + WebDriver.ENTER);
        browser.waitFor("return document.getElementById('receipt').textContent.includes('结算号：S')", "the receipt");

        String receipt = browser.text("#receipt");
        assertTrue(receipt.contains("个人账户支付：84.90"), receipt);
        assertTrue(receipt.contains("现金支付：0.00"), receipt);
        assertEquals("215.10", split("balc"));
        assertEquals(Money.parseYuan("215.10"), api.counter.balance(DemoCounter.EMPLOYEE), "debited once");
        assertEquals(1, api.counter.searchJournal(new JournalQuery(null, null, null, null, null, null)).size());
        browser.waitFor("return document.getElementById('sync').textContent.includes('待上传 1 笔')",
                "the status bar counts the queued record");

        Path shot = OUT.resolve("screenshots/console-sale.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.screenshot());
        assertTrue(Files.size(shot) > 10_000, "a real screenshot");
    }

    @Test
    void aCashSaleShowsTheChangeForWhatTheCustomerHandedOver() {
        api.counter.placeCard(DemoCounter.RESIDENT); // no account balance: the whole sale is cash
        scan("2*6901234500048");
        browser.type("#code", WebDriver.F4);
        browser.waitFor("return document.getElementById('psn-name').textContent === '王五'", "the card is read");
        browser.type("#code", WebDriver.F5);
        browser.waitFor("return !document.getElementById('split-table').hidden", "the split is shown");
        String due = split("psn_cash_pay");
        assertEquals("0.00", split("acct_pay"));
        assertTrue(browser.script("return document.getElementById('tender-form').hidden").asBoolean(),
                "no tender before the settlement");

        browser.type("#code", WebDriver.F8);
        browser.waitFor("return !document.getElementById('tender-form').hidden", "the tender field after settling");
        assertEquals(due, browser.text("#cash-due"));
        assertTrue(browser.script("return document.activeElement.id === 'tendered'").asBoolean(), "focus on 实收");
        browser.type("#tendered", "10" + WebDriver.ENTER);
        browser.waitFor("return document.getElementById('message').textContent.includes('实收金额不足')",
                "too little is refused");
        browser.script("document.getElementById('tendered').value = ''");
        browser.type("#tendered", "100" + WebDriver.ENTER);
        String change = Money.parseYuan("100").minus(Money.parseYuan(due)).toYuanString();
        browser.waitFor("return document.getElementById('change').textContent === '" + change + "'", "the change");
        assertEquals("找零 " + change + " 元", browser.text("#message"));
    }

    @Test
    void aLostCardIsRefusedInChineseAndNothingIsSettled() {
        api.counter.placeCard(DemoCounter.LOST_CARD);
        scan("6901234500048");
        browser.type("#code", WebDriver.F4);
        browser.waitFor("return document.getElementById('message').textContent.includes('此卡已挂失')",
                "the refusal banner");
        assertTrue(browser.script("return document.getElementById('person').hidden").asBoolean());
        browser.type("#code", WebDriver.F5);
        browser.waitFor("return document.getElementById('message').textContent === '请先读卡'",
                "no pre-settlement without a card read");
        assertTrue(api.counter.searchJournal(new JournalQuery(null, null, null, null, null, null)).isEmpty());
    }

    private void scan(String code) {
        int before = browser.script("return document.querySelectorAll('#lines tbody tr').length").asInt();
        browser.type("#code", code + WebDriver.ENTER);
        waitForLines(before + 1);
    }

    private void waitForLines(int n) {
        browser.waitFor("return document.querySelectorAll('#lines tbody tr').length === " + n, n + " lines entered");
    }

    private String split(String field) {
        return browser.text("#split-table tr[data-field='" + field + "'] td:last-child");
    }
}
