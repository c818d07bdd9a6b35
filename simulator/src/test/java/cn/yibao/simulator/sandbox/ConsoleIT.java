package cn.yibao.simulator.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import cn.yibao.terminal.counter.JournalQuery;
import cn.yibao.terminal.http.AccessToken;
import cn.yibao.terminal.testing.ConsoleLogin;
import cn.yibao.terminal.testing.WebDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cashier completes a pharmacy sale in the console in headless Chromium against the sandbox (the
 * live counter on simulated parts): scanned items, a name search, the tap, the split, a wrong then a
 * right PIN, the receipt, the upload to the host.
 */
class ConsoleIT {

    private static final Path OUT = Path.of("target");

    @TempDir
    Path home;
    private SandboxFixture api;
    private WebDriver browser;
    private Money start;

    @BeforeEach
    void start() throws Exception {
        api = new SandboxFixture(home);
        start = api.balance();
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
    void pinyinInitialsFindTheDrug() {
        browser.type("#code", "amxl" + WebDriver.ENTER);
        // one match goes into the basket, several are offered in the list
        browser.waitFor("return Array.from(document.querySelectorAll('#results li, #lines tbody tr'))"
                + ".some(e => e.textContent.includes('阿莫西林'))", "阿莫西林 found by its pinyin initials");
        // the till asks only what the terminal offers: no request of this page was answered 404
        assertEquals("[]", browser.script("return JSON.stringify(performance.getEntriesByType('resource')"
                + ".filter(e => e.responseStatus === 404).map(e => e.name.split('?')[0]))").asText());
    }

    @Test
    void aUsedLoginLinkShowsTheLoginPageInChinese() {
        String link = "/console/login?ticket=" + AccessToken.of(SandboxFixture.TOKEN).loginTicket(SandboxFixture.CLOCK);
        browser.open(api.server.baseUri().resolve(link));
        browser.waitFor("return document.getElementById('opter-id') !== null", "the login page");
        browser.open(api.server.baseUri().resolve(link));
        browser.waitFor("return document.getElementById('login-error') !== null"
                + " && document.getElementById('login-error').textContent.startsWith('登录链接无效')",
                "the used link is said so in Chinese on the login page");
        assertFalse(browser.script("return document.body.innerText").asText().contains("err_code"), "no JSON page");
    }

    @Test
    void cashierCompletesASaleWithTheSplitOnScreen() throws Exception {
        scan("2*6901234500048");
        scan("维生素");
        browser.type("#code", "胶囊" + WebDriver.ENTER);
        browser.waitFor("return document.querySelectorAll('#results li').length === 3", "three search results");
        browser.type("#code", "3" + WebDriver.ENTER);
        waitForLines(2); // the third pick is the vitamin again: repeated items merge into one line
        assertEquals("84.90", browser.text("#lines-total"));

        browser.type("#code", WebDriver.F4);
        browser.waitFor("return document.getElementById('psn-name').textContent === '张伟'", "the card is read");
        browser.type("#code", WebDriver.F5);
        browser.waitFor("return !document.getElementById('split-table').hidden", "the split is shown");
        assertEquals("84.90", split("medfee_sumamt"));
        assertEquals("84.90", split("acct_pay"));
        assertEquals("0.00", split("psn_cash_pay"));
        assertEquals("9.90", split("fulamt_ownpay_amt"));
        assertEquals("7.50", split("preselfpay_amt"));
        assertTrue(browser.text("#explain").contains("个人账户支付 84.90 = min(卡内余额 1500.00, 个人负担 84.90)"),
                browser.text("#explain"));

        browser.type("#code", WebDriver.F8);
        browser.waitFor("return !document.getElementById('pin-dialog').hidden", "the PIN prompt");
        browser.type("#pin", "000000" + WebDriver.ENTER);
        browser.waitFor("return document.getElementById('pin-error').textContent.includes('密码错误')",
                "a wrong PIN is refused in Chinese");
        assertFalse(browser.script("return document.getElementById('pin-dialog').hidden").asBoolean(),
                "PIN_WRONG keeps the PIN prompt open for another try");
        assertTrue(browser.text("#pin-error").contains("剩余 2 次"), browser.text("#pin-error"));
        browser.type("#pin", "123456" + WebDriver.ENTER);
        browser.waitFor("return document.getElementById('receipt').textContent.includes('结算号：S')", "the receipt");

        String receipt = browser.text("#receipt");
        assertTrue(receipt.contains("个人账户支付：84.90"), receipt);
        assertTrue(receipt.contains("现金支付：0.00"), receipt);
        Money left = start.minus(Money.parseYuan("84.90"));
        assertEquals(left.toYuanString(), split("balc"));
        assertEquals(left, api.balance(), "debited once");
        assertEquals(1, api.sandbox.counter().searchJournal(new JournalQuery(null, null, null, null, null, null)).size());
        browser.waitFor("return /^待上传 0 笔 · 最后上传 \\d\\d:\\d\\d/.test(document.getElementById('sync').textContent)",
                "the status bar shows the record acknowledged by the host");

        Path shot = OUT.resolve("screenshots/console-sale.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.screenshot());
        assertTrue(Files.size(shot) > 10_000, "a real screenshot");
    }

    @Test
    void aCashSaleShowsTheChangeForWhatTheCustomerHandedOver() {
        api.insert("resident-minor"); // no personal account: the whole sale is cash
        scan("2*6901234500048");
        browser.type("#code", WebDriver.F4);
        browser.waitFor("return document.getElementById('psn-name').textContent === '杨子涵'", "the card is read");
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
        api.insert("lost");
        scan("6901234500048");
        browser.type("#code", WebDriver.F4);
        browser.waitFor("return document.getElementById('message').textContent.includes('此卡已挂失')",
                "the refusal banner");
        browser.script("document.getElementById('message').textContent = ''");
        browser.type("#code", WebDriver.F5); // the live counter reads a lost card and refuses to settle on it
        browser.waitFor("return document.getElementById('message').textContent.includes('此卡已挂失')",
                "the pre-settlement is refused");
        assertTrue(browser.script("return document.getElementById('split-table').hidden").asBoolean(), "no split");
        assertTrue(api.sandbox.counter().searchJournal(new JournalQuery(null, null, null, null, null, null)).isEmpty());
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
